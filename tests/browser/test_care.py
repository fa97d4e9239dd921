"""Zorgpad in the browser: person, BACO and employer in three separate browser sessions.

The BACO logs in with a password and a TOTP code (computed with pyotp, as an
authenticator app would). Every new page is checked with axe and photographed.
"""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import _new_page, assert_accessible, screenshot
from werkwijzer.accounts.models import TOTPDevice
from werkwijzer.accounts.testing import PASSWORD, make_user
from werkwijzer.care.models import Referral
from werkwijzer.directory.factories import ProviderFactory

QUESTION = "Ik werk als kok en ben snel moe. Hoe kan ik weer beginnen?"
NOTE = "Vertrouwelijke notitie: vermoeidheid na chemotherapie."


@pytest.fixture
def cast(db):
    provider = ProviderFactory(
        kinds=["baco"], name="Dr. Demo Bakker", organisation="Praktijk Werk en Kanker"
    )
    person = make_user("person", first_name="Sanne", last_name="Visser")
    baco = make_user(
        "professional", profession="baco", provider=provider, first_name="Bram", last_name="Jansen"
    )
    secret = pyotp.random_base32()
    TOTPDevice.objects.create(user=baco, secret=secret, confirmed_at=timezone.now())
    employer = make_user("employer", first_name="Karim", organisation="Restaurant De Smaak")
    return {"provider": provider, "person": person, "baco": baco, "secret": secret,
            "employer": employer}  # fmt: skip


def _fill_login(page, user):
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def _totp(page, secret):
    page.wait_for_url(re.compile(r"/inloggen/tweede-stap/"))
    if 30 - time.time() % 30 < 3:
        time.sleep(3.5)
    page.fill("#id_code", pyotp.TOTP(secret).now())
    page.click("main button[type=submit]")


def test_referral_flow_across_person_baco_and_employer(browser, live_server, seeded_live, cast):
    person_context, person = _new_page(browser, live_server)
    baco_context, baco = _new_page(browser, live_server)
    employer_context, employer = _new_page(browser, live_server)
    provider = cast["provider"]
    try:
        # 1. The person finds the BACO and refers themself; not logged in yet.
        person.goto(provider.get_absolute_url())
        screenshot(person, "care-provider-refer-button")
        person.get_by_role("link", name="Verwijs mij door").click()
        person.wait_for_url(re.compile(r"/inloggen/"))
        _fill_login(person, cast["person"])
        person.wait_for_url(re.compile(r"/zorgpad/aanmelden/"))
        screenshot(person, "care-start")
        assert_accessible(person)
        person.get_by_role("button", name="Verwijzing versturen").click()
        assert person.get_by_text("Dit veld is verplicht.").first.is_visible()
        screenshot(person, "care-start-error")
        person.fill("#id_question", QUESTION)
        person.get_by_role("button", name="Verwijzing versturen").click()
        person.wait_for_url(re.compile(r"/zorgpad/verwijzingen/\d+/"))
        assert person.get_by_text("Je verwijzing is verstuurd").is_visible()
        screenshot(person, "care-referral-person-requested")
        assert_accessible(person)
        referral = Referral.objects.get()

        # 2. The BACO logs in with TOTP, sees the worklist and accepts.
        baco.goto("/zorgpad/")
        _fill_login(baco, cast["baco"])
        _totp(baco, cast["secret"])
        baco.wait_for_url(re.compile(r"/zorgpad/verwijzingen/$"))
        assert baco.get_by_role("heading", name="Mijn verwijzingen").is_visible()
        screenshot(baco, "care-worklist")
        assert_accessible(baco)
        baco.get_by_role("link", name="Sanne Visser").click()
        baco.get_by_role("button", name="Accepteren").click()
        assert baco.get_by_text("Opgeslagen.").is_visible()
        baco.fill("#id_intake-intake_date", "2026-12-03T10:30")
        baco.get_by_role("button", name="Intake plannen").click()
        baco.get_by_role("button", name="Consulten starten").click()
        baco.fill("#id_note-text", NOTE)
        baco.check("#id_note-personal_work_note")  # a personal work note: not for the person
        baco.get_by_role("button", name="Notitie opslaan").click()
        baco.get_by_text("Advies aan de persoon schrijven").click()
        baco.fill("#id_advice-text", "Begin met drie ochtenden per week.")
        baco.get_by_role("button", name="Advies opslaan").click()
        baco.get_by_text("Rapport voor de werkgever schrijven").click()
        baco.fill("#id_report-employer_email", cast["employer"].email)
        baco.fill("#id_report-abilities", "Kan drie ochtenden per week licht keukenwerk doen.")
        baco.fill("#id_report-limitations", "Geen avonddiensten, niet zwaar tillen.")
        baco.fill("#id_report-recommendations", "Vaste pauzes en een rustige werkplek.")
        baco.fill("#id_report-valid_from", "2026-12-07")
        baco.get_by_role("button", name="Rapport opslaan").click()
        assert baco.get_by_text(NOTE).is_visible()
        baco.get_by_text("Advies aan een behandelaar schrijven").click()
        screenshot(baco, "care-referral-baco")
        assert_accessible(baco)

        # 3. The person sees the advice (not the note) and shares the report.
        person.goto(referral.get_absolute_url())
        assert person.get_by_text("Begin met drie ochtenden per week.").is_visible()
        assert person.get_by_text(NOTE).count() == 0
        pdf = person.request.get(
            person.get_by_role("link", name="Downloaden als brief (pdf)").get_attribute("href")
        )
        assert pdf.ok and pdf.body().startswith(b"%PDF")
        person.get_by_role("link", name="Lees het rapport en kies of je het deelt").click()
        person.get_by_role("button", name="Delen met mijn werkgever").click()
        expect(person.get_by_text("Je werkgever kan dit rapport nu zien.")).to_be_visible()
        person.goto(referral.get_absolute_url())
        screenshot(person, "care-referral-person-advice")
        assert_accessible(person)
        person.goto("/zorgpad/mijn-verwijzingen/")
        screenshot(person, "care-my-referrals")
        assert_accessible(person)

        # 4. The employer sees the report and nothing medical.
        employer.goto("/zorgpad/")
        _fill_login(employer, cast["employer"])
        employer.wait_for_url(re.compile(r"/zorgpad/werkgeversrapporten/$"))
        screenshot(employer, "care-employer-reports")
        assert_accessible(employer)
        employer.get_by_role("link", name="Sanne Visser").click()
        assert employer.get_by_text("Geen avonddiensten, niet zwaar tillen.").is_visible()
        content = employer.content()
        for secret in (NOTE, "chemotherapie", QUESTION, "drie ochtenden per week."):
            assert secret not in content
        screenshot(employer, "care-employer-report")
        assert_accessible(employer)
        response = employer.goto(referral.get_absolute_url())
        assert response.status == 404
    finally:
        for context in (person_context, baco_context, employer_context):
            context.close()


def test_person_refers_and_withdraws_without_javascript(page_without_js, cast):
    page = page_without_js
    page.goto("/inloggen/")
    _fill_login(page, cast["person"])
    page.goto(f"/zorgpad/aanmelden/{cast['provider'].pk}/")
    page.fill("#id_question", QUESTION)
    page.get_by_role("button", name="Verwijzing versturen").click()
    page.wait_for_url(re.compile(r"/zorgpad/verwijzingen/\d+/"))
    page.get_by_role("button", name="Verwijzing intrekken").click()
    page.wait_for_url(re.compile(r"/zorgpad/mijn-verwijzingen/"))
    assert page.get_by_text("Ingetrokken").first.is_visible()
    screenshot(page, "care-my-referrals-withdrawn-nojs")
    assert Referral.objects.get().state == "withdrawn"
