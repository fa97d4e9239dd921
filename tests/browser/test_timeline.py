"""The timeline page in a real browser: form, visual timeline, errors, print view, .ics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def fill_employee(page, sick_since: str = "2026-01-05") -> None:
    page.goto("/tijdlijn/")
    page.select_option("#id_employment", "loondienst-vast")
    page.fill("#id_sick_since", sick_since)


def test_employee_timeline_is_shown_accessible_and_printable(page):
    page.goto("/tijdlijn/")
    assert_accessible(page)
    screenshot(page, "timeline-form")
    fill_employee(page)
    page.fill("#id_history_1_start", "2025-12-01")
    page.fill("#id_history_1_end", "2025-12-20")
    page.get_by_role("button", name="Toon mijn tijdlijn").click()
    expect(page.locator("#result-heading")).to_contain_text("Je tijdlijn")
    items = page.locator(".timeline__item")
    assert items.count() == 23
    assert "Ziekmelding" in items.first.inner_text()
    # One marker per milestone (the evaluations share one), and "vandaag" while it runs.
    assert page.locator(".timeline-bar__marker:not(.timeline-bar__marker--today)").count() == 8
    assert page.locator(".timeline-bar__marker--today").count() == 1
    assert page.get_by_text("Eerdere ziekteperiodes tellen mee").is_visible()
    assert page.get_by_role("button", name="Print deze tijdlijn").is_visible()
    assert_accessible(page)
    screenshot(page, "timeline-result")
    page.emulate_media(media="print")
    assert not page.locator(".timeline-form").is_visible()
    screenshot(page, "timeline-print")


def test_calendar_download(page):
    fill_employee(page)
    page.get_by_role("button", name="Toon mijn tijdlijn").click()
    upcoming = _download_events(page)
    today = dt.date.today()
    assert 0 < len(upcoming) < 23  # only the dates from today on, by default
    assert all(event.decoded("DTSTART") >= today for event in upcoming)
    page.check("#ics-alle")  # "Ook de datums die voorbij zijn"
    assert len(_download_events(page)) == 23


def _download_events(page) -> list:
    with page.expect_download() as info:
        page.get_by_role("button", name="Zet in mijn agenda (.ics)").click()
    assert info.value.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(info.value.path()).read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_impossible_history_names_the_problem(page):
    fill_employee(page)
    page.fill("#id_history_1_start", "2025-06-10")
    page.fill("#id_history_1_end", "2025-06-01")
    page.get_by_role("button", name="Toon mijn tijdlijn").click()
    summary = page.locator("#error-summary")
    assert "vóór je ziek werd" in summary.inner_text()
    assert_accessible(page)
    screenshot(page, "timeline-error")


def test_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/tijdlijn/")
    page.select_option("#id_employment", "zzp")
    page.fill("#id_sick_since", "2026-01-05")
    page.fill("#id_aov_waiting_days", "30")
    page.get_by_role("button", name="Toon mijn tijdlijn").click()
    assert page.locator(".timeline__item").count() == 2
    assert not page.get_by_role("button", name="Print deze tijdlijn").is_visible()
    screenshot(page, "timeline-zzp-nojs")
    with page.expect_download() as info:
        page.get_by_role("button", name="Zet in mijn agenda (.ics)").click()
    assert info.value.suggested_filename.endswith(".ics")


def test_contract_ending_during_sickness_in_english(page):
    page.goto("/tijdlijn/")
    page.get_by_role("button", name="English").click()
    page.select_option("#id_employment", "loondienst-tijdelijk")
    page.fill("#id_sick_since", "2026-01-05")
    page.fill("#id_contract_end", "2026-05-31")
    page.get_by_role("button", name="Show my timeline").click()
    expect(page.locator("#result-heading")).to_contain_text("UWV takes over")
    assert page.get_by_text("Sickness benefit starts").is_visible()
    assert_accessible(page)
    screenshot(page, "timeline-ziektewet-en")
