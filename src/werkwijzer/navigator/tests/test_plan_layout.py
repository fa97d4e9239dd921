"""Issue 15: the plan in short. What to do now first (at most three steps, three to five
helpers with their nearest provider), the rest folded; the dates from today on, with the
six-weekly review once; article links by title; rule ids for professionals only; a PDF
of at most four pages for each standard situation."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from pypdf import PdfReader

from werkwijzer.accounts.testing import force_login_verified
from werkwijzer.knowledge.testing import kennisbank, kennisbank_session  # noqa: F401
from werkwijzer.navigator.engine import plan, route_milestones
from werkwijzer.navigator.plan import PlannedHelper, PlannedMilestone, date_overview, first_helpers
from werkwijzer.navigator.situation import parse_situation
from werkwijzer.navigator.tests.conftest import file_catalogue
from werkwijzer.navigator.tests.standard_situations import STANDARD_SITUATIONS
from werkwijzer.navigator.tests.test_api import SITUATION
from werkwijzer.navigator.tests.test_engine_table import BASE, TODAY
from werkwijzer.timeline.routes import format_date

MAX_PDF_PAGES = 4


def helper(slug: str, priority: int) -> PlannedHelper:
    return PlannedHelper(slug, slug.title(), priority, (), "", "")


@pytest.mark.parametrize(
    ("priorities", "first_count"),
    [
        ([1, 1, 1, 1, 1, 1, 1, 2, 3], 5),  # never more than five
        ([1, 1, 1, 1, 2, 2], 4),  # every urgent one
        ([1, 2, 2, 3, 3], 3),  # filled up to three
        ([2, 3], 2),  # fewer helpers than three: all of them
        ([], 0),
    ],
)
def test_first_helpers_are_the_urgent_ones_three_to_five(priorities, first_count):
    helpers = tuple(helper(f"h{n}", p) for n, p in enumerate(priorities))
    first, later = first_helpers(helpers)
    assert len(first) == first_count
    assert first + later == helpers


def milestone(code: str, due: dt.date, what: str = "") -> PlannedMilestone:
    return PlannedMilestone(code, due, None, "werkgever", what or code, "arboportaal-verzuim")


def test_dates_from_today_with_the_review_once_at_its_next_date():
    day = dt.date(2026, 1, 5)
    milestones = [
        milestone("ziekmelding", day),
        milestone("plan-van-aanpak", day + dt.timedelta(weeks=8)),
        *(milestone("evaluatie", day + dt.timedelta(weeks=8 + 6 * n), f"E{n}") for n in (1, 2, 3)),
        milestone("ziekmelding-uwv", day + dt.timedelta(weeks=42)),
    ]
    overview = date_overview(milestones, day + dt.timedelta(weeks=16), "nl")
    assert [row.milestone.code for row in overview.past] == ["ziekmelding", "plan-van-aanpak"]
    upcoming = [(row.milestone.code, row.milestone.what) for row in overview.upcoming]
    assert upcoming == [("evaluatie", "E2"), ("ziekmelding-uwv", "ziekmelding-uwv")]
    review = overview.upcoming[0]
    assert (review.every_weeks, review.title) == (6, "Evaluatie van het plan")
    assert overview.past[0].every_weeks is None


def test_once_every_review_has_passed_the_last_one_is_shown_among_the_past():
    day = dt.date(2026, 1, 5)
    reviews = [milestone("evaluatie", day + dt.timedelta(weeks=6 * n), f"E{n}") for n in (1, 2)]
    overview = date_overview(reviews, day + dt.timedelta(weeks=20), "en")
    assert overview.upcoming == ()
    assert [(row.milestone.what, row.title) for row in overview.past] == [
        ("E2", "Review of the plan")
    ]


def test_a_real_route_shows_one_review_row_among_its_dates(catalogue):
    situation = parse_situation(
        {**BASE, "employment": "loondienst-vast", "sick_since": "2026-01-05"}, today=TODAY
    )
    result = plan(situation, catalogue, today=TODAY, milestones=route_milestones)
    reviews = sum(m.code == "evaluatie" for m in result.milestones)
    assert reviews > 5
    overview = date_overview(result.milestones, TODAY, "nl")
    rows = overview.upcoming + overview.past
    assert [row.milestone.code for row in rows].count("evaluatie") == 1
    assert len(rows) == len(result.milestones) - reviews + 1
    assert all(row.milestone.due >= TODAY for row in overview.upcoming)
    assert all(row.milestone.due < TODAY for row in overview.past)


# --- the page --------------------------------------------------------------------------


def form_data(situation: dict) -> dict:
    data = {key: value for key, value in situation.items() if key != "language"}
    return {k: str(v).lower() if isinstance(v, bool) else v for k, v in data.items()}


def language_header(situation: dict) -> dict:
    return {"HTTP_ACCEPT_LANGUAGE": situation.get("language", "nl")}


def plan_html(client, situation: dict = SITUATION) -> str:
    response = client.post("/wegwijzer/plan/", form_data(situation), **language_header(situation))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("helper_catalogue")
def test_the_page_shows_what_to_do_now_first_and_folds_the_rest(client):
    html = plan_html(client)
    now, rest = html.split('id="milestones-title"')
    assert len(re.findall(r'class="card plan-helper"', now)) in range(3, 6)
    assert '<ol class="steps">' in now
    assert "Later of als het nodig is" in rest
    later = rest.split('id="later-title"')[1]
    assert '<details class="fold">' in later and "later-list" in later
    assert 'class="date-row date-row--today"' in rest


@pytest.mark.usefixtures("helper_catalogue")
def test_the_page_shows_the_review_once_and_folds_past_dates(client):
    html = plan_html(client, {**SITUATION, "sick_since": "2025-06-02"})
    assert "elke 6 weken, de volgende op" in html
    assert len(re.findall(r"Evaluatie van het plan", html)) == 1
    assert not re.search(r"Evaluatie \d+:", html.split('id="milestones-title"')[1])
    past = html.split('class="fold past-dates"')[1].split("</details>")[0]
    assert "dates that have passed" not in past and "datums die voorbij zijn" in past
    situation = parse_situation(form_data({**SITUATION, "sick_since": "2025-06-02"}))
    result = plan(situation, file_catalogue(), today=dt.date.today(), milestones=route_milestones)
    reported = next(m for m in result.milestones if m.code == "ziekmelding")
    assert format_date(reported.due, "nl") in past and reported.what in past


@pytest.mark.usefixtures("helper_catalogue")
def test_in_english(client):
    html = plan_html(client, {**SITUATION, "language": "en", "sick_since": "2025-06-02"})
    assert "Later or when you need it" in html and "What to do now" in html
    assert "every 6 weeks, the next on" in html
    assert "Today" in html


@pytest.mark.usefixtures("helper_catalogue")
def test_rule_ids_only_for_professionals(client, django_user_model):
    assert "ALL-" not in plan_html(client) and "EMP-" not in plan_html(client)
    employee = django_user_model.objects.create_user("w", "w@example.org", "x" * 12, role="person")
    force_login_verified(client, employee)
    html = plan_html(client)
    assert "EMP-" not in html and "bron" in html
    professional = django_user_model.objects.create_user(
        "p", "p@example.org", "x" * 12, role="professional"
    )
    force_login_verified(client, professional)
    assert re.search(r"regel (EMP|ALL)-\d+", plan_html(client))


@pytest.mark.usefixtures("helper_catalogue")
def test_the_first_helper_shows_its_nearest_provider_with_contact_details(client):
    from werkwijzer.directory.factories import ProviderFactory
    from werkwijzer.directory.models import Postcode

    centre, _new = Postcode.objects.get_or_create(
        pc4="6525", defaults={"lat": 51.82, "lon": 5.86, "municipality": "Nijmegen"}
    )
    ProviderFactory(
        name="Anna Proefhuizen",
        kinds=["bedrijfsarts"],
        lat=centre.lat,
        lon=centre.lon,
        street="Voorbeeldstraat 1",
        postcode="6525 AB",
        city="Nijmegen",
        phone="0123 456 789",
        email="anna@proefhuizen.example",
    )
    html = plan_html(client, {**SITUATION, "postcode": "6525"})
    card = html.split('id="helper-bedrijfsarts"')[1].split('id="helper-')[0]
    assert "Anna Proefhuizen" in card and 'href="tel:0123456789"' in card
    assert "anna@proefhuizen.example" in card
    assert "Voorbeeldstraat 1, 6525 AB Nijmegen" in card
    # The API gives the same contact details, beside the fields it always had.
    body = json.dumps({**SITUATION, "postcode": "6525"})
    data = client.post("/api/v1/plan", data=body, content_type="application/json").json()
    nearest = next(h for h in data["helpers"] if h["slug"] == "bedrijfsarts")["nearby"][0]
    assert nearest["phone"] == "0123 456 789" and nearest["city"] == "Nijmegen"
    assert {"id", "name", "organisation", "distance_km", "url", "self_referral"} <= set(nearest)


@pytest.mark.usefixtures("helper_catalogue", "kennisbank")
def test_read_more_links_go_to_the_articles_by_title(client, django_assert_max_num_queries):
    from werkwijzer.navigator.presentation import reading

    reading(["wia"], "nl")  # the links are kept per language and content version
    with django_assert_max_num_queries(1):  # the content version (each time in the tests)
        articles = reading(["poortwachter", "plan-van-aanpak"], "nl")
    assert articles[0]["url"] == "/kennisbank/poortwachter/"
    html = plan_html(client)
    links = html.split('id="topics-title"')[1]
    assert '<a class="utrecht-link" href="/kennisbank/poortwachter/">' in links
    assert "?topic=" not in html
    # An article without an English translation: the Dutch one stands in, and says so.
    # (Every article has one now, so the test takes the English one offline.)
    from werkwijzer.core.versions import content_changed
    from werkwijzer.knowledge.models import ArticlePage

    original = ArticlePage.objects.get(locale__language_code="nl", slug="plan-van-aanpak")
    ArticlePage.objects.filter(translation_key=original.translation_key).exclude(
        pk=original.pk
    ).update(live=False)
    content_changed()
    english = reading(["plan-van-aanpak"], "en")
    assert {(a["url"], a["language"]) for a in english} >= {("/kennisbank/plan-van-aanpak/", "nl")}
    html = plan_html(client, {**SITUATION, "language": "en"})
    assert 'href="/kennisbank/plan-van-aanpak/" lang="nl">Het plan van aanpak</a>' in html


@pytest.mark.parametrize("name", list(STANDARD_SITUATIONS))
@pytest.mark.usefixtures("helper_catalogue", "kennisbank")
def test_the_pdf_of_each_standard_situation_has_at_most_four_pages(client, name):
    situation = STANDARD_SITUATIONS[name]
    response = client.post(
        "/wegwijzer/plan.pdf", form_data(situation), **language_header(situation)
    )
    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    print(f"{name}: {pages} PDF pages")
    assert pages <= MAX_PDF_PAGES, f"{name}: {pages} pages"
