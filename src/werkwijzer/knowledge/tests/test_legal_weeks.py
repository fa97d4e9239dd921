"""Legal weeks in content come from the timeline's route data, never typed by hand (issue 13).

The FAQ and the WIA article once said "apply after two years" (the deadline is week 93),
and two articles put UWV's letter at week 91 where the timeline has week 88. Content now
writes ``{{ week:key }}`` and these tests fail on a week typed by hand.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.urls import reverse

from werkwijzer.knowledge.content import read_articles
from werkwijzer.navigator.rules import RULES_FILE
from werkwijzer.timeline import legal_weeks
from werkwijzer.timeline.routes import build_route

CONTENT = Path(settings.CONTENT_DIR)


def _strings(value, where: str):
    """Every text in plain data, with where it is."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def _article_texts():
    for language, articles in read_articles(CONTENT / "knowledge").items():
        for article in articles:
            where = f"knowledge/{language}/{article.slug}"
            yield from _strings(
                {key: article.meta.get(key) for key in ("title", "summary", "keywords")}, where
            )
            yield from _strings(article.blocks, where)


def _yaml_texts(*relative: str):
    for name in relative:
        for path in sorted(CONTENT.glob(name)):
            where = str(path.relative_to(CONTENT))
            yield from _strings(yaml.safe_load(path.read_text(encoding="utf-8")), where)


def all_content_texts():
    yield from _article_texts()
    yield from _yaml_texts(
        "questions/faq.yaml",
        "helpers/*.yaml",
        "employers/guide.yaml",
        "conversation/*.yaml",
    )
    yield from _strings(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")), "rules.yaml")


def test_the_weeks_are_those_the_timeline_dates_with():
    weeks = {key: week.week for key, week in legal_weeks.legal_weeks().items()}
    route = build_route("loondienst-vast", date(2025, 3, 12))
    by_code = {m.code: m.week for m in route.milestones}
    assert weeks["wia_week"] == by_code["wia-aanvraag"] == 93
    assert weeks["analysis_week"] == by_code["probleemanalyse"]
    assert weeks["plan_week"] == by_code["plan-van-aanpak"]
    assert weeks["first_year_week"] == by_code["eerstejaarsevaluatie"]
    assert weeks["waiting_weeks"] == by_code["einde-loondoorbetaling"]
    assert weeks["iva_last_week"] == by_code["vervroegde-iva"]
    # The UWV report is due on the first working day after its week.
    assert weeks["uwv_report_week"] + 1 == by_code["ziekmelding-uwv"]


def test_every_week_names_a_known_source():
    from werkwijzer.core.sources import sources

    for week in legal_weeks.legal_weeks().values():
        assert week.sources and set(week.sources) <= set(sources()), week


def test_placeholders_are_filled_in_and_unknown_ones_stay_visible():
    text = "Vraag de WIA uiterlijk in week {{ week:wia_week }} aan. {{ week:nope }}"
    assert legal_weeks.resolve(text) == "Vraag de WIA uiterlijk in week 93 aan. {{ week:nope }}"
    assert legal_weeks.unknown_keys(text) == ["nope"]


@pytest.mark.parametrize(
    "text",
    [
        "Vraag de WIA aan in week 93.",
        "Rond de 91e week krijg je een brief.",
        "Na 104 weken stopt het loon.",
        "You keep your WW for 13 weeks.",
        "Apply by the 93rd week.",
    ],
)
def test_a_week_typed_by_hand_is_found(text):
    assert legal_weeks.legal_week_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vraag de WIA uiterlijk in week {{ week:wia_week }} aan.",
        "Binnen een week meld je je ziek.",
        "Bespreek het elke paar weken.",
        "Uren per week: 20",
        "Spreek af: elke twee weken contact.",
    ],
)
def test_a_placeholder_or_an_ordinary_week_is_fine(text):
    assert not legal_weeks.legal_week_problems(text)


def test_no_content_types_a_legal_week_by_hand():
    problems = [
        f"{where}: {found}"
        for where, text in all_content_texts()
        for found in legal_weeks.legal_week_problems(text)
    ]
    assert not problems, "\n".join(problems)


AFTER_TWO_YEARS = re.compile(
    r"(?<!bijna )(?<!almost )(?<!dan )(?<!than )\b(na|after) (twee|2|two) (jaar|years)\b",
    re.IGNORECASE,
)
APPLY = re.compile(r"aanvra|vraag[^.?!]*\baan\b|\bapply", re.IGNORECASE)


def says_apply_after_two_years(text: str) -> bool:
    """A sentence that has you apply (for the WIA) after two years: the deadline is
    before the two years are over."""
    sentences = re.split(r"(?<=[.?!])\s+", text)
    return any(AFTER_TWO_YEARS.search(s) and APPLY.search(s) for s in sentences)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Na twee jaar kunt u een WIA-uitkering aanvragen bij UWV.", True),
        ("After two years you can apply for a WIA benefit at UWV.", True),
        ("Soms kun je die eerder aanvragen dan na twee jaar.", False),
        ("Bent u na bijna twee jaar nog ziek? Vraag dan op tijd de WIA aan.", False),
        ("Na twee jaar stopt de loondoorbetaling.", False),
    ],
)
def test_apply_after_two_years_is_recognised(text, wrong):
    assert says_apply_after_two_years(text) is wrong


def test_no_content_says_you_apply_for_wia_after_two_years():
    wrong = [where for where, text in all_content_texts() if says_apply_after_two_years(text)]
    assert not wrong, wrong


def test_an_article_that_names_a_week_cites_the_source_of_that_week():
    for language, articles in read_articles(CONTENT / "knowledge").items():
        originals = {a.slug: a for a in read_articles(CONTENT / "knowledge").get("nl", [])}
        for article in articles:
            texts = [text for _where, text in _strings(article.blocks, "")]
            texts += [str(article.meta.get("summary", ""))]
            cited = set((originals.get(article.slug) or article).meta.get("sources") or [])
            missing = legal_weeks.sources_of(texts) - cited
            assert not missing, (language, article.slug, missing)


def test_every_faq_answer_that_names_a_week_cites_its_source():
    data = yaml.safe_load((CONTENT / "questions" / "faq.yaml").read_text(encoding="utf-8"))
    for entry in data["faq"]:
        texts = [entry["answer_nl"], entry.get("answer_en", "")]
        missing = legal_weeks.sources_of(texts) - set(entry.get("sources") or [])
        assert not missing, (entry["slug"], missing)


@pytest.mark.django_db
def test_articles_show_the_week_from_the_route_data(client, kennisbank):
    html = client.get("/kennisbank/wia/").content.decode()
    assert "week 93" in html
    assert "{{" not in html
    assert "week 91" not in html


@pytest.mark.django_db
def test_the_search_data_has_the_weeks_filled_in(kennisbank):
    from werkwijzer.knowledge.models import ArticlePage

    page = ArticlePage.objects.get(slug="wia", locale__language_code="nl")
    passages = " ".join(page.search_data["passages"])
    assert "week 93" in passages and "{{" not in passages
    assert page.search_data["weeks"] == legal_weeks.fingerprint()


@pytest.mark.django_db
def test_a_faq_answer_shows_the_week_from_the_route_data(client):
    from werkwijzer.questions.models import FaqEntry

    FaqEntry.objects.create(
        slug="wia-week",
        question_nl="Wanneer vraag ik de WIA aan?",
        answer_nl="Uiterlijk in week {{ week:wia_week }} van je ziekte.",
        published=True,
    )
    html = client.get(reverse("questions:faq_detail", args=["wia-week"])).content.decode()
    assert "Uiterlijk in week 93 van je ziekte." in html


def test_the_helper_texts_are_filled_in_when_read():
    from werkwijzer.helpers.content import parse_helper_file

    uwv = parse_helper_file(CONTENT / "helpers" / "uwv.yaml")
    facts = " ".join(fact["text"] for fact in uwv.texts["nl"]["facts"])
    assert "week 93" in facts and "{{" not in facts


def test_the_employer_guide_and_decision_aid_are_filled_in():
    from werkwijzer.conversation.content import document, localise

    guide = localise(document(CONTENT, "guide", app="employers"), "nl")
    text = " ".join(t for _w, t in _strings(guide, ""))
    assert "week 42" in text and "{{" not in text


def test_rule_texts_are_filled_in():
    from werkwijzer.navigator.rules import default_rules

    texts = " ".join(" ".join(rule.why.values()) for rule in default_rules())
    assert "week 93" in texts and "{{" not in texts
