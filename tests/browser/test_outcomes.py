"""Outcomes in Chromium: a reminder that a questionnaire is due, a contradiction with a
clear message and a draft that is kept; the dashboard with charts and tables."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _new_page, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def outcomes_page(browser, live_server, transactional_db):
    from werkwijzer.outcomes.aggregates import refresh_summary
    from werkwijzer.outcomes.seeding import create_population

    create_population(2_000)
    refresh_summary()
    context, new_page = _new_page(browser, live_server)
    yield new_page
    context.close()


def test_questionnaire_with_a_reminder_and_a_draft(outcomes_page):
    page = outcomes_page
    page.goto("/uitkomsten/")
    assert_accessible(page)
    screenshot(page, "outcomes-profile")
    diagnosed = dt.date.today() - dt.timedelta(days=130)
    page.locator("#id_diagnosis_date").fill(diagnosed.isoformat())
    page.locator("label[for=id_region_6]").click()  # Utrecht
    page.locator("label[for=id_care_setting_2]").click()
    page.locator("main form button[type=submit]").click()

    reminder = page.locator(".outcomes-reminder")
    assert "3 maanden" in reminder.inner_text()
    assert_accessible(page)
    screenshot(page, "outcomes-overview-reminder")

    reminder.locator("a").click()
    page.locator("label[for=id_working_2]").click()  # not working
    page.locator("#id_hours").fill("32")
    page.locator("#id_work_ability").fill("5")
    page.locator("button[value=submit]").click()
    summary = page.locator(".error-summary")
    assert "32 uur" in summary.inner_text()
    assert page.locator("#id_hours").input_value() == "32"
    assert page.locator("#id_working_2").is_checked()
    assert_accessible(page)
    screenshot(page, "outcomes-contradiction")

    page.locator("#id_hours").fill("0")
    page.locator("button[value=draft]").click()
    expect(page.locator("table.outcomes-moments")).to_contain_text("Concept opgeslagen")
    page.goto("/uitkomsten/vragenlijst/3/")
    assert page.locator("#id_work_ability").input_value() == "5"


def test_dashboard(outcomes_page):
    page = outcomes_page
    page.goto("/uitkomsten/dashboard/")
    assert page.locator("figure.outcomes-figure svg[role=img]").count() == 4
    assert page.locator("#figure-discussed table tbody tr").count() == 4
    assert_accessible(page)
    screenshot(page, "outcomes-dashboard")

    page.locator("#id_region").select_option("flevoland")
    page.locator("#id_care_setting").select_option("categoraal")
    page.locator(".outcomes-filters button").click()
    page.wait_for_url("**region=flevoland**")
    assert "minder dan 10" in page.locator("#figure-discussed table").inner_text()
    assert_accessible(page)
    screenshot(page, "outcomes-dashboard-small")
