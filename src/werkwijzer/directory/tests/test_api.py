from __future__ import annotations

import pytest

from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import Postcode

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht(postcodes):
    centre = Postcode.objects.get(pc4="3511")
    return [
        ProviderFactory(lat=centre.lat, lon=centre.lon + step * 0.005, kinds=kinds)
        for step, kinds in enumerate([["baco"], ["kag", "baco"], ["psycholoog"]] * 9)
    ]


def test_list_providers_near_a_postcode(client, utrecht):
    response = client.get("/api/v1/providers", {"postcode": "3511 AB", "kind": "baco"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 18 and body["pages"] == 1 and body["page_size"] == 20
    assert body["location"]["pc4"] == "3511"
    distances = [item["distance_km"] for item in body["results"]]
    assert distances == sorted(distances)
    first = body["results"][0]
    assert set(first) == {
        "id", "name", "organisation", "kinds", "city", "distance_km", "self_referral", "demo",
        "stale", "out_of_plan", "url",
    }  # fmt: skip
    assert first["url"] == f"/verwijsgids/{first['id']}/"


def test_pages_and_radius(client, utrecht):
    page_two = client.get("/api/v1/providers", {"postcode": "3511", "page": 2}).json()
    assert page_two["count"] == 27 and page_two["page"] == 2 and len(page_two["results"]) == 7
    small = client.get("/api/v1/providers", {"postcode": "3511", "radius_km": 1}).json()
    assert small["count"] < 27


def test_language_filter(client, utrecht):
    ProviderFactory(lat=utrecht[0].lat, lon=utrecht[0].lon, languages=["nl", "tr"])
    body = client.get("/api/v1/providers", {"postcode": "3511", "language": "tr"}).json()
    assert body["count"] == 1


@pytest.mark.parametrize(
    ("params", "field", "dutch"),
    [
        ({}, "postcode", "verplicht"),
        ({"postcode": "3511", "kind": "tovenaar"}, "kind", "keuzes"),
        ({"postcode": "3511", "radius_km": "ver"}, "radius_km", "getal"),
        ({"postcode": "3511", "radius_km": "0"}, "radius_km", "te groot of te klein"),
        ({"postcode": "3511", "radius_km": "1000"}, "radius_km", "te groot of te klein"),
        ({"postcode": "3511", "page": "0"}, "page", "te groot of te klein"),
        ({"postcode": "0999"}, "postcode", "kennen de postcode of plaats"),
        ({"postcode": "Nijmgen"}, "postcode", "Nijmegen"),
    ],
)
def test_bad_parameters_give_422_in_dutch(client, postcodes, params, field, dutch):
    response = client.get("/api/v1/providers", params)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0]["field"] == field
    assert dutch in errors[0]["message"]


def test_errors_in_english_on_request(client, postcodes):
    response = client.get("/api/v1/providers", {"postcode": "0999"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    message = response.json()["errors"][0]["message"]
    assert message.startswith("We do not know the postcode or place “0999”. Did you mean")


def test_one_provider(client, postcodes):
    provider = ProviderFactory(kinds=["baco"], verified_on=None)
    body = client.get(f"/api/v1/providers/{provider.pk}").json()
    assert body["name"] == provider.name and body["stale"] is True
    assert body["folder_url"] == f"/verwijsgids/{provider.pk}/folder.pdf"
    assert body["kinds"] == ["baco"] and body["work_setting"] == "own-practice"


def test_unknown_or_inactive_provider_is_404(client, postcodes):
    hidden = ProviderFactory(active=False)
    for provider_id in (hidden.pk, 999999):
        response = client.get(f"/api/v1/providers/{provider_id}")
        assert response.status_code == 404
        assert response.json()["errors"][0]["message"] == "Niet gevonden."
    assert client.get("/api/v1/providers/abc").status_code == 422


def test_openapi_documents_both_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/providers" in schema["paths"]
    assert "/api/v1/providers/{provider_id}" in schema["paths"]
    operation = schema["paths"]["/api/v1/providers"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"postcode", "kind", "radius_km", "language", "page"} <= names
    assert "422" in operation["responses"]
