"""The production build as an operator makes it (docs/operations.md, "Running in
production"): collectstatic with the manifest storage, migrate and seed on PostgreSQL,
gunicorn with the production settings, reached through a TLS proxy that the test plays.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPResponse

import pytest

from tests.servers import (
    gunicorn,
    postgres_server_url,
    production_environment,
    temporary_database,
    werkwijzer,
)

DEMO_PASSWORD = "production-smoke-demo"
CLIENT_ADDRESS = "203.0.113.7"  # TEST-NET-3: the visitor as the proxy reports it


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/production/" in str(item.fspath):
            item.add_marker(pytest.mark.production)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """A seeded production server; yields (base URL, environment, log folder)."""
    server = postgres_server_url()
    if server is None:
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432 for the production smoke test")
    folder = tmp_path_factory.mktemp("production")
    with temporary_database(server, prefix="ww_production") as database_url:
        environ = production_environment(folder, database_url)
        werkwijzer("collectstatic", "--no-input", "-v", "0", env=environ)
        werkwijzer("migrate", "--no-input", "-v", "0", env=environ)
        werkwijzer("seed", env={**environ, "WERKWIJZER_DEMO_PASSWORD": DEMO_PASSWORD})
        with gunicorn(environ, folder / "gunicorn.log") as base:
            yield base, environ, folder


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class ProxiedClient:
    """A browser behind the TLS proxy: every request says it came in over HTTPS from
    CLIENT_ADDRESS. Cookies are kept by hand because they are Secure and the hop from
    the proxy to gunicorn is plain HTTP (as it is in a real deployment)."""

    base: str
    secure: bool = True
    client_address: str = CLIENT_ADDRESS
    timeout: float = 60
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, path: str, data: dict | None = None, referer: str = "") -> Answer:
        headers = {"X-Forwarded-For": self.client_address, "Accept-Language": "nl"}
        if self.secure:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "https://" + self.base.split("://", 1)[1] + (referer or path)
            headers["Sec-Fetch-Site"] = "same-origin"  # as a browser says of its own forms
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response: HTTPResponse = opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return Answer(response.status, dict(response.headers.items()), response.read())

    def _keep_cookies(self, set_cookies: list[str]) -> None:
        for line in set_cookies:
            name, _, rest = line.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    def post_form(self, path: str, data: dict, form_page: str | None = None) -> Answer:
        """POST as the browser does after loading the form: with its CSRF token, or without
        one for the forms on pages kept for everyone (core.caching.form_on_public_pages),
        which the browser sends from the same site."""
        page = self.request(form_page or path)
        return self.post_from(page, path, data, form_page or path)

    def post_from(self, page: Answer, path: str, data: dict, referer: str) -> Answer:
        """POST a form of a page already loaded (a button on a plan, for example)."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        fields = {**data, "csrfmiddlewaretoken": token.group(1)} if token else data
        return self.request(path, fields, referer)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test looks at redirects itself
