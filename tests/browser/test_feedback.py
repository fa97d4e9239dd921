"""Issue 21 in the browser: a reader answers "Heb je hier iets aan?" under a kennisbank
article (with JavaScript, in place) and on their plan (without JavaScript, a page), and
writes to the editors; an editor sees both, and the searches that found nothing, on the
gap map."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot


@pytest.fixture
def seeded_live(transactional_db):
    """The kennisbank (the gap map names its articles) and the demo events (under the
    article)."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "knowledge", "events"})


def _article():
    from werkwijzer.knowledge.models import ArticlePage

    return ArticlePage.objects.live().get(slug="vermoeidheid-en-werk", locale__language_code="nl")


def test_a_reader_answers_and_writes_and_the_editor_sees_it(browser, live_server, page):
    from tests.browser.test_directory import _editor_logs_in
    from werkwijzer.feedback.models import ContactMessage, Feedback

    article = _article()
    page.goto(article.url)
    box = page.locator("[data-feedback]")
    expect(box.get_by_role("heading", name="Heb je hier iets aan?")).to_be_visible()
    # The coming events about the article's topics, under the question.
    events = page.locator(".events-for-topics")
    expect(events.get_by_role("heading")).to_contain_text("Cursussen, groepen en bijeenkomsten")
    expect(events.locator(".event-card").first).to_contain_text("Voorbeeld")
    assert_accessible(page)
    screenshot(page, "article-feedback-events-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    box.get_by_label("Wil je nog iets zeggen?").fill("Ik mis wat het kost")
    screenshot(page, "article-feedback-events-390")
    box.get_by_role("button", name="Nee").click()
    # JavaScript: the thanks in place of the form, on the same page.
    expect(box.get_by_role("status")).to_contain_text("Bedankt voor je antwoord")
    expect(box.locator("form")).to_be_hidden()
    assert page.url.endswith(article.url)
    assert_accessible(page)
    screenshot(page, "feedback-thanks-in-place-390")
    stored = Feedback.objects.get()
    assert (stored.key, stored.helpful, stored.remark) == (
        str(article.pk),
        False,
        "Ik mis wat het kost",
    )

    # A search that finds nothing.
    page.goto("/zoeken/?q=xylofoonles")
    expect(page.locator("h1")).to_be_visible()

    # The contact form: a clear message first, then the confirmation.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/contact/")
    page.get_by_role("button", name="Naar de redactie sturen").click()
    expect(page.locator("#error-summary")).to_contain_text("Schrijf je bericht.")
    assert_accessible(page)
    page.get_by_label("Je bericht").fill("Ik zoek informatie over werken met een stoma.")
    page.get_by_label("Je e-mailadres").fill("lezer@example.nl")
    screenshot(page, "contact-form-1280")
    page.get_by_role("button", name="Naar de redactie sturen").click()
    expect(page.locator("h1")).to_have_text("Je bericht is verstuurd")
    expect(page.get_by_role("status")).to_contain_text("antwoordt je per e-mail")
    assert_accessible(page)
    screenshot(page, "contact-sent-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "contact-sent-390")
    assert ContactMessage.objects.get().email == "lezer@example.nl"

    context, editor = _editor_logs_in(browser, live_server)
    editor.goto("/redactie/hiaten/")
    expect(editor.locator("h1")).to_have_text("Wat er ontbreekt")
    searches = editor.locator("table[aria-labelledby=searches]")
    expect(searches).to_contain_text("xylofoonles")
    unhelpful = editor.locator("table[aria-labelledby=unhelpful]")
    expect(unhelpful).to_contain_text(article.title)
    expect(unhelpful).to_contain_text("Ik mis wat het kost")
    expect(editor.locator("main")).to_contain_text("1 nieuw bericht via het contactformulier")
    assert_accessible(editor)
    screenshot(editor, "feedback-gaps-1280")
    editor.set_viewport_size({"width": 390, "height": 844})
    screenshot(editor, "feedback-gaps-390")
    editor.get_by_role("link", name="Lees de berichten").click()
    expect(editor.locator("#result_list")).to_contain_text("werken met een stoma")
    context.close()


def test_a_reader_answers_on_the_plan_without_javascript(page_without_js):
    from tests.browser.test_navigator import fill_basics
    from werkwijzer.feedback.models import Feedback

    page = page_without_js
    page.goto("/wegwijzer/")
    fill_basics(page, "werkende", "loondienst-vast", "behandeling", "niet", 45)
    page.locator("summary", has_text="Meer over verzuim").click()
    page.fill("#id_sick_since", "2026-09-01")  # the plan's route: the answers' key
    page.click("text=Toon mijn plan")
    expect(page.locator("h1")).to_have_text("Jouw persoonlijke plan")
    box = page.locator("[data-feedback]")
    # The remark is folded on the plan; a <details> opens without JavaScript.
    box.locator("summary", has_text="Wil je nog iets zeggen?").click()
    box.get_by_label("Wil je nog iets zeggen?").fill("Duidelijk, dank je")
    box.get_by_role("button", name="Ja").click()
    expect(page.locator("h1")).to_have_text("Bedankt")
    expect(page.get_by_role("status")).to_contain_text("Fijn dat je hier iets aan hebt")
    # Back to the plan's address, without the answers.
    expect(page.get_by_role("link", name="Terug naar de pagina")).to_have_attribute(
        "href", re.compile(r"^/wegwijzer/plan/$")
    )
    screenshot(page, "feedback-thanks-page-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "feedback-thanks-page-390")
    stored = Feedback.objects.get()
    assert (stored.kind, stored.key, stored.helpful, stored.remark) == (
        "plan",
        "poortwachter",
        True,
        "Duidelijk, dank je",
    )
