"""The security headers on the admins: /beheer/ (Django) and /cms/ (Wagtail) work under
their Content-Security-Policy, with JavaScript, and the browser reports no violation."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from werkwijzer.accounts.testing import force_login_verified, make_user


@pytest.fixture
def seeded_live(transactional_db):
    """The kennisbank: an article to open in the Wagtail editor."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"knowledge"})


def _watch(page) -> list[str]:
    """Every CSP violation and uncaught script error the page reports."""
    problems: list[str] = []

    def on_console(message) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return problems


def _open(page, path: str) -> str:
    response = page.goto(path)
    assert response.status < 400, (path, response.status)
    page.wait_for_load_state("networkidle")
    return response.headers["content-security-policy"]


def _logged_in_admin(browser, live_server):
    admin = make_user("admin", first_name="Ada", last_name="Beheer")
    client = Client()
    force_login_verified(client, admin)
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    context.set_default_timeout(15_000)
    return context, admin


@pytest.mark.parametrize("path", ["/beheer/login/", "/cms/login/"])
def test_admin_login_pages_render_under_their_policy(page, path):
    problems = _watch(page)
    policy = _open(page, path)
    assert "default-src 'self'" in policy and "frame-ancestors" in policy
    assert page.locator("input[name=username]").is_visible()
    assert problems == []


def test_the_django_admin_works_under_the_strict_policy(browser, live_server, seeded_live):
    context, admin = _logged_in_admin(browser, live_server)
    page = context.new_page()
    problems = _watch(page)
    policy = _open(page, "/beheer/")
    assert "script-src 'self';" in policy and "unsafe-inline' ;" not in policy
    _open(page, "/beheer/accounts/user/")
    assert page.get_by_text(admin.username).first.is_visible()
    _open(page, f"/beheer/accounts/user/{admin.pk}/change/")
    # The admin's own scripts ran: they define `django` and build the two-list pickers.
    assert page.evaluate("typeof window.django") == "object"
    assert page.locator(".selector-available").first.is_visible()
    assert problems == []
    context.close()


def test_the_wagtail_admin_and_editor_work_under_their_policy(browser, live_server, seeded_live):
    from werkwijzer.knowledge.models import ArticlePage

    context, _admin = _logged_in_admin(browser, live_server)
    page = context.new_page()
    problems = _watch(page)
    policy = _open(page, "/cms/")
    assert "frame-ancestors 'self'" in policy
    _open(page, "/cms/pages/")
    article = ArticlePage.objects.live().first()
    _open(page, f"/cms/pages/{article.pk}/edit/")
    # The editor's scripts ran: the rich-text editor and the publish menu are there.
    assert page.locator(".Draftail-Editor").first.is_visible()
    save = page.get_by_role("button", name=re.compile("Bewaar concept|Save draft"))
    assert save.first.is_visible()
    # The preview panel frames the page from our own origin (frame-ancestors 'self').
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").first.inner_text().startswith(article.title[:20])
    _open(page, "/cms/images/")
    assert problems == []
    context.close()
