"""The page, the CSV, the API and the command line agree and reject bad input clearly."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from werkwijzer.businesscase.forms import RunForm
from werkwijzer.businesscase.model.parameters import load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.texts import check_labels


def test_every_label_is_translatable_and_equal_to_the_data_files():
    assert check_labels(load_parameters(), load_scenarios()) == []


@pytest.mark.django_db
def test_page_runs_the_default_scenario_with_charts_and_tables(client):
    response = client.get("/businesscase/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('role="img"') >= 5
    assert html.count("<table") >= 6
    assert "<desc id=" in html


@pytest.mark.django_db
def test_unticking_every_scenario_asks_for_one(client):
    response = client.get("/businesscase/?run=1&draws=0")
    assert response.status_code == 400
    assert "Kies minstens één scenario." in response.content.decode()


@pytest.mark.django_db
def test_page_can_run_the_microsimulation(client):
    response = client.get("/businesscase/?scenarios=s4&persons=20000&draws=0")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Microsimulatie van 20000 mensen" in html
    assert "binnen" in html  # the time to return, only the microsimulation knows it


@pytest.mark.django_db
def test_page_shows_form_errors_naming_the_parameter(client):
    response = client.get("/businesscase/?wga_rate=1.5&annual_wage=-1&tax_wedge=&scenarios=s2")
    assert response.status_code == 400
    html = response.content.decode()
    for name in ("wga_rate", "annual_wage", "tax_wedge"):
        assert f"({name})" in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_share_link_contains_only_what_differs_and_reproduces_the_run(client):
    form = RunForm.from_query(_query("scenarios=s3&annual_wage=50000&draws=0"))
    assert form.is_valid(), form.errors
    request = form.run_request()
    assert request.overrides == {"annual_wage": 50000.0}
    first = client.get("/businesscase/resultaten.csv?scenarios=s3&annual_wage=50000&draws=0")
    again = client.get("/businesscase/resultaten.csv?scenarios=s3&annual_wage=50000&draws=0")
    assert first.status_code == 200
    assert first.content == again.content
    rows = list(csv.reader(io.StringIO(first.content.decode())))
    assert rows[0] == ["section", "scenario", "item", "period", "value"]
    assert ["meta", "", "parameter annual_wage", "", "50000.0"] in rows
    assert any(row[:3] == ["net_benefit", "s3", "society"] for row in rows)


def _query(text: str):
    from django.http import QueryDict

    return QueryDict(text)


def test_api_lists_parameters_with_sources(client):
    data = client.get("/api/v1/businesscase/parameters").json()
    wage = next(item for item in data if item["name"] == "annual_wage")
    assert wage["unit"] == "EUR per year"
    assert wage["source_url"]
    assert {item["source"] for item in data} >= {"assumption", "roelen-2011-rtw-trends"}


def test_api_post_and_get_give_the_same_run(client):
    body = {"scenarios": ["s1"], "parameters": {"annual_wage": 47000}, "draws": 10, "seed": 4}
    posted = client.post(
        "/api/v1/businesscase/run", json.dumps(body), content_type="application/json"
    )
    assert posted.status_code == 200
    got = client.get("/api/v1/businesscase/run?scenarios=s1&annual_wage=47000&draws=10&seed=4")
    assert got.status_code == 200
    assert posted.json() == got.json()
    data = posted.json()
    assert data["changed_parameters"] == {"annual_wage": 47000.0}
    scenario = data["scenarios"][1]
    assert set(scenario["net_benefit"]) == {"care", "employer", "public", "person", "society"}
    assert len(scenario["states_by_week"]) == 260
    assert data["tornado"]["bars"]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"parameters": {"wga_rate": 1.3}}, "parameters.wga_rate", "wga_rate"),
        ({"parameters": {"annual_wage": -5}}, "parameters.annual_wage", "annual_wage"),
        ({"parameters": {"annual_wage": None}}, "parameters.annual_wage", "annual_wage"),
        ({"parameters": {"no_such": 1}}, "parameters.no_such", "no_such"),
        ({"scenarios": ["s9"]}, "scenarios", "s9"),
    ],
)
def test_api_rejects_bad_parameters_with_422_naming_them(client, body, field, words):
    response = client.post(
        "/api/v1/businesscase/run", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any(error["field"] == field and words in error["message"] for error in errors)


def test_api_rejects_too_many_draws(client):
    response = client.post(
        "/api/v1/businesscase/run", json.dumps({"draws": 10**6}), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "draws"


def test_api_messages_are_dutch_by_default_and_english_on_request(client):
    body = json.dumps({"parameters": {"tax_wedge": 2}})
    dutch = client.post("/api/v1/businesscase/run", body, content_type="application/json")
    english = client.post(
        "/api/v1/businesscase/run", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert dutch.json()["errors"][0]["message"] != english.json()["errors"][0]["message"]
    assert "may not be more than 1" in english.json()["errors"][0]["message"]


def test_command_line_run_prints_json_and_is_reproducible(capsys):
    arguments = ["run", "--scenario", "s2", "--persons", "2000", "--draws", "5", "--seed", "9"]
    call_command("businesscase", *arguments, "--json")
    first = json.loads(capsys.readouterr().out)
    call_command("businesscase", *arguments, "--json")
    again = json.loads(capsys.readouterr().out)
    assert first == again
    assert first["model"] == "microsimulation"
    assert first["psa_draws"] == 5


@pytest.mark.parametrize(
    "arguments",
    [
        ["--set", "wga_rate=1.5"],
        ["--set", "annual_wage=-1"],
        ["--set", "annual_wage="],
        ["--set", "annual_wage"],
        ["--scenario", "nope"],
        ["--draws", "-3"],
    ],
)
def test_command_line_bad_input_exits_with_code_2(arguments):
    with translation.override("nl"), pytest.raises(CommandError) as caught:
        call_command("businesscase", "run", *arguments)
    assert caught.value.returncode == 2
    assert " / " in str(caught.value)


@pytest.mark.django_db
def test_too_much_work_for_one_request_is_refused_on_page_and_api(client):
    everything = "&".join(f"scenarios={key}" for key in ("s1", "s2", "s3", "s4", "s1_s2", "all"))
    page = client.get(f"/businesscase/?{everything}&draws=1000")
    assert page.status_code == 400
    assert "Trekkingen voor de onzekerheid" in page.content.decode()
    body = {"scenarios": ["s1", "s2", "s3", "all"], "persons": 200_000}
    api = client.post("/api/v1/businesscase/run", json.dumps(body), content_type="application/json")
    assert api.status_code == 422
    assert api.json()["errors"][0]["field"] == "persons"


@pytest.mark.django_db
def test_page_shows_comparison_evidence_break_even_and_financing(client):
    with translation.override("en"):
        response = client.get("/businesscase/?scenarios=s2", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Compared with people without cancer",
        "Relative risk",
        "The evidence for each effect",
        "trial",
        "assumption",
        "From which effect does each party gain?",
        "Basic health insurance (Zvw), as a care product",
        "Effectiveness: is it shown to work?",
        "Budget impact of",
    ):
        assert text in html, text


@pytest.mark.django_db
def test_rendered_charts_are_reused_for_the_same_run(client, monkeypatch):
    from werkwijzer.businesscase import presenters, views

    views._PARTS.clear()
    calls = []
    original = presenters.figures
    monkeypatch.setattr(presenters, "figures", lambda result: calls.append(1) or original(result))
    for _ in range(2):
        assert client.get("/businesscase/?scenarios=s3").status_code == 200
    assert len(calls) == 1
    client.get("/businesscase/?scenarios=s3&annual_wage=41000")
    assert len(calls) == 2


def test_command_line_validate_prints_every_target_as_json(capsys):
    call_command("businesscase", "validate", "--json", "--persons", "5000")
    data = json.loads(capsys.readouterr().out)
    targets = data["targets"]
    assert {row["key"] for row in targets} == {t.key for t in load_parameters().targets}
    assert sum(row["use"] == "holdout" for row in targets) >= 2
    assert sum(row["use"] == "calibration" for row in targets) >= 2
    for row in targets:
        assert row["source_title"] and row["model"] is not None
        assert row["difference"] == pytest.approx(row["model"] - row["source_value"], abs=1e-3)
    assert data["legal_weeks"]["waiting_weeks"]["source"]


def test_csv_and_json_exports_mark_assumptions():
    from werkwijzer.businesscase.model.analysis import RunRequest, run_analysis

    result = run_analysis(RunRequest(scenarios=("s1",), tornado=True))
    data = result.to_dict()
    assert any(bar["assumption"] for bar in data["tornado"]["bars"])
    assert all(e["grade"] for e in data["effects"])
    sections = {row[0] for row in result.csv_rows()}
    assert {
        "effect",
        "budget_impact",
        "break_even_hazard_ratio",
        "comparison_relative_risk",
    } <= sections


@pytest.mark.django_db
def test_api_run_carries_evidence_comparison_thresholds_budget_and_financing(client):
    data = client.get("/api/v1/businesscase/run?scenarios=s2&tornado=false").json()
    assert {e["grade"] for e in data["effects"]} >= {"trial", "assumption"}
    assert data["comparison"]["unemployed"]["259"]["relative_risk"] > 1
    assert data["comparison"]["disability_benefit"]["52"]["relative_risk"] is None
    assert {row["party"] for row in data["thresholds"]["s2"]} == set(data["parties"])
    assert len(data["budget_impact"]["s2"]) == 5
    assert data["financing"]["s2"][0]["criteria"]
