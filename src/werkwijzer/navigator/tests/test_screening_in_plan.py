"""The screening's vulnerable groups feed the wegwijzer plan (issue 7)."""

import datetime as dt

import pytest

from werkwijzer.navigator.engine import plan
from werkwijzer.navigator.plan import Attention
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import parse_situation
from werkwijzer.navigator.tests.test_api import SITUATION
from werkwijzer.navigator.tests.test_views import form_data

TODAY = dt.date(2026, 11, 23)


def situation(**changes):
    return parse_situation({**SITUATION, **changes}, today=TODAY)


def test_a_flag_brings_in_the_helpers_of_its_flow_chart_with_its_reason(catalogue):
    group = Attention(
        code="test-group",
        rule="SCR-TEST",
        label="Testgroep",
        reason="Omdat dit een test is.",
        source="uwv-ziektewet",
        refer=("maatschappelijk-werker", "unknown-helper"),
    )
    result = plan(situation(), catalogue, today=TODAY, screening=lambda s: [group])
    by_slug = {helper.slug: helper for helper in result.helpers}
    assert "maatschappelijk-werker" in by_slug
    assert [reason.rule for reason in by_slug["maatschappelijk-werker"].why] == ["SCR-TEST"]
    assert "unknown-helper" not in by_slug
    as_dict = result.as_dict()
    assert as_dict["attention"][0]["code"] == "test-group"
    assert "uwv-ziektewet" in as_dict["sources"]


def test_without_flags_the_plan_is_unchanged(catalogue):
    plain = plan(situation(), catalogue, today=TODAY)
    screened = plan(situation(), catalogue, today=TODAY, screening=lambda s: [])
    assert plain.as_dict() == screened.as_dict()


@pytest.mark.usefixtures("helper_catalogue")
def test_a_self_employed_person_is_flagged_and_pointed_to_the_aov_insurer():
    result = make_plan(situation(employment="zzp", sick_since=None), today=TODAY)
    assert "zzp" in [group.code for group in result.attention]
    insurer = next(h for h in result.helpers if h.slug == "arbeidsongeschiktheidsverzekeraar")
    assert any(reason.rule.startswith("SCR-") for reason in insurer.why) or insurer.priority < 3


@pytest.mark.usefixtures("helper_catalogue")
def test_screening_answers_of_the_visitor_add_groups_the_wegwijzer_does_not_ask():
    without = make_plan(situation(), today=TODAY)
    with_answers = make_plan(situation(), today=TODAY, screening_answers={"low_income": True})
    assert "laag-inkomen" not in [group.code for group in without.attention]
    assert "laag-inkomen" in [group.code for group in with_answers.attention]


@pytest.mark.usefixtures("helper_catalogue")
def test_the_plan_page_uses_the_screening_done_in_the_same_session(client):
    screened = client.post("/screening/", {"age": "45", "low_income": "yes"})
    assert screened.status_code == 200
    response = client.post("/wegwijzer/plan/", form_data())
    html = response.content.decode()
    assert "Extra aandacht voor jouw situatie" in html
    assert "/screening/" in html


@pytest.mark.usefixtures("helper_catalogue")
def test_the_api_lists_the_groups_with_their_sources(client):
    response = client.post(
        "/api/v1/plan", {**SITUATION, "employment": "zzp"}, content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 200
    group = next(item for item in body["attention"] if item["code"] == "zzp")
    assert group["source"] in body["sources"]
    assert "arbeidsongeschiktheidsverzekeraar" in group["refer"]


@pytest.mark.parametrize("employment", ["loondienst-vast", "zzp", "uitzendkracht"])
def test_remembered_flags_equal_a_fresh_screening_for_every_age(employment):
    from werkwijzer.navigator.services import screening_source
    from werkwijzer.screening.rules import screen

    attention = screening_source()
    for age in range(16, 101):
        person = situation(employment=employment, age=age, sick_since=None)
        fresh = [
            flag.code
            for flag in screen({"employment": employment, "age": age, "phase": person.phase})
        ]
        assert [group.code for group in attention(person)] == fresh, age
