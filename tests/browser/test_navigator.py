"""The wegwijzer in a real browser: three personas, English, no JavaScript, axe-core."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def fill_basics(page, role, employment, phase, working, age):
    page.check(f"#role-{role}")
    page.check(f"#employment-{employment}")
    page.check(f"#phase-{phase}")
    page.check(f"#working-{working}")
    page.fill("#id_age", str(age))


def test_employee_gets_a_plan_with_milestones(page):
    page.goto("/wegwijzer/")
    assert_accessible(page)
    screenshot(page, "wegwijzer-form")
    fill_basics(page, "werkende", "loondienst-vast", "behandeling", "niet", 45)
    page.check("#concerns-vermoeidheid")
    page.locator("summary", has_text="Meer over verzuim").click()
    page.fill("#id_sick_since", "2026-09-01")
    page.click("text=Toon mijn plan")
    assert page.locator("h1").inner_text() == "Jouw persoonlijke plan"
    first = page.locator(".plan-helper").first
    assert "Bedrijfsarts" in first.inner_text()
    # Issue 15: the dates from today on, the past ones folded, the review once.
    assert page.locator("ol.milestones .date-row").count() >= 5
    assert page.locator(".date-row--today").count() == 1
    assert page.locator("details.past-dates").count() == 1
    assert page.get_by_text("elke 6 weken, de volgende op").count() == 1
    assert_accessible(page)
    screenshot(page, "wegwijzer-plan-employee")


def test_zzp_gets_the_insurer_and_no_poortwachter(page):
    page.goto("/wegwijzer/")
    fill_basics(page, "werkende", "zzp", "na-behandeling", "gedeeltelijk", 52)
    page.locator("summary", has_text="Meer over verzuim").click()
    page.check("#has_aov-true")
    page.click("text=Toon mijn plan")
    text = page.locator("main").inner_text()
    assert "arbeidsongeschiktheidsverzekeraar" in text.lower()
    assert page.locator(".plan-dates").count() == 0
    assert "/wie-kan-helpen/bedrijfsarts/" not in page.content()
    assert_accessible(page)
    screenshot(page, "wegwijzer-plan-zzp")


def test_employer_plan_in_english(page):
    page.goto("/wegwijzer/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Wegwijzer: your personal plan")
    fill_basics(page, "werkgever", "loondienst-vast", "behandeling", "niet", 38)
    page.click("text=Show my plan")
    assert page.locator("h1").inner_text() == "Your personal plan"
    assert "Do not ask your employee about the diagnosis" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "wegwijzer-plan-employer-en")


def test_errors_are_shown_and_focusable(page):
    page.goto("/wegwijzer/")
    page.check("#role-werkende")
    page.fill("#id_age", "12")
    page.click("text=Toon mijn plan")
    summary = page.locator(".error-summary")
    assert "Vul een getal in van 16 tot en met 100." in summary.inner_text()
    assert_accessible(page)
    screenshot(page, "wegwijzer-errors")


def test_the_wegwijzer_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/wegwijzer/")
    fill_basics(page, "naaste", "loondienst-vast", "uitgezaaid", "gedeeltelijk", 50)
    page.click("text=Toon mijn plan")
    # The rest of the plan is folded in a <details>: it opens without JavaScript.
    page.locator(".plan-later summary").click()
    expect(page.locator("main")).to_contain_text("zorgverlof")
    screenshot(page, "wegwijzer-plan-naaste-nojs")


def test_helper_catalogue_pages(page):
    page.goto("/wie-kan-helpen/")
    assert_accessible(page)
    screenshot(page, "helpers-list")
    page.click("text=Bedrijfsarts consulent oncologie (BACO)")
    assert "zorgverzekering" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "helpers-baco")


def fill_spell(page, start: str, end: str) -> None:
    fill_basics(page, "werkende", "loondienst-vast", "behandeling", "niet", 45)
    page.locator("summary", has_text="Meer over verzuim").click()  # details: no script
    page.fill("#id_sick_since", "2026-01-05")
    page.fill("#id_earlier_sick_spells-1-from", start)
    page.fill("#id_earlier_sick_spells-1-to", end)
    page.click("text=Toon mijn plan")


def test_an_impossible_earlier_spell_is_named_and_kept(page):
    """Issue 13: a spell that ends before it starts is named, the typed dates stay."""
    page.goto("/wegwijzer/")
    fill_spell(page, "2025-06-10", "2025-06-01")
    assert "Eerdere ziekteperiode 1" in page.locator(".error-summary").inner_text()
    assert page.input_value("#id_earlier_sick_spells-1-from") == "2025-06-10"
    assert page.input_value("#id_earlier_sick_spells-1-to") == "2025-06-01"
    assert_accessible(page)
    screenshot(page, "wegwijzer-spell-error")


def test_earlier_spells_work_without_javascript(page_without_js):
    """Three fixed pairs of date fields: a spell that counts moves the dates."""
    page = page_without_js
    page.goto("/wegwijzer/")
    fill_spell(page, "2025-11-10", "2025-12-14")
    page.locator(".past-dates summary").click()  # the past dates, folded
    assert "11 januari 2026" in page.locator(".plan-dates").inner_text()
    screenshot(page, "wegwijzer-plan-earlier-spell-nojs")
