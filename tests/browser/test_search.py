"""Search in the browser: from the home page and from /zoeken/, with and without JS."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible, screenshot


@pytest.fixture
def seeded_live(transactional_db):
    """Only what these pages show: the kennisbank and the helper catalogue."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "knowledge"})


def test_search_from_the_home_page(page):
    page.goto("/")
    page.fill("#home-search-q", "mag mijn baas vragen wat ik heb?")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")
    first = page.locator(".search-result").first
    assert "Wat mag je werkgever vragen" in first.inner_text()
    assert first.locator("mark").count() > 0
    assert_accessible(page)
    screenshot(page, "search-results")
    first.locator("a").first.click()
    page.wait_for_url("**/kennisbank/wat-mag-werkgever-vragen/")


def test_typo_suggestion_and_empty_results_without_js(page_without_js):
    page = page_without_js
    page.goto("/zoeken/?q=vermoiedheid+op+werk")
    assert page.locator(".search-suggestion").count() == 1
    assert "Moe door kanker" in page.locator(".search-results").inner_text()
    page.goto("/zoeken/")
    page.fill("#search-q", "qwxzqwxz")
    page.click("button[type=submit] >> nth=-1")
    page.wait_for_url("**/zoeken/?q=qwxzqwxz")
    empty = page.locator(".search-empty")
    assert empty.locator("a[href='/wegwijzer/']").count() == 1
    assert empty.locator("a[href='/wie-kan-helpen/']").count() == 1
    screenshot(page, "search-empty")  # axe needs JavaScript: checked in the other tests


def test_empty_results_are_accessible(page):
    page.goto("/zoeken/?q=qwxzqwxz")
    assert page.locator(".search-empty").count() == 1
    assert_accessible(page)


def test_english_question_in_english(page):
    page.goto("/zoeken/")
    page.click("button[value=en]")
    page.goto("/zoeken/?q=can+my+employer+ask+about+my+diagnosis")
    first = page.locator(".search-result").first
    assert "What may your employer ask" in first.inner_text()
    assert_accessible(page)
    screenshot(page, "search-english")
