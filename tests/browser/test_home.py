import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_accessible_in_dutch_and_english(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Werk en kanker: vind je weg"
    assert page.get_attribute("html", "lang") == "nl"
    assert_accessible(page)
    screenshot(page, "home-nl")

    page.get_by_role("button", name="English").click()
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "Work and cancer: find your way"
    assert_accessible(page)
    screenshot(page, "home-en")
