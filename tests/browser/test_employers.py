"""The werkgevers section in a real browser, with the template downloads."""

from __future__ import annotations

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_employer_section_and_downloads(page):
    page.goto("/")
    page.get_by_role("link", name="Werkgevers").first.click()
    expect(page.locator("h1")).to_contain_text("Voor werkgevers")  # waits for the page
    assert page.get_by_text("Welke ziekte de medewerker heeft (de diagnose).").is_visible()
    assert_accessible(page)
    screenshot(page, "employers")
    with page.expect_download() as info:
        page.locator('a[href$="/hr-beleid.docx"]').click()
    text = "\n".join(p.text for p in Document(str(info.value.path())).paragraphs)
    assert "Privacy" in text
    page.get_by_role(
        "link", name="Voorbeeld persoonlijk plan: werken met of na kanker", exact=True
    ).click()
    assert_accessible(page)
    screenshot(page, "employers-template")
