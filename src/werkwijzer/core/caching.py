"""Who may keep a response, and which responses are compressed.

Why: docs/decisions/0012-compression-and-caching.md.

One middleware decides both, from the request and the finished response:

- A response that already says how to cache it (a download, a login page, a record)
  keeps its own Cache-Control. Health is never stored.
- Personal: not a GET or HEAD, a visitor with a session (logged in, or answers and a
  persona kept in it) or credentials, or a page of the tools that take personal
  answers. `private, no-store`: no copy in the browser's cache, none in a proxy.
- Made for this visitor: the response sets a cookie, which Django does whenever the
  page holds a CSRF token (a form that posts). `private, no-cache`.
- Everything else that answered 200 is the same for every visitor in a language:
  `public, max-age=PUBLIC_MAX_AGE`, varying on the language (header and cookie).

Compression (gzip: Django's GZipMiddleware, with its random padding against BREACH)
is for every response except those to a visitor with a session or credentials: what
their session holds is the secret worth guessing from the size of a page that also
reflects the guess. A CSRF token is no such secret: Django masks it anew in every
response. Static files are compressed ahead of time by WhiteNoise (a .br and a .gz
beside each file) and never reach this middleware.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

PUBLIC_MAX_AGE = 300
PERSONAL = "private, no-store"
PER_VISITOR = "private, no-cache"
# The tools that take someone's situation or answers (also through the query string).
PERSONAL_PREFIXES = (
    "/wegwijzer/",
    "/tijdlijn/",
    "/gesprekshulp/",
    "/screening/",
    "/mijn-werkwijzer/",
    "/zorgpad/",
    "/vraag-de-specialist/",
    "/uitkomsten/",
)
# Health answers must be fresh for whoever asks.
NEVER_STORED = ("/api/v1/health", "/api/v1/live")


def carries_identity(request: HttpRequest) -> bool:
    """A session cookie or credentials: the answer may show what belongs to them."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def is_personal(request: HttpRequest) -> bool:
    """Whether the answer to this request is about one person (see the module text)."""
    return (
        request.method not in ("GET", "HEAD")
        or carries_identity(request)
        or request.path.startswith(PERSONAL_PREFIXES)
    )


def cache_control(request: HttpRequest, response: HttpResponseBase) -> str | None:
    """The Cache-Control this response gets; None to leave it without one."""
    if request.path in NEVER_STORED:
        return "no-store"
    if is_personal(request):
        return PERSONAL
    if response.cookies:  # a CSRF token (or a language) made for this visitor
        return PER_VISITOR
    if response.status_code == 200:
        return f"public, max-age={PUBLIC_MAX_AGE}"
    return None


class CachingAndCompressionMiddleware(GZipMiddleware):
    """Sets Cache-Control and Vary, then gzips what may be compressed."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not response.has_header("Cache-Control"):
            value = cache_control(request, response)
            if value:
                response["Cache-Control"] = value
            if value and value.startswith("public"):
                # The language comes from the header or the language cookie.
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if carries_identity(request):
            return response
        return super().process_response(request, response)
