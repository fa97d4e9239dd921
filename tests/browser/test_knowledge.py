"""The kennisbank in the browser: index, persona picker, article, language switch."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible, screenshot


@pytest.fixture
def seeded_live(transactional_db):
    """Only what these pages show: the kennisbank and the helper catalogue."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "knowledge"})


def test_index_and_persona_picker_without_js(page_without_js):
    page = page_without_js
    page.goto("/kennisbank/")
    assert page.locator("h1").inner_text() == "Kennisbank"
    assert page.locator(".article-card").count() >= 26
    screenshot(page, "knowledge-index")
    page.select_option("#persona-role", "werkende")
    page.select_option("#persona-employment", "zzp")
    page.click(".persona-picker button[type=submit] >> nth=0")
    assert "Zzp'er en kanker" in page.locator("#for-you + .article-list").inner_text()
    page.goto("/kennisbank/werken-tijdens-behandeling/")
    assert page.locator("details.persona-box--zzp[open]").count() == 1
    assert page.locator("details.persona-box--werkgever[open]").count() == 0
    screenshot(page, "knowledge-article-zzp")


def test_index_is_accessible(page):
    page.goto("/kennisbank/")
    assert_accessible(page)


def test_open_article_and_switch_language(page):
    page.goto("/kennisbank/")
    page.click("text=De Wet verbetering poortwachter: stap voor stap")
    page.wait_for_url("**/kennisbank/poortwachter/")
    # The seeded articles were approved by no expert in the workflow, and say so.
    assert page.get_by_text("Nog niet gecontroleerd door een deskundige").is_visible()
    assert "Gecontroleerd door" not in page.locator("main").inner_text()
    page.locator("details.persona-box--werkgever summary").click()
    assert page.locator("details.persona-box--werkgever[open]").count() == 1
    assert_accessible(page)
    screenshot(page, "knowledge-article")
    page.click(".article__translations button[value=en]")
    page.wait_for_url("**/kennisbank/poortwachter/")
    assert "step by step" in page.locator("h1").inner_text()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    screenshot(page, "knowledge-article-en")
