"""Aggregation with small-cell suppression, for every filter combination.

The data has many groups of fewer than 10 people on purpose. For every region (and
all), every care setting (and all) and every moment, each number shown must rest on at
least 10 people, must equal the figure computed by hand from the publishable groups,
and no small group may be worked out by subtracting one view from another.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict

import pytest

from werkwijzer.outcomes import aggregates
from werkwijzer.outcomes.aggregates import MIN_CELL, breakdown, by_moment, refresh_summary
from werkwijzer.outcomes.choices import CARE_SETTINGS, REGIONS
from werkwijzer.outcomes.models import Participant, Response, Summary
from werkwijzer.outcomes.moments import MOMENTS

pytestmark = pytest.mark.django_db


def _make(rng: random.Random) -> list[dict]:
    """Group sizes from 0 to 30 per (moment, region, care setting), many below 10."""
    rows = []
    participant = Participant.objects.create(
        diagnosis_date=dt.date(2024, 1, 1), region="utrecht", care_setting="umc", synthetic=True
    )
    for moment, region, setting in itertools.product(MOMENTS, REGIONS, CARE_SETTINGS):
        size = rng.choice([0, 1, 3, 9, 10, 11, 25])
        for _ in range(size):
            rows.append(
                {
                    "moment": moment,
                    "region": region,
                    "care_setting": setting,
                    "work_discussed": rng.random() < 0.6,
                    "referral_offered": rng.random() < 0.3,
                    "returned_to_work": rng.choice(["yes", "no", "never_stopped"]),
                    "work_ability": rng.randint(0, 10),
                }
            )
    # One participant per moment is enough for the counts; the unique constraint is per
    # (participant, moment), so give every row its own participant.
    people = Participant.objects.bulk_create(
        Participant(
            diagnosis_date=dt.date(2024, 1, 1),
            region=r["region"],
            care_setting=r["care_setting"],
            synthetic=True,
        )
        for r in rows
    )
    Response.objects.bulk_create(
        Response(participant=p, status=Response.Status.SUBMITTED, working="niet", hours=0, **r)
        for p, r in zip(people, rows, strict=True)
    )
    # A draft is never counted.
    Response.objects.create(
        participant=participant, moment=3, region="utrecht", care_setting="umc", work_discussed=True
    )
    return rows


def _expected(rows, moment, region=None, setting=None):
    """By hand: leave out groups below MIN_CELL, then sum."""
    groups = defaultdict(list)
    for r in rows:
        groups[(r["moment"], r["region"], r["care_setting"])].append(r)
    kept = [
        r
        for (m, reg, s), members in groups.items()
        if len(members) >= MIN_CELL
        and m == moment
        and region in (None, reg)
        and setting in (None, s)
        for r in members
    ]
    if len(kept) < MIN_CELL:
        return None
    return {
        "respondents": len(kept),
        "discussed": sum(r["work_discussed"] for r in kept) / len(kept),
        "at_work": sum(r["returned_to_work"] != "no" for r in kept) / len(kept),
        "ability": sum(r["work_ability"] for r in kept) / len(kept),
    }


@pytest.fixture
def data():
    rows = _make(random.Random(7))
    refresh_summary()
    return rows


def test_small_cells_are_never_shown_for_any_filter_combination(data):
    small = Summary.objects.filter(respondents__lt=MIN_CELL, respondents__gt=0).count()
    assert small > 20, "the test data must contain small groups"
    combinations = 0
    for region, setting in itertools.product([None, *REGIONS], [None, *CARE_SETTINGS]):
        for cell in by_moment(region, setting):
            combinations += 1
            expected = _expected(data, cell.key, region, setting)
            if expected is None:
                assert cell.suppressed and cell.discussed is None and cell.ability is None
                continue
            assert cell.respondents >= MIN_CELL
            assert cell.respondents == expected["respondents"]
            assert cell.discussed == pytest.approx(expected["discussed"])
            assert cell.at_work == pytest.approx(expected["at_work"])
            assert cell.ability == pytest.approx(expected["ability"])
        for moment in MOMENTS:
            for dimension, keys in (("region", REGIONS), ("care_setting", CARE_SETTINGS)):
                for cell in breakdown(
                    dimension,
                    keys,
                    moment,
                    region=None if dimension == "region" else region,
                    care_setting=None if dimension == "care_setting" else setting,
                ):
                    assert cell.suppressed or cell.respondents >= MIN_CELL
    assert combinations == 13 * 5 * 4


def test_no_small_group_can_be_found_by_subtraction(data):
    """The total of all regions equals the sum of the regions shown: nothing hidden inside."""
    for setting, moment in itertools.product([None, *CARE_SETTINGS], MOMENTS):
        total = next(c for c in by_moment(None, setting) if c.key == moment)
        parts = breakdown("region", REGIONS, moment, care_setting=setting)
        shown = sum(c.respondents or 0 for c in parts)
        assert (total.respondents or 0) == shown


def test_every_number_on_the_page_rests_on_ten_people(client, data):
    for region, setting in [(None, None), ("flevoland", "categoraal"), ("zuid-holland", None)]:
        query = {k: v for k, v in {"region": region, "care_setting": setting}.items() if v}
        response = client.get("/uitkomsten/dashboard/", query)
        assert response.status_code == 200
        for figure in response.context["figures"]:
            for row in figure["table"]["rows"]:
                people = row[1]
                assert (
                    people.startswith(("minder", "fewer"))
                    or int(people.replace(".", "")) >= MIN_CELL
                )


def test_refresh_replaces_the_summary(data):
    before = Summary.objects.count()
    assert refresh_summary() == before
    Response.objects.all().delete()
    assert refresh_summary() == 0
    assert all(cell.suppressed for cell in by_moment())
    assert aggregates.refreshed_at() is None


def test_real_answers_count_only_with_an_active_research_consent():
    from werkwijzer.accounts.testing import make_user
    from werkwijzer.outcomes.export import rows
    from werkwijzer.records import consents
    from werkwijzer.records.models import Consent

    person = make_user("person")
    participant = Participant.objects.create(
        owner=person, diagnosis_date=dt.date(2024, 1, 1), region="utrecht", care_setting="umc"
    )
    Response.objects.create(
        participant=participant,
        moment=3,
        region="utrecht",
        care_setting="umc",
        status=Response.Status.SUBMITTED,
        working="niet",
        hours=0,
    )

    def exported() -> int:
        return len(list(rows())) - 1  # without the header

    def summarised() -> int:
        refresh_summary()
        return sum(Summary.objects.values_list("respondents", flat=True))

    assert (exported(), summarised()) == (0, 0)
    consent = consents.give(person, None, Consent.Purpose.RESEARCH)
    assert (exported(), summarised()) == (1, 1)
    consents.withdraw(consent, actor=person)
    assert (exported(), summarised()) == (0, 0)
