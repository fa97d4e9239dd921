"""WeasyPrint loads the site's own static files and nothing else."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from werkwijzer.core.pdf import RefusedURL, _fetcher, render_pdf, static_file_for

SITE = "https://werkwijzer.example.nl"


@pytest.fixture(autouse=True)
def public_address(settings):
    """Static files come from disk for URLs of the public address, and only for those."""
    settings.WERKWIJZER_SITE_URL = SITE


HTML = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/static/werkwijzer/site.css">
</head><body><h1 class="utrecht-heading-1">Werkwijzer</h1></body></html>"""


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_a_pdf_with_static_css_renders_without_network():
    assert render_pdf(HTML).startswith(b"%PDF")


def test_a_static_file_is_read_from_disk():
    response = _fetcher().fetch(f"{SITE}/static/werkwijzer/site.css")
    assert response.content_type == "text/css"
    assert b"utrecht" in response.read()


def test_a_hashed_name_of_a_production_build_comes_from_static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "werkwijzer").mkdir()
    (tmp_path / "werkwijzer" / "site.0123abcd.css").write_text("h1 { color: red }")
    found = static_file_for(f"{SITE}/static/werkwijzer/site.0123abcd.css")
    assert found == tmp_path / "werkwijzer" / "site.0123abcd.css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///work/main/src/werkwijzer/static/werkwijzer/site.css",
        "https://example.org/style.css",
        "http://example.org/static/werkwijzer/site.css",  # our path, someone else's host
        "http://127.0.0.1:8000/static/werkwijzer/site.css",  # a server, not the public address
        "ftp://x/y",
        f"{SITE}/admin/",
        f"{SITE}/static/../settings/base.py",
        f"{SITE}/static/%2e%2e/%2e%2e/pyproject.toml",
        f"{SITE}/static//etc/passwd",
        f"{SITE}/static/nothing-here.css",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(RefusedURL):
        _fetcher().fetch(url)


def test_a_document_that_asks_for_a_local_file_renders_without_it(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text('h1::after { content: "GEHEIM-UIT-BESTAND" }')
    html = f"""<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="file://{secret}">
    <style>@import url("file://{secret}");</style>
    </head><body><h1>Werkwijzer</h1><img src="file:///etc/passwd" alt="plaatje"></body></html>"""
    text = pdf_text(render_pdf(html))
    assert "Werkwijzer" in text
    assert "GEHEIM-UIT-BESTAND" not in text
