"""The wegwijzer plan and the timeline give the same dates for the same situation.

The plan is checked against the timeline's table of every work situation (each
milestone's date and party) for every phase and role, and for generated situations the
plan's milestones equal what the timeline's own parser and engine give. Bad input gets a
message that names the field, in the plan's form, API and command line alike.
"""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import given, settings

from werkwijzer.navigator.engine import plan, route_milestones
from werkwijzer.navigator.situation import InvalidSituation, parse_situation
from werkwijzer.navigator.tests.conftest import file_catalogue
from werkwijzer.navigator.tests.strategies import TODAY, situations
from werkwijzer.timeline.services import compute, parse_input
from werkwijzer.timeline.tests.test_situations import MONDAY, ROWS
from werkwijzer.vocabulary.slugs import slugs

BASE = {"role": "werkende", "working": "niet", "age": 48}
ROUTE_FIELDS = (
    "employment",
    "sick_since",
    "contract_end",
    "agency_clause",
    "benefit_end",
    "extension_weeks",
    "extension_kind",
    "wia_applied",
    "role",
)


def plan_data(employment: str, extra: dict, **more) -> dict:
    data = {**BASE, "employment": employment, "sick_since": MONDAY.isoformat(), **more}
    for key, value in extra.items():
        name = "earlier_sick_spells" if key == "spells" else key
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    return data


def plan_items(data: dict, today: dt.date = TODAY) -> list[tuple[str, dt.date, str]]:
    situation = parse_situation(data, today=today)
    result = plan(situation, file_catalogue(situation.language), today=today,
                  milestones=route_milestones)  # fmt: skip
    return sorted((m.code, m.due, m.who) for m in result.milestones)


@pytest.mark.parametrize("phase", slugs("phase"))
@pytest.mark.parametrize(("name", "employment", "extra", "kind", "expected"), ROWS,
                         ids=[row[0] for row in ROWS])  # fmt: skip
def test_the_plan_has_every_milestone_of_the_table(name, employment, extra, kind, expected, phase):
    # TODAY lies in week 47: no option has closed and no deadline has passed yet
    assert plan_items(plan_data(employment, extra, phase=phase)) == sorted(expected)


@pytest.mark.parametrize("role", slugs("role"))
def test_the_employer_and_others_get_the_same_dates(role):
    row = next(row for row in ROWS if row[0] == "loondienst-vast-spell")
    data = plan_data(row[1], row[2], phase="behandeling", role=role)
    assert plan_items(data) == sorted(row[4])


def timeline_items(data: dict, today: dt.date) -> list[tuple[str, dt.date, str]]:
    """The same raw input through the timeline's own parser and engine."""
    fields = {name: data.get(name) for name in ROUTE_FIELDS}
    situation = parse_input(fields, data.get("earlier_sick_spells") or [])
    route = compute(situation, data.get("language", "nl"), today)
    if data["employment"] == "zzp":
        return []  # the plan leaves the policy's waiting time to the timeline
    return sorted((m.code, m.due, m.who) for m in route.milestones)


@settings(max_examples=300, deadline=None)
@given(situations())
def test_plan_and_timeline_agree_for_every_situation(data):
    if data["sick_since"] is None:
        return  # the timeline needs a first sick day; the plan then has no dates
    assert plan_items(data) == timeline_items(data, TODAY)


@settings(max_examples=150, deadline=None)
@given(situations(today=dt.date(2029, 6, 1)))
def test_plan_and_timeline_agree_long_after_the_first_sick_day(data):
    """Also when options have closed and the WIA deadline has passed."""
    today = dt.date(2029, 6, 1)
    if data["sick_since"] is None:
        return
    assert plan_items(data, today) == timeline_items(data, today)


def test_an_agency_worker_with_a_clause_gets_no_employee_advice(catalogue):
    data = plan_data("uitzendkracht", {"agency_clause": True}, phase="behandeling")
    situation = parse_situation(data, today=TODAY)
    result = plan(situation, catalogue, today=TODAY, milestones=route_milestones)
    rules = {reason.rule for helper in result.helpers for reason in helper.why}
    assert "EMP-03-werkgever" not in rules  # "your employer pays 104 weeks"
    assert "EMP-05-contract-loopt-af" in rules  # UWV takes over
    assert result.route == "ziektewet"
    without = parse_situation({**data, "agency_clause": False}, today=TODAY)
    result = plan(without, catalogue, today=TODAY, milestones=route_milestones)
    rules = {reason.rule for helper in result.helpers for reason in helper.why}
    assert "EMP-07-uitzendkracht" not in rules  # "often your contract ends at sickness"
    assert result.route == "poortwachter"


def test_late_wia_is_the_first_warning_and_the_next_step(catalogue):
    today = dt.date(2028, 3, 1)
    situation = parse_situation(plan_data("loondienst-vast", {}, phase="behandeling"), today)
    result = plan(situation, catalogue, today=today, milestones=route_milestones)
    assert result.warnings[0].rule == "route-wia-after-end"
    assert "WIA" in result.next_steps[0]


def test_the_employers_plan_speaks_to_the_employer(catalogue):
    data = plan_data("loondienst-vast", {}, phase="behandeling", role="werkgever")
    situation = parse_situation(data, today=TODAY)
    result = plan(situation, catalogue, today=TODAY, milestones=route_milestones)
    for milestone in result.milestones:
        assert "je werkgever" not in milestone.what.lower(), milestone.what


# --------------------------------------------------------------------------- bad input

BAD = [
    ({"earlier_sick_spells": [{"from": "2025-06-10", "to": "2025-06-01"}]},
     "earlier_sick_spells.1", "vóór"),
    ({"earlier_sick_spells": [{"from": "2025-06-01", "to": "2025-06-20"},
                              {"from": "2025-06-10", "to": "2025-06-30"}]},
     "earlier_sick_spells.2", "overlappen"),
    ({"earlier_sick_spells": [{"from": "2026-12-01", "to": "2026-12-10"}]},
     "earlier_sick_spells.1", "toekomst"),
    ({"earlier_sick_spells": [{"from": "2025-06-01"}]}, "earlier_sick_spells.1", "beide"),
    ({"agency_clause": True}, "agency_clause", "uitzendbeding"),
    ({"extension_weeks": 5}, "extension_weeks", "13"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "field", "word"), BAD)
def test_bad_input_names_the_field_in_dutch(extra, field, word):
    with pytest.raises(InvalidSituation) as error:
        parse_situation({**plan_data("loondienst-vast", {}, phase="behandeling"), **extra},
                        today=TODAY)  # fmt: skip
    assert field in [problem.field for problem in error.value.problems]


@pytest.mark.django_db
@pytest.mark.parametrize(("extra", "field", "word"), BAD)
def test_the_api_answers_422_with_the_field(client, extra, field, word):
    body = {**plan_data("loondienst-vast", {}, phase="behandeling"), **extra}
    response = client.post("/api/v1/plan", body, content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["errors"]
    found = [error for error in errors if error["field"] == field]
    assert found and word in found[0]["message"], errors


@pytest.mark.parametrize(("extra", "field", "word"), BAD)
def test_the_command_exits_2_with_the_field(tmp_path, extra, field, word):
    path = tmp_path / "situation.json"
    body = {**plan_data("loondienst-vast", {}, phase="behandeling"), **extra}
    path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("plan", "--situation", str(path), stdout=StringIO())
    assert error.value.returncode == 2
    assert word in str(error.value)


@pytest.mark.django_db
def test_the_form_shows_the_message_and_keeps_what_was_typed(client):
    data = {
        **plan_data("loondienst-vast", {}, phase="behandeling"),
        "earlier_sick_spells-1-from": "2025-06-10",
        "earlier_sick_spells-1-to": "2025-06-01",
    }
    response = client.post(reverse("navigator:plan"), data)
    text = response.content.decode()
    assert "Eerdere ziekteperiode 1" in text and "vóór" in text
    assert 'value="2025-06-10"' in text and 'value="2025-06-01"' in text
    assert 'href="#field-earlier_sick_spells"' in text


@pytest.mark.django_db
def test_the_form_refuses_a_clause_for_a_non_agency_worker(client):
    data = {**plan_data("loondienst-vast", {}, phase="behandeling"), "agency_clause": "true"}
    text = client.post(reverse("navigator:plan"), data).content.decode()
    assert "uitzendbeding" in text and 'href="#field-agency_clause"' in text


@pytest.mark.django_db
def test_the_form_with_an_earlier_spell_gives_the_shifted_dates(client):
    data = {
        **plan_data("loondienst-vast", {}, phase="behandeling"),
        "earlier_sick_spells-1-from": "2025-11-10",
        "earlier_sick_spells-1-to": "2025-12-14",
    }
    text = client.post(reverse("navigator:plan"), data).content.decode()
    assert "11 januari 2026" in text  # probleemanalyse: counted day 42
    assert 'name="earlier_sick_spells-1-from" value="2025-11-10"' in text  # change answers


@pytest.mark.django_db
def test_the_plan_json_gives_the_situation_back_as_it_was_sent(client):
    body = plan_data("loondienst-vast", {"spells": [{"from": "2025-11-10", "to": "2025-12-14"}]},
                     phase="behandeling")  # fmt: skip
    answer = client.post("/api/v1/plan", body, content_type="application/json").json()
    assert answer["situation"]["earlier_sick_spells"] == [
        {"from": "2025-11-10", "to": "2025-12-14"}
    ]
    assert answer["route"] == "poortwachter"
    again = client.post("/api/v1/plan", answer["situation"], content_type="application/json")
    assert again.json()["milestones"] == answer["milestones"]
