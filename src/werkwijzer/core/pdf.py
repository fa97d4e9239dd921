"""One way to turn HTML into PDF (WeasyPrint) for every app: plan, folder, letters.

Stylesheets and images under STATIC_URL are read from disk through the staticfiles
finders; any other URL (http, https, ftp) is refused, so rendering a PDF never touches
the network and never waits on this server itself. WeasyPrint is imported on first use:
it loads Pango, which no other page needs.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

if TYPE_CHECKING:
    from weasyprint.document import Document

BASE_URL = "http://werkwijzer.local/"


@cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None):
            if url.startswith(("data:", "file:")):
                return super().fetch(url, headers)
            path = urlparse(url).path
            if not path.startswith(settings.STATIC_URL):
                raise ValueError(f"Not fetching {url} while rendering a PDF")
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if not found:
                raise ValueError(f"Static file {path} not found")
            return super().fetch(f"file://{found}", headers)

    return StaticFilesFetcher


def pdf_document(html: str) -> Document:
    """The laid-out pages of a complete HTML document (tests read their text)."""
    from weasyprint import HTML

    fetcher = _fetcher_class()(allowed_protocols=("data", "file", "http", "https"))
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()


def render_pdf(html: str) -> bytes:
    """A PDF of a complete HTML document; static files are linked as /static/..."""
    return pdf_document(html).write_pdf()


def pdf_response(
    request: HttpRequest, template: str, context: dict[str, Any], filename: str
) -> HttpResponse:
    """A template as a PDF download; never cached, since many hold personal details."""
    html = render_to_string(template, context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
