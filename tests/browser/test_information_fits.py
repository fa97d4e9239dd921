"""Issue 19, "information that fits my cancer and my treatment", in a real browser: the
plan with a kind of cancer and treatments (organisation, late effects, articles; nothing
kept; nothing on paper or on an employer page), the woordenlijst links, and each new
decision aid (with and without JavaScript, printed and as PDF)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_conversation import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MAX_PLAN_HEIGHT = 6_000  # tests/browser/test_plan_size.py
AIDS = {
    "vervroegde-iva": ("nu-aanvragen", "Mijn samenvatting: vervroegde IVA"),
    "werkgever-vertellen": ("deels", "Mijn samenvatting: wat vertel ik mijn werkgever?"),
    "eigen-bedrijf": ("pauzeren", "Mijn samenvatting: wat doe ik met mijn bedrijf?"),
}


@pytest.fixture
def seeded_live(transactional_db):
    """Helpers and the kennisbank: the plan's articles and the woordenlijst links."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "knowledge"})


def make_plan_with_illness(page) -> None:
    page.goto("/wegwijzer/")
    page.check("#role-werkende")
    page.check("#employment-loondienst-vast")
    page.check("#phase-behandeling")
    page.check("#working-gedeeltelijk")
    page.fill("#id_age", "48")
    page.locator("summary", has_text="Over je kanker en je behandeling").click()
    page.check("#cancer_type-borstkanker")
    page.check("#treatments-chemotherapie")
    page.check("#treatments-hormoontherapie")
    page.get_by_role("button", name="Toon mijn plan").click()
    expect(page.locator("h1")).to_have_text("Jouw persoonlijke plan")


def stored_sessions() -> str:
    from django.contrib.sessions.models import Session

    return " ".join(str(session.get_decoded()) for session in Session.objects.all())


def test_the_plan_fits_the_cancer_and_the_treatments(page):
    page.goto("/wegwijzer/")
    page.locator("summary", has_text="Over je kanker en je behandeling").click()
    assert_accessible(page)
    make_plan_with_illness(page)
    section = page.locator("section.plan-illness")
    expect(section.locator("h2")).to_have_text("Voor jouw soort kanker en behandeling")
    assert "Borstkankervereniging Nederland (BVN)" in section.inner_text()
    section.locator("summary", has_text="Late gevolgen").click()
    assert section.get_by_text("neuropathie").first.is_visible()
    assert section.locator("a", has_text="Chemotherapie en je werk").count() == 1
    assert section.locator("a", has_text="Borstkanker en werk").count() == 1
    # Articles about another kind of cancer or treatment are left out.
    for other in ("Prostaatkanker", "hersentumor", "Radiotherapie"):
        assert section.locator("a", has_text=other).count() == 0, other
    assert_accessible(page)
    # Nothing of it is kept: not in the session, not in a cookie.
    assert "borstkanker" not in stored_sessions()
    assert all("borstkanker" not in c["value"] for c in page.context.cookies())
    for size, name in ((PHONE, "390"), (DESKTOP, "1280")):
        page.set_viewport_size(size)
        screenshot(page, f"plan-with-illness-{name}")
    page.set_viewport_size(PHONE)
    section.locator("summary", has_text="Late gevolgen").click()  # folded again
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_PLAN_HEIGHT, f"plan with illness is {height} px at 390 px"


def test_nothing_of_it_on_paper_or_on_an_employer_page(page):
    make_plan_with_illness(page)
    page.emulate_media(media="print")
    assert not page.locator("section.plan-illness").is_visible()
    assert "Borstkanker" not in page.locator("body").inner_text()
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als pdf").click()
    text = pdf_text(info.value.path())
    assert "persoonlijke plan" in text
    assert "Borstkanker" not in text and "Hormoontherapie" not in text
    # The employer pages in the same browser session: nothing of the answers.
    page.goto("/werkgevers/")
    templates = page.locator(
        "a[href^='/werkgevers/sjablonen/']:not([href$='.docx']):not([href$='.pdf'])"
    )
    addresses = [
        "/werkgevers/",
        *{templates.nth(i).get_attribute("href") for i in range(templates.count())},
    ]
    for address in addresses:
        page.goto(address)
        body = page.locator("body").inner_text().lower()
        assert "borstkanker" not in body and "hormoontherapie" not in body, address


def test_the_plan_with_illness_works_without_javascript(page_without_js):
    page = page_without_js
    make_plan_with_illness(page)
    assert "Borstkankervereniging" in page.locator("section.plan-illness").inner_text()
    page.get_by_role("button", name="Mijn antwoorden aanpassen").click()
    expect(page.locator("#cancer_type-borstkanker")).to_be_checked()
    expect(page.locator("#treatments-hormoontherapie")).to_be_checked()


def test_an_employer_is_not_asked_and_gets_none_of_it(page):
    page.goto("/wegwijzer/")
    page.check("#role-werkgever")
    page.check("#employment-loondienst-vast")
    page.check("#phase-behandeling")
    page.check("#working-niet")
    page.fill("#id_age", "50")
    page.locator("summary", has_text="Over je kanker en je behandeling").click()
    assert page.get_by_text("een werkgever mag niet naar je ziekte vragen").is_visible()
    page.check("#cancer_type-longkanker")  # filled in anyway
    page.get_by_role("button", name="Toon mijn plan").click()
    expect(page.locator("h1")).to_have_text("Jouw persoonlijke plan")
    assert page.locator("section.plan-illness").count() == 0
    assert "Longkanker" not in page.content()


def test_an_article_links_its_words_to_the_woordenlijst(page):
    page.goto("/kennisbank/iva/")
    links = page.locator(".article__body a.glossary-link")
    assert links.count() >= 3
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == len(set(hrefs))  # each word once
    assert_accessible(page)
    screenshot(page, "article-with-glossary-links-1280")
    page.locator(".article__body a.glossary-link", has_text="WIA").first.click()
    expect(page.locator("h1")).to_have_text("Woordenlijst")
    assert page.url.endswith("#wia")
    expect(page.locator("#wia dt")).to_have_text("WIA")
    assert page.locator(".glossary__entry").count() >= 30
    assert_accessible(page)
    for size, name in ((PHONE, "390"), (DESKTOP, "1280")):
        page.set_viewport_size(size)
        screenshot(page, f"glossary-{name}")


def test_the_woordenlijst_links_work_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/kennisbank/loondoorbetaling/")
    link = page.locator(".article__body a.glossary-link").first
    target = link.get_attribute("href")
    link.click()
    expect(page.locator("h1")).to_have_text("Woordenlijst")
    assert page.locator(f"[id='{target.split('#')[1]}']").count() == 1


@pytest.mark.parametrize("aid", sorted(AIDS))
def test_each_new_decision_aid(page, aid):
    leaning, summary_title = AIDS[aid]
    page.goto(f"/gesprekshulp/keuzehulp/{aid}/")
    assert page.locator(".option").count() >= 3
    assert_accessible(page)
    for size, name in ((PHONE, "390"), (DESKTOP, "1280")):
        page.set_viewport_size(size)
        screenshot(page, f"keuzehulp-{aid}-{name}")
    page.locator(".value-question input[value='5']").first.check()
    page.locator(f"#leaning-{leaning}").check()
    page.fill("#id_worries", "Wat betekent dit voor later?")
    page.get_by_role("button", name="Toon mijn samenvatting").click()
    expect(page.locator("h1")).to_have_text(summary_title)
    assert page.get_by_text("Wat betekent dit voor later?").is_visible()
    assert_accessible(page)
    screenshot(page, f"keuzehulp-{aid}-summary-390")
    page.emulate_media(media="print")
    assert page.get_by_text("Wat betekent dit voor later?").is_visible()
    assert not page.locator(".site-header").first.is_visible()
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als pdf").click()
    text = pdf_text(info.value.path())
    assert summary_title in text and "Wat betekent dit voor later?" in text


@pytest.mark.parametrize("aid", sorted(AIDS))
def test_each_new_decision_aid_without_javascript(page_without_js, aid):
    page = page_without_js
    leaning, summary_title = AIDS[aid]
    page.goto(f"/gesprekshulp/keuzehulp/{aid}/")
    page.locator(f"#leaning-{leaning}").check()
    page.get_by_role("button", name="Toon mijn samenvatting").click()
    expect(page.locator("h1")).to_have_text(summary_title)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als pdf").click()
    assert summary_title in pdf_text(info.value.path())
