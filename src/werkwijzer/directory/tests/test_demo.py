"""Demo entries say they are made up, on every surface; production loads none."""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory

from werkwijzer.core.seeding import SeedContext
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import Postcode, Provider
from werkwijzer.directory.seeding import remove_demo_providers, seed
from werkwijzer.directory.services import nearby
from werkwijzer.directory.views import folder_document

pytestmark = pytest.mark.django_db

BADGE = "Voorbeeld, bestaat niet"


def run_seed() -> list[str]:
    lines: list[str] = []
    seed(SeedContext(content_dir=None, write=lines.append))
    return lines


@pytest.fixture
def demo_and_real(postcodes) -> tuple[Provider, Provider]:
    centre = Postcode.objects.get(pc4="3511")
    demo = ProviderFactory(name="Anna Verzinsma", lat=centre.lat, lon=centre.lon, is_demo=True)
    real = ProviderFactory(name="Echte Bakker", lat=centre.lat + 0.01, lon=centre.lon)
    return demo, real


def test_seed_marks_every_demo_provider(settings):
    settings.WERKWIJZER_DEMO_CONTENT = True
    run_seed()
    assert Provider.objects.count() > 300
    assert not Provider.objects.filter(is_demo=False).exists()


def test_without_the_demo_flag_seed_loads_postcodes_but_no_providers(settings):
    settings.WERKWIJZER_DEMO_CONTENT = False
    lines = run_seed()
    assert Postcode.objects.count() > 4000
    assert not Provider.objects.exists()
    assert "no demo providers" in lines[0]


def test_production_settings_have_no_demo_content(monkeypatch, tmp_path):
    """The flag follows DEBUG or a demo password (like the demo accounts), else off."""
    import importlib
    import sys

    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("WERKWIJZER_AUDIT_KEYS", "test:" + "k" * 32)
    monkeypatch.setenv("WERKWIJZER_AUDIT_ANCHOR_FILE", str(tmp_path / "anchor.jsonl"))
    for name in ("DJANGO_DEBUG", "WERKWIJZER_DEMO_CONTENT", "WERKWIJZER_DEMO_PASSWORD"):
        monkeypatch.delenv(name, raising=False)

    def production():
        for name in ("werkwijzer.settings.production", "werkwijzer.settings.base"):
            sys.modules.pop(name, None)
        return importlib.import_module("werkwijzer.settings.production")

    assert production().WERKWIJZER_DEMO_CONTENT is False
    monkeypatch.setenv("WERKWIJZER_DEMO_PASSWORD", "a demo site")
    assert production().WERKWIJZER_DEMO_CONTENT is True


def test_remove_demo_deletes_demo_entries_only(demo_and_real):
    _demo, real = demo_and_real
    assert remove_demo_providers() == (1, 0)
    assert list(Provider.objects.all()) == [real]


def test_list_page_provider_page_and_map_mark_the_demo_entry(client, demo_and_real, settings):
    demo, real = demo_and_real
    settings.WERKWIJZER_TILE_URL = "/static/tiles/{z}/{x}/{y}.png"
    page = client.get("/verwijsgids/", {"q": "3511", "radius_km": "5"}).content.decode()
    assert page.count('badge--demo">' + BADGE) == 1  # the list card; the map data below
    start = page.index('id="provider-map-data"')
    markers = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert {p["name"]: p["demo"] for p in markers["providers"]} == {
        "Anna Verzinsma": True,
        "Echte Bakker": False,
    }
    assert markers["demoLabel"] == BADGE
    assert BADGE in client.get(demo.get_absolute_url()).content.decode()
    assert BADGE not in client.get(real.get_absolute_url()).content.decode()


def test_folder_pdf_says_demo(demo_and_real, rf: RequestFactory):
    demo, _real = demo_and_real
    text = "".join(
        box.text
        for page in folder_document(demo, rf.get("/")).pages
        for box in _text_boxes(page._page_box)
    )
    assert BADGE in text


def _text_boxes(box):
    if hasattr(box, "text"):
        yield box
    for child in getattr(box, "children", []):
        yield from _text_boxes(child)


def test_api_and_nearby_carry_the_demo_flag(client, demo_and_real):
    body = client.get("/api/v1/providers", {"postcode": "3511", "kind": "baco"}).json()
    assert {item["name"]: item["demo"] for item in body["results"]} == {
        "Anna Verzinsma": True,
        "Echte Bakker": False,
    }
    one = client.get(f"/api/v1/providers/{demo_and_real[0].pk}").json()
    assert one["demo"] is True
    assert [hit["demo"] for hit in nearby("baco", "3511")] == [True, False]


def test_the_plan_marks_demo_providers(client, demo_and_real, helper_catalogue):
    from werkwijzer.navigator.tests.test_views import form_data

    page = client.post("/wegwijzer/plan/", form_data(postcode="3511")).content.decode()
    assert "Anna Verzinsma" in page and BADGE in page


def test_the_referral_start_page_marks_a_demo_provider(client, demo_and_real):
    from werkwijzer.accounts.testing import force_login_verified, make_user

    force_login_verified(client, make_user("person"))
    page = client.get(f"/zorgpad/aanmelden/{demo_and_real[0].pk}/")
    assert page.status_code == 200 and BADGE in page.content.decode()


def test_an_empty_guide_explains_how_professionals_add_themselves(client):
    page = client.get("/verwijsgids/").content.decode()
    assert "De verwijsgids is nog leeg" in page
    ProviderFactory()
    assert "De verwijsgids is nog leeg" not in client.get("/verwijsgids/").content.decode()


def test_search_marks_demo_providers(client, demo_and_real, helper_catalogue):
    page = client.get("/zoeken/", {"q": "baco 3511"}).content.decode()
    assert "Anna Verzinsma" in page and "Echte Bakker" in page
    assert page.count("badge--demo") == 1
