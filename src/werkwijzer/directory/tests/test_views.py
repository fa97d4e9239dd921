from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory

from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import Postcode, Provider
from werkwijzer.directory.views import folder_document

pytestmark = pytest.mark.django_db


def near_utrecht(**fields) -> Provider:
    centre = Postcode.objects.get(pc4="3511")
    return ProviderFactory(lat=centre.lat + 0.01, lon=centre.lon, **fields)


def test_empty_search_page_shows_the_form(client):
    response = client.get("/verwijsgids/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_search_lists_providers_with_distance(client, postcodes):
    provider = near_utrecht(name="Anna Verzinsma")
    page = client.get("/verwijsgids/", {"q": "3511", "radius_km": "10"}).content.decode()
    assert "Anna Verzinsma" in page and "1,1 km" in page
    assert f"/verwijsgids/{provider.pk}/" in page
    assert "provider-map" not in page  # no tile server configured


def test_map_appears_only_with_a_tile_server(client, postcodes, settings):
    near_utrecht()
    settings.WERKWIJZER_TILE_URL = "/static/tiles/{z}/{x}/{y}.png"
    page = client.get("/verwijsgids/", {"q": "3511"}).content.decode()
    assert 'id="provider-map"' in page and 'id="provider-map-data"' in page
    assert "leaflet.js" in page and "<script>" not in page


def test_unknown_postcode_gives_a_message_and_suggestions(client, postcodes):
    page = client.get("/verwijsgids/", {"q": "1234"}).content.decode()
    assert "We kennen de postcode of plaats" in page
    assert "?q=1231" in page


def test_place_name_search(client, postcodes):
    near_utrecht(name="Bram Nepveld")
    assert "Bram Nepveld" in client.get("/verwijsgids/", {"q": "Utrecht"}).content.decode()


def test_bad_choice_is_explained(client, postcodes):
    response = client.get("/verwijsgids/", {"q": "3511", "kind": "tovenaar"})
    assert response.status_code == 200
    assert "utrecht-alert--error" in response.content.decode()


def test_provider_page_and_stale_notice(client, postcodes):
    fresh = near_utrecht()
    old = near_utrecht(verified_on=datetime.date.today() - datetime.timedelta(days=400))
    assert (
        "meer dan een jaar geleden" not in client.get(f"/verwijsgids/{fresh.pk}/").content.decode()
    )
    assert "meer dan een jaar geleden" in client.get(f"/verwijsgids/{old.pk}/").content.decode()
    assert client.get("/verwijsgids/99999/").status_code == 404


def test_folder_pdf_for_a_baco(client, postcodes):
    baco = near_utrecht(name="Anna Verzinsma", kinds=["baco"])
    response = client.get(f"/verwijsgids/{baco.pk}/folder.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_folder_text_holds_the_providers_details(postcodes, rf: RequestFactory):
    baco = near_utrecht(name="Anna Verzinsma", kinds=["baco"], phone="0123 456 789")
    document = folder_document(baco, rf.get("/"))
    assert len(document.pages) <= 2  # a folder, not a brochure
    text = document_text(document)
    assert "Anna Verzinsma" in text and "0123 456 789" in text
    assert "Wat doet een BACO?" in text


def test_folder_in_english(postcodes, rf: RequestFactory):
    from django.utils import translation

    baco = near_utrecht(name="Anna Verzinsma", kinds=["baco"])
    with translation.override("en"):
        text = document_text(folder_document(baco, rf.get("/")))
    assert "What does a BACO do?" in text and "Anna Verzinsma" in text


def test_no_folder_for_other_kinds(client, postcodes):
    other = near_utrecht(kinds=["psycholoog"])
    assert client.get(f"/verwijsgids/{other.pk}/folder.pdf").status_code == 404


def test_admin_flags_stale_entries(admin_client, postcodes):
    near_utrecht(name="Oud Verzinsel", verified_on=datetime.date(2020, 1, 1))
    near_utrecht(name="Vers Verzinsel")
    page = admin_client.get("/beheer/directory/provider/", {"verification": "stale"})
    assert "Oud Verzinsel" in page.content.decode()
    assert "Vers Verzinsel" not in page.content.decode()


def document_text(document) -> str:
    """All text of a laid-out WeasyPrint document."""
    parts: list[str] = []

    def walk(box) -> None:
        if hasattr(box, "text"):
            parts.append(box.text)
        for child in getattr(box, "children", []):
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(parts)


def test_editor_adds_a_provider_without_coordinates(admin_client, postcodes):
    response = admin_client.post(
        "/beheer/directory/provider/add/",
        {
            "external_id": "redactie-1",
            "name": "Nieuwe Verzinsma",
            "kinds": ["baco", "kag"],
            "work_setting": "hospital",
            "postcode": "6525 AB",
            "city": "Nijmegen",
            "languages": ["nl"],
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    provider = Provider.objects.get(external_id="redactie-1")
    assert provider.kinds == ["baco", "kag"] and provider.pc4 == "6525"
    assert provider.lat == Postcode.objects.get(pc4="6525").lat
    assert provider.search_rows.count() == 2
