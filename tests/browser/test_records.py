"""Mijn Werkwijzer in the browser: work data (error, then fixed), consent given and
withdrawn, the access log and the FHIR download; axe on every page; also without JS."""

from __future__ import annotations

import json
import re

from tests.browser.conftest import assert_accessible, screenshot
from werkwijzer.accounts.testing import PASSWORD, make_user


def _login(page, user):
    page.goto("/mijn-werkwijzer/")
    page.wait_for_url(re.compile(r"/inloggen/"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/mijn-werkwijzer/$"))


def test_person_keeps_work_data_consent_and_sees_the_log(page):
    person = make_user("person", first_name="Anna", last_name="de Vries")
    baco = make_user(
        "professional",
        profession="baco",
        first_name="Bas",
        last_name="Jansen",
        organisation="Arbodienst Oost",
        email="bas.jansen@example.org",
    )
    _login(page, person)
    assert page.locator("h1").inner_text() == "Mijn Werkwijzer"
    assert_accessible(page)
    screenshot(page, "records-overview-empty")

    page.click("text=Vul je arbeidsgegevens in")
    page.wait_for_url(re.compile(r"/arbeidsgegevens/$"))
    page.fill("#id_occupation", "Leraar basisschool")
    page.fill("#id_tasks", "Lesgeven aan groep 5")
    page.fill("#id_hours_per_week", "90")
    page.select_option("#id_contract", "loondienst-vast")
    page.select_option("#id_work_status", "gedeeltelijk")
    page.fill("#id_sick_leave_start", "2025-02-03")
    page.select_option("#id_work_ability", "6")
    page.fill("#id_goals", "Terug naar mijn eigen klas")
    page.click("main form button[type=submit]")
    summary = page.locator(".error-summary")
    assert "80" in summary.inner_text()
    assert page.input_value("#id_occupation") == "Leraar basisschool"  # nothing lost
    assert page.input_value("#id_goals") == "Terug naar mijn eigen klas"
    assert_accessible(page)
    screenshot(page, "records-work-data-error")

    page.fill("#id_hours_per_week", "32")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".utrecht-alert--ok")
    assert page.input_value("#id_hours_per_week") == "32"
    screenshot(page, "records-work-data-saved")

    page.goto("/mijn-werkwijzer/toestemming/")
    page.check("#id_purpose_0")
    page.fill("#id_email", "niemand@example.org")
    page.click("text=Toestemming geven >> nth=-1")
    assert "We vinden geen account" in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    screenshot(page, "records-consent-error")
    page.fill("#id_email", baco.email)
    page.click("main form[action$='toestemming/#give'] button[type=submit]")
    page.wait_for_selector(".utrecht-alert--ok")
    assert "Bas Jansen" in page.locator(".consent-list").inner_text()
    assert_accessible(page)
    screenshot(page, "records-consent-given")
    page.click("text=Toestemming intrekken")
    page.wait_for_selector(".utrecht-alert--ok")
    assert "ingetrokken" in page.locator("main").inner_text()
    screenshot(page, "records-consent-withdrawn")

    page.goto("/mijn-werkwijzer/wie-keek-in-mijn-dossier/")
    table = page.locator("table.utrecht-table").inner_text()
    assert "toegevoegd" in table and "Het is je eigen dossier." in table
    assert_accessible(page)
    screenshot(page, "records-access-log")

    page.goto("/mijn-werkwijzer/")
    with page.expect_download() as download_info:
        page.click("text=Downloaden (FHIR)")
    bundle = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    codes = {
        entry["resource"]["code"]["coding"][0]["code"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "Observation"
    }
    assert {"11341-5", "74165-2", "work-ability"} <= codes
    assert_accessible(page)
    screenshot(page, "records-overview-filled")


def test_work_data_form_works_without_javascript(page_without_js):
    page = page_without_js
    person = make_user("person", first_name="Noor")
    _login(page, person)
    page.goto("/mijn-werkwijzer/arbeidsgegevens/")
    page.fill("#id_occupation", "Kok")
    page.fill("#id_hours_per_week", "-3")
    page.click("main form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_occupation") == "Kok"
    page.fill("#id_hours_per_week", "24")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".utrecht-alert--ok")


def _login_verified(page, live_server, user):
    """Professionals and privacy officers need the second factor: start with a session
    that has passed it (the TOTP flow itself is tested in test_accounts)."""
    from django.conf import settings
    from django.test import Client

    from werkwijzer.accounts.testing import force_login_verified

    client = Client()
    force_login_verified(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_professional_sees_shared_work_data_and_privacy_officer_the_log(page, live_server):
    from werkwijzer.records import consents
    from werkwijzer.records.models import WorkData

    person = make_user("person", first_name="Anna", last_name="de Vries")
    baco = make_user("professional", profession="baco", first_name="Bas", last_name="Jansen")
    WorkData.objects.create(user=person, occupation="Leraar", work_ability=6, hours_per_week=32)
    consent = consents.give(person, baco, "view-work-data")

    _login_verified(page, live_server, baco)
    page.goto("/mijn-werkwijzer/gedeeld-met-mij/")
    page.click("text=Anna de Vries")
    assert "Leraar" in page.locator("dl").inner_text()
    assert_accessible(page)
    screenshot(page, "records-shared-detail")

    officer = make_user("privacy_officer")
    page.context.clear_cookies()
    _login_verified(page, live_server, officer)
    page.goto("/mijn-werkwijzer/privacy/auditlog/")
    page.fill("#id_subject", person.email)
    page.click("main form button[type=submit]")
    table = page.locator("table.utrecht-table").inner_text()
    assert f"consent:{consent.pk}" in table
    assert_accessible(page)
    screenshot(page, "records-privacy-log")
