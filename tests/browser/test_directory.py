"""Verwijsgids in the browser: search by postcode, open a provider, print the folder."""

import pytest
from playwright.sync_api import expect

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
    expect(page.locator("h1")).to_have_text(name)  # waits for the provider page
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
    expect(page.locator("#results-heading")).to_contain_text("van Nijmegen")

    page.get_by_role("button", name="English").click()
    expect(page.locator("#results-heading")).to_contain_text("helpers within 25 km of Nijmegen")
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
    expect(page.locator("#results-heading")).to_contain_text("binnen 50 km van 3511 Utrecht")
    assert page.locator(".provider-card").count() == 20
    assert page.locator("#provider-map").count() == 0
    screenshot(page, "directory-results-no-js")
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page.locator(".pagination")).to_contain_text("Pagina 2 van")
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


# --- issue 17: professionals keep their entry, editors approve, readers report --------

BACO_EMAIL = "bram@nieuwland-praktijk.example"


def _code(secret: str) -> str:
    import time

    import pyotp

    if 30 - time.time() % 30 < 3:  # not at the edge of a time step
        time.sleep(3.5)
    return pyotp.TOTP(secret).now()


def _editor_logs_in(browser, live_server):
    import pyotp
    from django.utils import timezone

    from tests.browser.conftest import _new_page
    from werkwijzer.accounts.models import TOTPDevice
    from werkwijzer.accounts.testing import PASSWORD, make_user

    editor = make_user("editor", is_staff=True, first_name="Lotte", last_name="Redactie")
    secret = pyotp.random_base32()
    TOTPDevice.objects.create(user=editor, secret=secret, confirmed_at=timezone.now())
    context, page = _new_page(browser, live_server)
    page.goto("/inloggen/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.fill("#id_code", _code(secret))
    page.click("main button[type=submit]")
    return context, page


def _editor_decides(page, link_text: str, decision: str) -> str:
    page.goto("/beheer/directory/proposal/?status__exact=pending")
    page.get_by_role("link", name=link_text).first.click()
    # A click does not wait for the next page: read the proposal only once it is there,
    # not the list it was chosen from (on a loaded machine the list was read).
    page.locator("input[name=decision]").first.wait_for()
    queue_text = page.locator("#content").inner_text()
    page.check(f"input[name=decision][value={decision}]")
    page.click("input[name=_save]")
    assert "Goedgekeurd: de vermelding is bijgewerkt." in page.locator(".messagelist").inner_text()
    return queue_text


def test_a_baco_keeps_their_entry_and_a_reader_reports_a_mistake(browser, live_server, page):
    from django.core import mail

    from tests.browser.conftest import _new_page
    from werkwijzer.core.seeding import seed_all
    from werkwijzer.directory.factories import ProviderFactory
    from werkwijzer.directory.models import ErrorReport, Postcode

    seed_all(only={"helpers"})  # the plan needs the helper catalogue
    centre = Postcode.objects.get(pc4="6525")
    entry = ProviderFactory(
        name="Bram Nieuwland", organisation="Praktijk Nieuwland", kinds=["baco"],
        postcode="6525 AB", city="Nijmegen", lat=centre.lat, lon=centre.lon,
    )  # fmt: skip

    # 1. The BACO signs up with a BIG number and sets up the second factor.
    page.goto("/verwijsgids/aanmelden/")
    assert_accessible(page)
    screenshot(page, "directory-signup")
    page.check("input[name=account_type][value=person]")
    page.select_option("#id_kind", "baco")
    page.check("input[name=register][value=big]")
    page.fill("#id_number", "1234567890")  # one digit short
    page.fill("#id_first_name", "Bram")
    page.fill("#id_last_name", "Nieuwland")
    page.fill("#id_email", BACO_EMAIL)
    page.fill("#id_password1", "Werkwijzer-test-2024!")
    page.fill("#id_password2", "Werkwijzer-test-2024!")
    page.click("main form button[type=submit]")
    assert "Een BIG-nummer heeft 11 cijfers" in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    page.fill("#id_number", "1234 5678 901")
    page.fill("#id_password1", "Werkwijzer-test-2024!")
    page.fill("#id_password2", "Werkwijzer-test-2024!")
    page.click("main form button[type=submit]")
    secret = page.locator(".totp-secret code").inner_text().replace(" ", "")
    page.fill("#id_code", _code(secret))
    page.click("main form.form-grid button[type=submit]")
    page.get_by_text("Ik heb mijn codes bewaard, verder").click()
    expect(page.locator("h1")).to_have_text("Je vermeldingen in de verwijsgids")
    assert_accessible(page)

    # 2. ... claims the entry.
    page.goto(entry.get_absolute_url())
    page.get_by_role("link", name="Dit is mijn vermelding").click()
    assert_accessible(page)
    page.fill("#id_note", "Mijn BIG-nummer staat op praktijk-nieuwland.example.")
    page.get_by_role("button", name="Mijn claim versturen").click()
    assert "Je claim is verstuurd" in page.locator(".messages").inner_text()
    screenshot(page, "directory-mine-claim-sent")

    # 3. The editor approves the claim: the BACO owns the entry now.
    editor_context, editor = _editor_logs_in(browser, live_server)
    queue = _editor_decides(editor, "Vermelding claimen: Bram Nieuwland", "approve")
    assert "12345678901" in queue
    screenshot(editor, "directory-editor-claim")

    # 4. The BACO changes the entry; nothing shows before the editor approves.
    page.goto("/verwijsgids/mijn-vermelding/")
    page.get_by_role("link", name="Deze vermelding wijzigen").click()
    assert_accessible(page)
    screenshot(page, "directory-entry-form")
    page.fill("#id_name", "Bram Nieuwland-Smit")
    page.fill("#id_consultation_hours", "Maandag en donderdag, 9 tot 12 uur")
    page.check("#id_video_consults")
    page.get_by_role("button", name="Naar de redactie sturen").click()
    assert "Naar de redactie gestuurd" in page.locator(".messages").inner_text()
    page.goto(entry.get_absolute_url())
    assert page.locator("h1").inner_text() == "Bram Nieuwland"

    queue = _editor_decides(editor, "Wijziging van een vermelding: Bram Nieuwland", "approve")
    assert "Bram Nieuwland-Smit" in queue  # the difference was shown
    screenshot(editor, "directory-editor-change")

    # 5. The change shows on the page, in the plan and in search.
    reader_context, reader = _new_page(browser, live_server)
    reader.goto(entry.get_absolute_url())
    assert reader.locator("h1").inner_text() == "Bram Nieuwland-Smit"
    assert "Maandag en donderdag" in reader.locator("main").inner_text()
    reader.goto("/wegwijzer/")
    reader.check("#role-werkende")
    reader.check("#employment-loondienst-vast")
    reader.check("#phase-behandeling")
    reader.check("#working-niet")
    reader.fill("#id_age", "45")
    reader.locator("summary", has_text="Meer over verzuim").click()
    reader.fill("#id_sick_since", "2026-09-01")
    reader.fill("#id_postcode", "6525")
    reader.click("text=Toon mijn plan")
    # The BACO may be among the helpers folded for later (issue 15): its text is there.
    assert "Bram Nieuwland-Smit" in reader.locator("main").text_content()
    reader.goto("/zoeken/?q=baco+6525")
    assert "Bram Nieuwland-Smit" in reader.locator("main").inner_text()

    # 6. A reader reports a mistake; the editor answers; the address is deleted.
    reader.goto(entry.get_absolute_url())
    reader.get_by_role("link", name="Fout melden").click()
    assert_accessible(reader)
    screenshot(reader, "directory-report")
    reader.fill("#id_message", "Het telefoonnummer werkt niet meer.")
    reader.fill("#id_email", "lezer@voorbeeld.example")
    reader.get_by_role("button", name="Naar de redactie sturen").click()
    assert "De redactie kijkt ernaar" in reader.locator(".messages").inner_text()

    mail.outbox.clear()
    editor.goto("/beheer/directory/errorreport/")
    editor.get_by_role("link", name="Bram Nieuwland-Smit").first.click()
    expect(editor.locator("#content")).to_contain_text("lezer@voorbeeld.example")
    editor.fill("#id_reply", "Dank je. Het nummer is aangepast.")
    editor.check("input[name=decision][value=answer]")
    editor.click("input[name=_save]")
    assert "Het antwoord is verstuurd" in editor.locator(".messagelist").inner_text()
    report = ErrorReport.objects.get()
    assert report.status == "answered" and report.email == ""
    sent = [m for m in mail.outbox if m.to == ["lezer@voorbeeld.example"]]
    assert len(sent) == 1 and "Het nummer is aangepast." in sent[0].body
    screenshot(editor, "directory-editor-report-answered")
    for context in (editor_context, reader_context):
        context.close()

    # The professional's pages fit a 320 px screen (no sideways scrolling).
    page.set_viewport_size({"width": 320, "height": 800})
    for url in (
        "/verwijsgids/mijn-vermelding/",
        f"/verwijsgids/{entry.pk}/wijzigen/",
        "/verwijsgids/voorstellen/",
        f"/verwijsgids/{entry.pk}/klopt-er-iets-niet/",
        entry.get_absolute_url(),
    ):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} is {width} px wide"
    screenshot(page, "directory-entry-form-320")


def test_sign_up_fits_a_small_screen_and_works_without_javascript(page_without_js):
    page = page_without_js
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/verwijsgids/aanmelden/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.click("main form button[type=submit]")  # nothing filled in
    assert page.locator(".error-summary li").count() >= 5
    screenshot(page, "directory-signup-320-no-js")
