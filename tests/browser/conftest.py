"""Browser tests: Debian's headless Chromium driven by Playwright, axe-core for WCAG.

Screenshots land in test-artifacts/screenshots/ so a person can look at every page.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the test's own database
# access there is synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("WERKWIJZER_CHROMIUM", "/usr/bin/chromium")
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _new_page(browser, live_server, **options):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}, **options
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server, seeded_live):
    context, new_page = _new_page(browser, live_server)
    yield new_page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server, seeded_live):
    context, new_page = _new_page(browser, live_server, java_script_enabled=False)
    new_page.werkwijzer_without_js = True
    yield new_page
    context.close()


@pytest.fixture
def seeded_live(transactional_db):
    """The helper catalogue; a test file that needs more content overrides this fixture.

    (Seeding every app takes over a minute: the kennisbank, postcodes, demo populations.)
    """
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers"})


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.1 A and AA) and fail on serious or critical violations."""
    # axe-core is JavaScript: on a page without it, evaluate() would wait for ever.
    assert not getattr(page, "werkwijzer_without_js", False), (
        "assert_accessible needs JavaScript; check this page in a test with JavaScript on"
    )
    page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    details = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in serious
    ]
    assert not serious, "axe-core found accessibility problems:\n" + "\n".join(details)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
