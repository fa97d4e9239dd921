"""One way to turn HTML into PDF (WeasyPrint) for every app: plan, folder, letters.

WeasyPrint may read the site's own static files and nothing else: a stylesheet or image
under STATIC_URL of our own base URL is read from disk (the staticfiles finders, or
STATIC_ROOT for the hashed names of a production build). Every other URL is refused:
other hosts, file:// (a template or an uploaded text could otherwise pull in any file
on the server), ftp, and paths outside the static folder. So rendering a PDF never
touches the network and never waits on this server itself. data: URLs stay, since they
carry their content with them. WeasyPrint is imported on first use: it loads Pango,
which no other page needs.

The base URL is the site's public address (WERKWIJZER_SITE_URL), so a link to "/..." in
a PDF opens the site, whoever's server made it. Every PDF is PDF/UA-1: tagged for screen
readers, with the language of <html lang> and the title of <title>, and gets the shared
print stylesheet (werkwijzer/pdf.css: one font, page breaks).
"""

from __future__ import annotations

import mimetypes
import posixpath
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from werkwijzer.core.downloads import PERSONAL, Audience, download
from werkwijzer.core.site import site_url

if TYPE_CHECKING:
    from weasyprint.document import Document

# Tagged (a structure tree), /Lang, /Title shown as the window title: PDF/UA-1.
PDF_VARIANT = "pdf/ua-1"
# Added to every PDF as a user stylesheet (its !important rules win over a page's own).
PDF_STYLESHEET = "werkwijzer/pdf.css"


class RefusedURL(ValueError):
    """A URL WeasyPrint may not load (WeasyPrint logs it and leaves the resource out)."""


def static_file_for(url: str) -> Path:
    """The file on disk behind a static URL of our base URL; RefusedURL for anything else."""
    base = urlsplit(site_url())
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        raise RefusedURL(f"Not fetching {url} while rendering a PDF")
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL):
        raise RefusedURL(f"Not fetching {url}: not a static file")
    name = path.removeprefix(settings.STATIC_URL)
    # No way out of the static folder ("../", an absolute path, a backslash).
    if not name or "\\" in name or name.startswith("/") or ".." in name.split("/"):
        raise RefusedURL(f"Not fetching {url}: not a static file")
    found = finders.find(posixpath.normpath(name))
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / name
    if collected.is_file() and collected.resolve().is_relative_to(
        Path(settings.STATIC_ROOT).resolve()
    ):
        return collected
    raise RefusedURL(f"Static file {path} not found")


@cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = static_file_for(url)
            content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, found.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticFilesFetcher


def _fetcher():
    # Only data: goes through urllib; static files are read above, everything else refused.
    return _fetcher_class()(allowed_protocols=("data", "http"))


def pdf_document(html: str) -> Document:
    """The laid-out pages of a complete HTML document (tests read their text)."""
    from weasyprint import CSS, HTML

    base, fetcher = site_url(), _fetcher()
    shared = CSS(url=urljoin(base, settings.STATIC_URL + PDF_STYLESHEET), url_fetcher=fetcher)
    document = HTML(string=html, base_url=base, url_fetcher=fetcher)
    return document.render(stylesheets=[shared])


def write_pdf(document: Document) -> bytes:
    """The PDF file of laid-out pages (tagged, PDF/UA-1)."""
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def render_pdf(html: str) -> bytes:
    """A PDF of a complete HTML document; static files are linked as /static/..."""
    return write_pdf(pdf_document(html))


def pdf_response(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    filename: str,
    audience: Audience = PERSONAL,
) -> HttpResponse:
    """A template as a PDF download; personal unless said otherwise (see core.downloads)."""
    html = render_to_string(template, context, request=request)
    return download(render_pdf(html), "application/pdf", filename, audience)
