"""Zorgpad in the browser (issue 18): the person reads the notes about them (not the
personal work notes), releases each employer report on its own after reading it and
withdraws it again; the employer sees only what is released; the BACO reads a closed
referral read-only. Every page checked with axe and photographed at 390 and 1280 px."""

from __future__ import annotations

import datetime as dt

import pyotp
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import _new_page, assert_accessible, screenshot
from tests.browser.test_care import _fill_login, _totp
from werkwijzer.accounts.models import TOTPDevice
from werkwijzer.accounts.testing import make_user
from werkwijzer.care import services
from werkwijzer.directory.factories import ProviderFactory

SHARED_NOTE = "We bespraken hoe je je uren opbouwt."
WORK_NOTE = "Eigen gedachte: later vragen naar slaap."
FIRST = "Kan drie ochtenden per week licht werk doen."
SECOND = "Kan vier ochtenden per week werken, nog zonder avonddienst."


@pytest.fixture
def in_care(db):
    provider = ProviderFactory(kinds=["baco"], name="Dr. Demo Bakker")
    person = make_user("person", first_name="Sanne", last_name="Visser")
    baco = make_user("professional", profession="baco", provider=provider, first_name="Bram")
    employer = make_user("employer", first_name="Karim", organisation="Restaurant De Smaak")
    referral = services.create_referral(actor=person, provider=provider, question="Opbouw")
    services.transition(baco, referral.pk, "accept")
    services.transition(baco, referral.pk, "plan-intake", intake_date=timezone.now())
    services.transition(baco, referral.pk, "start-consultations")
    services.add_note(baco, referral.pk, SHARED_NOTE)
    services.add_note(baco, referral.pk, WORK_NOTE, personal=True)
    report = _report(baco, referral.pk, employer, FIRST)
    return {"person": person, "baco": baco, "employer": employer, "referral": referral,
            "report": report}  # fmt: skip


def _report(baco, pk, employer, abilities):
    return services.add_employer_report(
        baco,
        pk,
        employer_email=employer.email,
        abilities=abilities,
        limitations="Niet zwaar tillen.",
        recommendations="Vaste pauzes.",
        valid_from=dt.date(2026, 12, 7),
    )


def _both_widths(page, name: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, f"{name}-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, f"{name}-1280")
    assert_accessible(page)


def test_person_reads_notes_and_releases_each_report(browser, live_server, seeded_live, in_care):
    person_context, person = _new_page(browser, live_server)
    employer_context, employer = _new_page(browser, live_server)
    try:
        person.goto("/inloggen/")
        _fill_login(person, in_care["person"])
        person.wait_for_url(lambda url: "/inloggen/" not in url)
        person.goto(in_care["referral"].get_absolute_url())
        expect(
            person.get_by_role("heading", name="Aantekeningen van je gesprekken")
        ).to_be_visible()
        expect(person.get_by_text(SHARED_NOTE)).to_be_visible()
        assert person.get_by_text(WORK_NOTE).count() == 0
        _both_widths(person, "zorgpad-person-notes")

        employer.goto("/inloggen/")
        _fill_login(employer, in_care["employer"])
        employer.goto("/zorgpad/werkgeversrapporten/")
        assert employer.get_by_text("Sanne Visser").count() == 0  # nothing released yet

        person.get_by_role("link", name="Lees het rapport en kies of je het deelt").click()
        expect(person.get_by_role("heading", name="Delen met je werkgever?")).to_be_visible()
        _both_widths(person, "zorgpad-report-before-release")
        person.get_by_role("button", name="Delen met mijn werkgever").click()
        expect(person.get_by_text("Je werkgever kan dit rapport nu zien.")).to_be_visible()
        _both_widths(person, "zorgpad-report-released")

        employer.reload()
        employer.get_by_role("link", name="Sanne Visser").click()
        expect(employer.get_by_text(FIRST)).to_be_visible()
        for secret in (SHARED_NOTE, WORK_NOTE, "Opbouw"):
            assert secret not in employer.content()

        # A new report stays hidden from the employer until the person shares it too.
        second = _report(in_care["baco"], in_care["referral"].pk, in_care["employer"], SECOND)
        employer.goto("/zorgpad/werkgeversrapporten/")
        assert employer.get_by_role("link", name="Sanne Visser").count() == 1
        assert employer.goto(f"/zorgpad/werkgeversrapporten/{second.pk}/").status == 404

        person.goto(f"/zorgpad/werkgeversrapporten/{in_care['report'].pk}/")
        person.get_by_role("button", name="Niet meer delen met mijn werkgever").click()
        expect(person.get_by_text("Je werkgever kan dit rapport niet meer zien.")).to_be_visible()
        employer.goto("/zorgpad/werkgeversrapporten/")
        assert employer.get_by_role("link", name="Sanne Visser").count() == 0
        assert employer.goto(f"/zorgpad/werkgeversrapporten/{in_care['report'].pk}/").status == 404
    finally:
        person_context.close()
        employer_context.close()


def test_baco_reads_a_closed_referral_read_only(browser, live_server, seeded_live, in_care):
    baco = in_care["baco"]
    secret = pyotp.random_base32()
    TOTPDevice.objects.create(user=baco, secret=secret, confirmed_at=timezone.now())
    pk = in_care["referral"].pk
    services.transition(baco, pk, "give-advice")
    services.transition(baco, pk, "close")
    context, page = _new_page(browser, live_server)
    try:
        page.goto(f"/zorgpad/verwijzingen/{pk}/")
        _fill_login(page, baco)
        _totp(page, secret)
        page.wait_for_url(f"**/zorgpad/verwijzingen/{pk}/")
        expect(page.get_by_text("Je kunt hem alleen nog lezen.")).to_be_visible()
        expect(page.get_by_text(WORK_NOTE)).to_be_visible()
        assert page.get_by_role("button", name="Notitie opslaan").count() == 0
        _both_widths(page, "zorgpad-closed-read-only")
    finally:
        context.close()
