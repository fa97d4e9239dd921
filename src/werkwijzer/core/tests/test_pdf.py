import pytest

from werkwijzer.core.pdf import _fetcher_class, render_pdf

HTML = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/static/werkwijzer/site.css">
</head><body><h1 class="utrecht-heading-1">Werkwijzer</h1></body></html>"""


def test_a_pdf_with_static_css_renders_without_network():
    assert render_pdf(HTML).startswith(b"%PDF")


@pytest.mark.parametrize(
    "url", ["https://example.org/style.css", "ftp://x/y", "http://werkwijzer.local/admin/"]
)
def test_only_static_files_are_fetched(url):
    fetcher = _fetcher_class()(allowed_protocols=("data", "file", "http", "https"))
    with pytest.raises(ValueError):
        fetcher.fetch(url)
