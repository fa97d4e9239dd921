"""Issue 15: the wegwijzer's plan fits a phone. For each of the 15 standard situations the
plan page at 390 px wide is at most 6,000 px tall before anything is unfolded, and it
passes axe-core. Three plans are also photographed at 390 and 1280 px."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import assert_accessible, screenshot
from werkwijzer.navigator.tests.standard_situations import STANDARD_SITUATIONS

pytestmark = pytest.mark.django_db(transaction=True)

MAX_HEIGHT = 6_000
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PHOTOGRAPHED = ("employee-sick", "zzp-with-aov", "employer-of-employee")

# Posts the answers as the questionnaire would (it needs no CSRF token: the start page
# is kept for everyone, core.caching.form_on_public_pages).
SUBMIT = """(fields) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/wegwijzer/plan/';
    for (const [name, value] of fields) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
}"""


@pytest.fixture
def seeded_live(transactional_db):
    """Helpers, the kennisbank (the plan's article links) and the demo directory (the
    nearest provider of each first helper)."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "knowledge", "directory"})


def form_fields(situation: dict[str, Any]) -> list[list[str]]:
    fields = []
    for name, value in situation.items():
        if name == "language":
            continue  # the page's language decides
        for one in value if isinstance(value, list) else [value]:
            text = str(one).lower() if isinstance(one, bool) else str(one)
            fields.append([name, text])
    return fields


def open_plan(page, situation: dict[str, Any]) -> None:
    page.goto("/wegwijzer/")
    with page.expect_navigation():
        page.evaluate(SUBMIT, form_fields(situation))
    assert page.locator("h1").inner_text() in ("Jouw persoonlijke plan", "Your personal plan")


def measure(browser, live_server, language: str, names: list[str]) -> dict[str, int]:
    locale = "en-GB" if language == "en" else "nl-NL"
    context = browser.new_context(base_url=live_server.url, locale=locale, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    heights = {}
    for name in names:
        open_plan(page, STANDARD_SITUATIONS[name])
        heights[name] = page.evaluate("document.documentElement.scrollHeight")
        assert page.locator("details[open]").count() == 0, name
        assert_accessible(page)
        if name in PHOTOGRAPHED:
            screenshot(page, f"plan-{name}-390")
            page.set_viewport_size(DESKTOP)
            screenshot(page, f"plan-{name}-1280")
            page.set_viewport_size(PHONE)
    context.close()
    return heights


def test_every_standard_plan_fits_a_phone(browser, live_server, seeded_live):
    heights: dict[str, int] = {}
    for language in ("nl", "en"):
        names = [n for n, s in STANDARD_SITUATIONS.items() if s.get("language", "nl") == language]
        heights |= measure(browser, live_server, language, names)
    print("plan heights at 390 px:", heights)  # shown with pytest -s, for the report
    too_tall = {name: height for name, height in heights.items() if height > MAX_HEIGHT}
    assert not too_tall, f"taller than {MAX_HEIGHT} px at 390 px wide: {too_tall}"
    assert len(heights) == 15
