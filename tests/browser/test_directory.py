"""Verwijsgids in the browser: search by postcode, open a provider, print the folder."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

# A local image stands in for map tiles: the test needs no network.
LOCAL_TILES = "/static/vendor/leaflet/images/layers.png?z={z}&x={x}&y={y}"


@pytest.fixture
def seeded_live(transactional_db):
    """Only the directory's demo data: these pages need no other app's content."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"directory"})


def test_search_open_provider_and_print_folder(page, settings):
    settings.WERKWIJZER_TILE_URL = LOCAL_TILES
    settings.WERKWIJZER_TILE_ATTRIBUTION = "Testkaart"
    page.goto("/verwijsgids/")
    assert page.locator("h1").inner_text() == "Vind een hulpverlener bij jou in de buurt"
    assert_accessible(page)
    screenshot(page, "directory-search-empty")

    page.get_by_label("Postcode of plaats").fill("6525 AB")
    page.get_by_label("Soort hulpverlener").select_option("baco")
    page.get_by_label("Afstand").select_option("50")
    page.get_by_role("button", name="Zoeken").click()
    heading = page.locator("#results-heading")
    assert "binnen 50 km van 6525 Nijmegen" in heading.inner_text()
    page.locator("#provider-map[data-ready='true']").wait_for()
    assert page.locator(".leaflet-interactive").count() >= 2
    distances = page.locator(".provider-card__distance").all_inner_texts()
    values = [float(text.split()[0].replace(",", ".")) for text in distances]
    assert values and values == sorted(values)
    assert_accessible(page)
    screenshot(page, "directory-results")

    first = page.locator(".provider-card h3 a").first
    name = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == name
    assert page.get_by_text("Dit is een verzonnen voorbeeld").is_visible()
    assert_accessible(page)
    screenshot(page, "directory-provider")

    folder = page.get_by_role("link", name="Folder om te printen (pdf)")
    response = page.request.get(folder.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_unknown_postcode_and_english(page):
    page.goto("/verwijsgids/?q=Nijmgen")
    assert "We kennen de postcode of plaats" in page.locator("[role=alert]").inner_text()
    assert_accessible(page)
    screenshot(page, "directory-unknown-place")
    page.get_by_role("link", name="Nijmegen").click()
    assert "van Nijmegen" in page.locator("#results-heading").inner_text()

    page.get_by_role("button", name="English").click()
    assert "helpers within 25 km of Nijmegen" in page.locator("#results-heading").inner_text()
    assert page.locator("#provider-map").count() == 0  # no tile server: no map
    assert_accessible(page)
    screenshot(page, "directory-results-en")


def test_search_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/verwijsgids/")
    page.get_by_label("Postcode of plaats").fill("3511")
    page.get_by_label("Afstand").select_option("50")
    page.get_by_label("Alleen hulpverleners waar je zonder verwijzing heen kunt").check()
    page.get_by_role("button", name="Zoeken").click()
    assert "binnen 50 km van 3511 Utrecht" in page.locator("#results-heading").inner_text()
    assert page.locator(".provider-card").count() == 20
    assert page.locator("#provider-map").count() == 0
    screenshot(page, "directory-results-no-js")
    page.get_by_role("link", name="Volgende pagina").click()
    assert "Pagina 2 van" in page.locator(".pagination").inner_text()
    assert page.locator(".provider-list").get_attribute("start") == "21"
    assert page.get_by_label(
        "Alleen hulpverleners waar je zonder verwijzing heen kunt"
    ).is_checked()
    screenshot(page, "directory-results-no-js-page-2")


def test_out_of_date_entry_shows_a_notice(page):
    from werkwijzer.directory.models import Provider, out_of_plan_before

    # Over a year, under 18 months (older ones say they are left out of the plan).
    stale = (
        Provider.objects.active()
        .stale()
        .filter(checked_on__gte=out_of_plan_before())
        .order_by("external_id")
        .first()
    )
    page.goto(stale.get_absolute_url())
    notice = page.locator(".utrecht-alert--warning")
    assert "meer dan een jaar geleden" in notice.inner_text()
    assert page.locator(".utrecht-alert--warning").is_visible()
    assert_accessible(page)
    screenshot(page, "directory-provider-stale")
