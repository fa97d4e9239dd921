"""Zorgpad in the browser (issue 18): an employer asks for a BACO for an employee (an
address that is not one first, in Dutch). The answer says nothing about whether the
address has an account, and the list shows nothing until the employee answers. The
employee reads who asked and why, and that the employer will see their answer, and
agrees; the employer then reads "agreed" and never the question. Every page checked
with axe-core and photographed at 390 and 1280 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _new_page
from tests.browser.test_care import _fill_login
from tests.browser.test_zorgpad_consent import _both_widths
from werkwijzer.accounts.testing import make_user
from werkwijzer.directory.factories import ProviderFactory

WHY = "Sanne wil graag weer meer uren werken, maar twijfelt hoe ze dat opbouwt."
SENT = "Je vraag is verstuurd. Hoort dit e-mailadres bij een Werkwijzer-account?"


@pytest.fixture
def people(db):
    provider = ProviderFactory(kinds=["baco"], name="Dr. Demo Bakker")
    person = make_user("person", first_name="Sanne", last_name="Visser")
    employer = make_user("employer", first_name="Karim", organisation="Restaurant De Smaak")
    return {"provider": provider, "person": person, "employer": employer}


def _log_in(page, user) -> None:
    page.goto("/inloggen/")
    _fill_login(page, user)
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def test_employer_asks_employee_agrees_employer_sees_only_the_status(
    browser, live_server, seeded_live, people
):
    employer_context, employer = _new_page(browser, live_server)
    person_context, person = _new_page(browser, live_server)
    try:
        _log_in(employer, people["employer"])
        employer.goto(f"/zorgpad/aanmelden/{people['provider'].pk}/")
        expect(
            employer.get_by_role("heading", name="Vraag een BACO of KAG voor je werknemer")
        ).to_be_visible()
        employer.get_by_label("E-mailadres van je werknemer").fill("sanne@")
        employer.get_by_label("Waarom vraag je een BACO of KAG?").fill(WHY)
        employer.get_by_role("button", name="Vraag versturen").click()
        expect(employer.get_by_text("Voer een geldig e-mailadres in.").first).to_be_visible()
        _both_widths(employer, "zorgpad-employer-request-error")

        # An address without an account gets the same answer as the employee's own.
        for email in ("niemand@example.org", people["person"].email):
            employer.goto(f"/zorgpad/aanmelden/{people['provider'].pk}/")
            employer.get_by_label("E-mailadres van je werknemer").fill(email)
            employer.get_by_label("Waarom vraag je een BACO of KAG?").fill(WHY)
            employer.get_by_role("button", name="Vraag versturen").click()
            expect(employer).to_have_url(f"{live_server.url}/zorgpad/aanvragen-werkgever/")
            expect(employer.get_by_text(SENT)).to_be_visible()
            expect(employer.get_by_text("staat niet in deze lijst")).to_be_visible()
            expect(employer.get_by_text("Sanne Visser")).to_have_count(0)
        _both_widths(employer, "zorgpad-employer-requests-sent")

        _log_in(person, people["person"])
        person.goto("/zorgpad/mijn-verwijzingen/")
        expect(person.get_by_text("gevraagd door je werkgever Restaurant De Smaak")).to_be_visible()
        expect(person.get_by_text(WHY)).to_be_visible()
        expect(person.get_by_role("button", name="Ik ben niet akkoord")).to_be_visible()
        expect(
            person.get_by_text("Als je antwoordt, ziet je werkgever of je ja of nee hebt gezegd.")
        ).to_be_visible()
        _both_widths(person, "zorgpad-employee-pending-request")
        person.get_by_role("button", name="Bevestigen").click()
        expect(
            person.get_by_text("Dank je. De verwijzing is naar de BACO of KAG gestuurd.")
        ).to_be_visible()

        employer.reload()
        expect(employer.get_by_text("Je werknemer is akkoord.")).to_be_visible()
        expect(employer.get_by_text("Sanne Visser")).to_be_visible()
        assert WHY not in employer.content()
        _both_widths(employer, "zorgpad-employer-requests-agreed")
    finally:
        employer_context.close()
        person_context.close()
