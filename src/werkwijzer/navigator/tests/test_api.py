import json

import pytest

URL = "/api/v1/plan"
SITUATION = {
    "role": "werkende",
    "employment": "loondienst-vast",
    "phase": "behandeling",
    "working": "niet",
    "age": 45,
    "sick_since": "2026-09-01",
    "concerns": ["vermoeidheid"],
}

pytestmark = pytest.mark.usefixtures("helper_catalogue")


def post(client, body, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **headers)


def test_plan_has_every_part_of_the_contract(client):
    response = post(client, SITUATION)
    assert response.status_code == 200
    plan = response.json()
    assert set(plan) >= {"helpers", "milestones", "topics", "warnings", "next_steps"}
    first = plan["helpers"][0]
    assert set(first) >= {"slug", "title", "priority", "why", "access", "costs"}
    assert first["why"][0]["rule"]
    assert plan["sources"][first["why"][0]["source"]]["url"].startswith("https://")
    codes = [m["code"] for m in plan["milestones"]]
    assert "probleemanalyse" in codes and "einde-loondoorbetaling" in codes
    assert all(set(m) >= {"code", "due", "who", "what"} for m in plan["milestones"])
    assert 1 <= len(plan["next_steps"]) <= 3


def test_the_same_situation_gives_the_same_plan_as_the_pure_engine(client):
    from werkwijzer.navigator.services import make_plan
    from werkwijzer.navigator.situation import parse_situation

    expected = make_plan(parse_situation({**SITUATION, "language": "nl"})).as_dict()
    assert post(client, SITUATION).json() == expected


def test_english_by_accept_language(client):
    plan = post(client, SITUATION, HTTP_ACCEPT_LANGUAGE="en").json()
    assert plan["situation"]["language"] == "en"
    assert "employee" in plan["helpers"][0]["why"][0]["text"]


@pytest.mark.parametrize(
    ("body", "field", "status"),
    [
        ({k: v for k, v in SITUATION.items() if k != "role"}, "role", 422),
        ({**SITUATION, "employment": "ambtenaar"}, "employment", 422),
        ({**SITUATION, "age": 12}, "age", 422),
        ({**SITUATION, "age": 101}, "age", 422),
        ({**SITUATION, "sick_since": "2999-01-01"}, "sick_since", 422),
        ({**SITUATION, "sick_since": "1980-01-01"}, "sick_since", 422),
        ({**SITUATION, "concerns": ["moe"]}, "concerns", 422),
        ({**SITUATION, "postcode": "12"}, "postcode", 422),
        ([1, 2, 3], "body", 422),
        ("{not json", "body", 400),
        (b"\xff\xfe", "body", 400),
    ],
)
def test_bad_input_names_the_field_in_dutch(client, body, field, status):
    response = post(client, body)
    assert response.status_code == status
    errors = response.json()["errors"]
    assert field in {error["field"] for error in errors}
    assert all(error["message"] for error in errors)


def test_missing_field_message_is_dutch_and_english(client):
    body = {k: v for k, v in SITUATION.items() if k != "age"}
    dutch = post(client, body).json()["errors"][0]["message"]
    english = post(client, body, HTTP_ACCEPT_LANGUAGE="en").json()["errors"][0]["message"]
    assert dutch == "Leeftijd: Vul dit veld in."
    assert english == "Age: Fill in this field."


def test_a_huge_body_is_refused_with_a_clear_message(client):
    body = {**SITUATION, "concerns": ["vermoeidheid"] * 100_000}
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_the_plan_matches_its_documented_schema(client):
    from werkwijzer.navigator.api import PlanOut

    PlanOut.model_validate(post(client, {**SITUATION, "postcode": "6525"}).json())


def test_the_openapi_document_describes_the_situation(client):
    schema = client.get("/api/v1/openapi.json").json()
    body = schema["paths"]["/api/v1/plan"]["post"]["requestBody"]["content"]["application/json"]
    assert "zzp" in body["schema"]["properties"]["employment"]["enum"]


@pytest.mark.django_db
def test_with_a_postcode_each_helper_shows_up_to_three_nearby_providers(client):
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "directory"})
    plan = post(client, {**SITUATION, "postcode": "6525 GA"}).json()
    baco = next(helper for helper in plan["helpers"] if helper["slug"] == "baco")
    assert 1 <= len(baco["nearby"]) <= 3
    distances = [provider["distance_km"] for provider in baco["nearby"]]
    assert distances == sorted(distances)
    assert all(provider["kind"] == "baco" for provider in baco["nearby"])
