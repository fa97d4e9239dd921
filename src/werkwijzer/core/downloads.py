"""Every file download of Werkwijzer is made here, so each says how it may be kept.

A personal download (a plan, a sick-leave calendar, an export of one's own data, the
audit log, research data) is never stored by a browser or a proxy: `Cache-Control:
no-store`. A public one (an employer template, a provider folder, business-case
figures from public assumptions) may be cached for an hour.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

PUBLIC_MAX_AGE = 60 * 60


class Audience(Enum):
    PERSONAL = "personal"
    PUBLIC = "public"


PERSONAL = Audience.PERSONAL
PUBLIC = Audience.PUBLIC


def _headers(response: HttpResponseBase, filename: str, audience: Audience, inline: bool) -> None:
    disposition = "inline" if inline else "attachment"
    # Only ASCII names are made here (slugs and fixed names), so no RFC 5987 form needed.
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if audience is PERSONAL:
        response["Cache-Control"] = "no-store"
    else:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"


def download(
    body: bytes | str,
    content_type: str,
    filename: str,
    audience: Audience,
    *,
    inline: bool = False,
) -> HttpResponse:
    """A file as the answer to a request."""
    response = HttpResponse(body, content_type=content_type)
    _headers(response, filename, audience, inline)
    return response


def streamed_download(
    chunks: Iterable[bytes | str], content_type: str, filename: str, audience: Audience
) -> StreamingHttpResponse:
    """A large file (an export) sent while it is written."""
    response = StreamingHttpResponse(chunks, content_type=content_type)
    _headers(response, filename, audience, inline=False)
    return response
