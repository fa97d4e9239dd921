"""The security headers on every part of the site, the two admins included.

That the admins also *work* under their policy (scripts run, no violation reported, the
Wagtail preview frames) is shown in a browser: tests/browser/test_core.py.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
HEADERS = ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options")


def _policy(response) -> dict[str, str]:
    directives = (part.strip() for part in response["Content-Security-Policy"].split(";"))
    return dict(d.split(" ", 1) for d in directives if d)


def _secure(response) -> dict[str, str]:
    for header in HEADERS:
        assert header in response.headers, header
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = _policy(response)
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    return policy


@pytest.mark.parametrize("path", ["/beheer/login/", "/cms/login/"])
def test_admin_login_pages_have_the_headers_and_render(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b'name="username"' in response.content
    _secure(response)


def test_the_django_admin_gets_the_strict_policy(admin_client):
    response = admin_client.get("/beheer/accounts/user/")
    assert response.status_code == 200
    policy = _secure(response)
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_wagtail_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/cms/")
    assert response.status_code == 200
    policy = _secure(response)
    # Wagtail writes inline scripts (inline panels, date pickers) and frames its preview.
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'"
    assert "https:" not in response["Content-Security-Policy"]  # nothing from elsewhere


def test_site_pages_keep_the_strict_policy(client):
    policy = _secure(client.get("/"))
    assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'none'"


def test_a_paused_login_page_has_the_headers_too(client):
    for _ in range(5):
        response = client.post("/beheer/login/", {"username": "x", "password": "wrong-password"})
    assert response.status_code == 429
    _secure(response)
