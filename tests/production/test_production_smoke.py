"""The production build serves the site: the main pages, their CSS and JS, the site's own
404 and 500 pages, and a readiness check that tells the truth.

A template that refers to a static file that is not collected makes its page a 500
here (the manifest storage refuses unknown names), so a broken static reference fails
this test.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest

from tests.production.conftest import DEMO_PASSWORD, Answer, ProxiedClient
from tests.servers import gunicorn

PLAN_FORM = {
    "role": "werkende",
    "employment": "loondienst-vast",
    "phase": "behandeling",
    "working": "niet",
    "age": "45",
    "sick_since": "2026-09-01",
    "concerns": ["vermoeidheid", "financien"],
    "postcode": "3511",
}

# The pages a visitor reaches from the menu, the footer and the home page.
MAIN_PAGES = [
    "/",
    "/wegwijzer/",
    "/wie-kan-helpen/",
    "/kennisbank/",
    "/verwijsgids/",
    "/zoeken/?q=werkgever",
    "/verwijsgids/?q=3511",
    "/tijdlijn/",
    "/tijdlijn/?employment=loondienst-vast&sick_since=2026-09-01",
    "/gesprekshulp/",
    "/gesprekshulp/keuzehulp/",
    "/werkgevers/",
    "/vraag-de-specialist/",
    "/vraag-de-specialist/veelgestelde-vragen/",
    "/screening/",
    "/businesscase/",
    "/uitkomsten/dashboard/",
    "/inloggen/",
    "/registreren/",
    "/over/",
]

_STATIC = re.compile(r'(?:href|src)="(/static/[^"]+)"')
_LINK = r'href="({prefix}[^"#?]+/)"'


@pytest.fixture(scope="module")
def site(production_site):
    base, _, _ = production_site
    return ProxiedClient(base)


def _assert_page(answer: Answer, path: str) -> None:
    assert answer.status == 200, f"{path}: {answer.status}\n{answer.text[:500]}"
    assert 'lang="nl"' in answer.text, path
    assert "/static/werkwijzer/site." in answer.text, f"{path}: no hashed site.css"


def _first_link(html: str, prefix: str, exclude: str = "") -> str:
    links = [
        link
        for link in re.findall(_LINK.format(prefix=re.escape(prefix)), html)
        if link != prefix and (not exclude or exclude not in link)
    ]
    assert links, f"no link under {prefix}"
    return links[0]


def _assert_static_files(client: ProxiedClient, pages: dict[str, str]) -> int:
    """Every CSS/JS/image a page names answers 200, and so does every url() in the CSS."""
    seen: set[str] = set()
    for html in pages.values():
        for static in _STATIC.findall(html):
            seen.add(static)
    for static in sorted(seen):
        answer = client.request(static)
        assert answer.status == 200, f"{static}: {answer.status}"
        assert re.search(r"\.[0-9a-f]{12}\.", static), f"{static} is not a hashed name"
        if static.endswith(".css"):
            for reference in re.findall(r"url\(['\"]?([^'\")]+)['\"]?\)", answer.text):
                if reference.startswith(("data:", "#")):
                    continue
                resolved = urllib.parse.urljoin(static, reference)
                assert client.request(resolved).status == 200, f"{static} -> {resolved}"
    return len(seen)


def test_the_main_pages_and_their_static_files(site):
    pages = {}
    for path in MAIN_PAGES:
        answer = site.request(path)
        _assert_page(answer, path)
        pages[path] = answer.text
    detail_pages = {
        "an article": _first_link(pages["/kennisbank/"], "/kennisbank/", exclude="ik-ben"),
        "a helper": _first_link(pages["/wie-kan-helpen/"], "/wie-kan-helpen/"),
        "a provider": _first_link(pages["/verwijsgids/?q=3511"], "/verwijsgids/"),
        "a FAQ answer": _first_link(
            pages["/vraag-de-specialist/veelgestelde-vragen/"],
            "/vraag-de-specialist/veelgestelde-vragen/",
        ),
    }
    for name, path in detail_pages.items():
        answer = site.request(path)
        assert answer.status == 200, f"{name} ({path}): {answer.status}"
        _assert_page(answer, path)
        pages[path] = answer.text
    plan = site.post_form("/wegwijzer/plan/", PLAN_FORM, form_page="/wegwijzer/")
    _assert_page(plan, "the plan")
    assert "Jouw persoonlijke plan" in plan.text, plan.text[:800]
    pages["plan"] = plan.text
    assert len(pages) >= 25
    assert _assert_static_files(site, pages) >= 10  # CSS of the pages and their scripts


def test_the_plan_as_pdf_uses_the_collected_static_files(site):
    # As a person does: the questionnaire (no token), then the PDF button on the plan.
    plan = site.post_form("/wegwijzer/plan/", PLAN_FORM, form_page="/wegwijzer/")
    pdf = site.post_from(plan, "/wegwijzer/plan.pdf", PLAN_FORM, "/wegwijzer/plan/")
    assert pdf.status == 200, pdf.text[:500]
    assert pdf.body.startswith(b"%PDF")
    assert pdf.headers["Cache-Control"] == "no-store"


def test_a_person_logs_in_behind_the_proxy(production_site):
    base, _, _ = production_site
    person = ProxiedClient(base)
    answer = person.post_form("/inloggen/", {"username": "demo-persoon", "password": DEMO_PASSWORD})
    assert answer.status == 302, answer.text[:500]
    assert "Secure" in answer.headers.get("Set-Cookie", "") or person.cookies.get("sessionid")
    overview = person.request("/mijn-werkwijzer/")
    assert overview.status == 200
    assert "demo-persoon" not in overview.headers.get("Location", "")


def test_a_missing_page_is_the_sites_own_dutch_404(site):
    answer = site.request("/deze-pagina-bestaat-niet/")
    assert answer.status == 404
    assert "Pagina niet gevonden" in answer.text
    assert "/static/werkwijzer/site." in answer.text


def test_plain_http_is_sent_to_https_with_hsts_on_https(site):
    plain = ProxiedClient(site.base, secure=False).request("/")
    assert plain.status == 301
    assert plain.headers["Location"].startswith("https://")
    secure = site.request("/")
    assert "max-age=" in secure.headers["Strict-Transport-Security"]
    assert "default-src 'self'" in secure.headers["Content-Security-Policy"]


def test_health_checks_the_database(site):
    answer = site.request("/api/v1/health")
    assert answer.status == 200
    assert '"database":"ok"' in answer.text.replace(" ", "")


def test_without_a_database_the_500_page_is_the_sites_own(production_site):
    """The error page needs only static files: it renders when the database is gone."""
    _, environ, folder = production_site
    gone = environ["DATABASE_URL"].rsplit("/", 1)[0] + "/ww_database_that_does_not_exist"
    with gunicorn({**environ, "DATABASE_URL": gone}, folder / "no-database.log") as base:
        client = ProxiedClient(base)
        page = client.request("/kennisbank/")
        assert page.status == 500
        assert "Er ging iets mis" in page.text
        assert "Nothing you saved is lost" not in page.text
        css = re.findall(r'href="(/static/[^"]+\.css)"', page.text)
        assert css and all(client.request(path).status == 200 for path in css)
        health = client.request("/api/v1/health")
        assert health.status == 503
        assert '"database":"down"' in health.text.replace(" ", "")
        assert client.request("/api/v1/live").status == 200


_STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]""")


def test_every_static_file_a_template_names_was_collected(production_site):
    """Pages this test does not open still name only collected files: a template that
    refers to a file the build does not ship fails here, not in production."""
    _, _, folder = production_site
    manifest = json.loads((folder / "static" / "staticfiles.json").read_text())["paths"]
    templates = Path(__file__).resolve().parents[2] / "src" / "werkwijzer"
    named = {
        name: template
        for template in templates.rglob("*.html")
        for name in _STATIC_TAG.findall(template.read_text(encoding="utf-8"))
    }
    assert len(named) >= 20
    missing = {name: str(where) for name, where in named.items() if name not in manifest}
    assert not missing


def test_the_icon_and_the_cut_down_design_system_css_are_collected(site):
    """favicon.ico finds the hashed icon; the NL Design System CSS is the subset that
    core.css_subset builds at collectstatic time, not the 400 KB library (issue 16)."""
    icon = site.request("/favicon.ico")
    assert icon.status == 301
    assert re.search(r"/static/werkwijzer/icon\.[0-9a-f]{12}\.svg$", icon.headers["Location"])
    assert site.request(icon.headers["Location"]).status == 200
    home = site.request("/").text
    components = re.search(r'href="(/static/vendor/utrecht/index\.[0-9a-f]{12}\.css)"', home)
    answer = site.request(components.group(1))
    assert answer.status == 200
    assert ".utrecht-button{" in answer.text and ".utrecht-accordion" not in answer.text
    assert len(answer.text) < 200_000
