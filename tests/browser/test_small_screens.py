"""Every page fits a phone: no sideways scrolling at 320 and 390 px.

Anonymous visitors walk the site map; each demo role opens the pages its menu and its
start page link to. A page fails when the document is wider than the window; the
message names the widest elements so the fix is quick to find.
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import screenshot
from werkwijzer.accounts.models import User
from werkwijzer.accounts.testing import force_login_verified

WIDTHS = (320, 390)
PER_KIND = 3  # detail pages of one kind (providers, FAQ answers) look alike
ROLES = (
    "demo-persoon",
    "demo-werkgever",
    "demo-baco",
    "demo-kag",
    "demo-redacteur",
    "demo-privacy",
)
# Not pages a phone user reads: the CMS, the admin, downloads, actions.
SKIP = re.compile(r"^/(cms|beheer|api|static|media|i18n)/|\.(pdf|csv|ics|json|docx|xml)$|uitloggen")

OVERFLOW = """() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                  + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
}"""


@pytest.fixture
def seeded_live(transactional_db, monkeypatch):
    from werkwijzer.core.seeding import seed_all

    monkeypatch.setenv("WERKWIJZER_DEMO_PASSWORD", "small-screens-demo-1")
    seed_all()


def _sitemap_paths() -> list[str]:
    response = Client().get("/sitemap.xml")
    paths = [
        urlparse(url).path for url in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]
    seen: dict[str, int] = defaultdict(int)
    chosen = []
    for path in paths:
        kind = re.sub(r"[^/]+/$", "", path) if path.count("/") > 2 else path
        seen[kind] += 1
        if seen[kind] <= PER_KIND or path.startswith("/kennisbank/"):
            chosen.append(path)
    return chosen


def _logged_in(browser, live_server, username: str):
    client = Client()
    force_login_verified(client, User.objects.get(username=username))
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def _links_of(page, path: str) -> set[str]:
    page.goto(path)
    hrefs = page.eval_on_selector_all(
        "a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
    )
    return {href.split("#")[0] for href in hrefs if not SKIP.search(href.split("?")[0])}


def _overflows(page, paths, who: str) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in sorted(paths):
            response = page.goto(path)
            if response is None or response.status >= 400:
                problems.append(f"{who} {path}: status {response and response.status}")
                continue
            wide = page.evaluate(OVERFLOW)
            if wide:
                problems.append(f"{who} {width}px {path}: {', '.join(wide)}")
    return problems


# Pages whose layout this test made fit: kept as screenshots for a person to look at.
LOOKED_AT = (
    "/wie-kan-helpen/",
    "/businesscase/",
    "/uitkomsten/dashboard/",
    "/wie-kan-helpen/baco/",
)


def _screenshots(page, paths: list[str]) -> None:
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(path)
            screenshot(page, f"small-screens-{path.strip('/').replace('/', '-')}-{width}")


def test_no_page_scrolls_sideways_on_a_phone(browser, live_server, seeded_live):
    paths = [path for path in _sitemap_paths() if not SKIP.search(path)]
    assert len(paths) > 30
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    problems = _overflows(page, paths, "anonymous")
    _screenshots(page, [path for path in paths if path in LOOKED_AT or "/verwijsgids/1" in path])
    context.close()
    for username in ROLES:
        context = _logged_in(browser, live_server, username)
        page = context.new_page()
        own = (_links_of(page, "/") | _links_of(page, "/account/")) - set(paths)
        problems += _overflows(page, own, username)
        context.close()
    assert not problems, "Pages wider than the phone:\n" + "\n".join(problems)


def test_the_menu_folds_behind_a_button_on_a_phone(browser, live_server, seeded_live):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    wegwijzer = page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Wegwijzer"
    )
    assert not wegwijzer.is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert wegwijzer.is_visible()
    screenshot(page, "small-screens-menu-open-390")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("document.querySelector('.site-nav__menu').open")
    assert wegwijzer.is_visible() and not page.get_by_text("Menu", exact=True).is_visible()
    context.close()


def test_without_javascript_the_menu_stays_open_on_a_phone(browser, live_server, seeded_live):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.get_by_role("link", name="Wegwijzer").is_visible()
    screenshot(page, "small-screens-menu-without-js-390")
    context.close()
