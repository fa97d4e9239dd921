"""The screening page and API: answers to flags with flow charts; bad input gets messages."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_form_page_asks_the_questions(client):
    response = client.get(reverse("screening:form"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("age", "employment", "phase", "low_income", "distress"):
        assert f'name="{name}"' in html


def test_result_shows_each_flag_with_a_flow_chart_and_a_text_version(client):
    response = client.post(
        reverse("screening:form"),
        {"age": "30", "employment": "zzp", "distress": "6", "heavy_work": "no"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('role="img"') == 3
    assert html.count("<ol") == 3
    assert "SCR-01-zzp" in html
    assert 'id="group-hoge-spanning"' in html
    assert "zwaar-werk" not in html


def test_no_flags_says_so(client):
    response = client.post(reverse("screening:form"), {"age": "45"})
    assert response.status_code == 200
    assert 'role="img"' not in response.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "age", "Vul de leeftijd in"),
        ({"age": "veertig"}, "age", "heel getal"),
        ({"age": "12"}, "age", "16"),
        ({"age": "40", "distress": "11"}, "distress", "0 tot en met 10"),
        ({"age": "40", "employment": "astronaut"}, "employment", "werksituaties"),
        ({"age": "40", "caregiver": "misschien"}, "caregiver", "ja of nee"),
    ],
)
def test_bad_input_names_the_field(client, data, field, message):
    response = client.post(reverse("screening:form"), data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#field-{field}"' in html
    assert message in html


def test_api_returns_flags_with_sources_and_flow(client):
    response = client.post(
        "/api/v1/screening",
        {"age": 60, "employment": "uitzendkracht", "caregiver": True},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    flags = response.json()["flags"]
    assert [flag["code"] for flag in flags] == [
        "flexibel-contract",
        "oudere-werkende",
        "mantelzorg",
    ]
    assert flags[0]["source"]["key"] == "uwv-ziektewet"
    assert flags[0]["flow"][1]["refer"] == ["uwv"]


@pytest.mark.parametrize(
    ("body", "field"),
    [({"age": 200}, "age"), ({"age": 40, "distress": -1}, "distress"), ({}, "age")],
)
def test_api_bad_input(client, body, field):
    response = client.post("/api/v1/screening", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_english_page_and_api(client):
    client.cookies["django_language"] = "en"
    response = client.post(reverse("screening:form"), {"age": "25"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Young adult (AYA, 18 to 39)" in html
    assert "Flow chart" in html
    api = client.post(
        "/api/v1/screening", {"age": 70}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert api.json()["flags"][0]["label"] == "Older worker (55 or over)"
