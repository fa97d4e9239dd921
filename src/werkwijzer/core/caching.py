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

Public pages are also kept on the server, in the shared cache, for anonymous visitors
(`WERKWIJZER_PAGE_CACHE_SECONDS`, as long as a browser may keep them): the second
visitor of a kennisbank article gets the page without a template or a query. The key
holds the content versions (core.versions), so publishing an article, a helper text, an
FAQ answer or a provider gives every page a new key at once, on every server; other
changes show within the time a browser may keep the page anyway. The key also holds the
request's language header and cookies (the Vary of the page), as Django's own cache
middleware keeps it. Never kept: anything personal, a page that hands out a CSRF token
(its token belongs to one visitor), a response that sets a cookie.

Compression (gzip: Django's GZipMiddleware, with its random padding against BREACH)
is for every response except those to a visitor with a session or credentials: what
their session holds is the secret worth guessing from the size of a page that also
reflects the guess. A CSRF token is no such secret: Django masks it anew in every
response. Static files are compressed ahead of time by WhiteNoise (a .br and a .gz
beside each file) and never reach this middleware.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponseBase, HttpResponseForbidden
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_cache_key, learn_cache_key, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from werkwijzer.core.versions import CONTENT, DIRECTORY, content_version

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
# Pages under those prefixes that are the same for everyone: a tool's empty questionnaire
# (only without a query string; its form posts without a token) and the dashboard of
# aggregated, published figures (its filters in the query string name no one).
TOOL_START_PAGES = ("/wegwijzer/", "/tijdlijn/")
PUBLIC_UNDER_PERSONAL_PREFIXES = ("/uitkomsten/dashboard/",)
# Health answers must be fresh for whoever asks.
NEVER_STORED = ("/api/v1/health", "/api/v1/live")


def comes_from_another_site(request: HttpRequest) -> bool:
    """What the browser says about where a form was sent from: `Sec-Fetch-Site`, or
    else an `Origin` that is not this host. Browsers send one of them with every POST."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site:
        return fetch_site == "cross-site"
    origin = request.META.get("HTTP_ORIGIN")
    return bool(origin) and urlsplit(origin).netloc != request.get_host()


def form_on_public_pages(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """A form that stands on pages kept for every visitor (persona, language, feedback,
    the empty wegwijzer and tijdlijn questionnaires) posts without a CSRF token: a token
    is made per visitor and would keep the page out of the cache. Such forms change only
    the visitor's own display choice, add an anonymous answer, or send answers back to
    the one who posted them. The browser's word on where the post came from replaces the token:
    another site cannot post them for a visitor (for example to give them a new session,
    which logs them out)."""

    @csrf_exempt
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if request.method == "POST" and comes_from_another_site(request):
            return HttpResponseForbidden(
                _("This form can only be sent from Werkwijzer itself."), content_type="text/plain"
            )
        return view(request, *args, **kwargs)

    return checked


def carries_identity(request: HttpRequest) -> bool:
    """A session cookie or credentials: the answer may show what belongs to them."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def is_personal(request: HttpRequest) -> bool:
    """Whether the answer to this request is about one person (see the module text)."""
    return (
        request.method not in ("GET", "HEAD")
        or carries_identity(request)
        or is_personal_tool(request)
    )


def is_personal_tool(request: HttpRequest) -> bool:
    """A page of the tools that take someone's situation or answers."""
    path = request.path
    if path in PUBLIC_UNDER_PERSONAL_PREFIXES or (path in TOOL_START_PAGES and not request.GET):
        return False
    return path.startswith(PERSONAL_PREFIXES)


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


def page_cache_seconds() -> int:
    return settings.WERKWIJZER_PAGE_CACHE_SECONDS


def page_key_prefix() -> str:
    """The versions of everything a public page shows: a change gives new keys."""
    return f"page:{content_version(CONTENT)}:{content_version(DIRECTORY)}"


def may_come_from_the_page_cache(request: HttpRequest) -> bool:
    return (
        page_cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not is_personal(request)
        and request.path not in NEVER_STORED
        and not request.path.startswith(("/api/", "/cms/", "/beheer/"))
    )


def may_go_into_the_page_cache(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        getattr(request, "_page_cache_prefix", None) is not None
        and not getattr(request, "_page_cache_hit", False)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form with a token
        and response.get("Cache-Control", "").startswith("public")
    )


class CachingAndCompressionMiddleware(GZipMiddleware):
    """Answers anonymous visitors from the page cache; sets Cache-Control and Vary,
    keeps public pages, then gzips what may be compressed."""

    def process_request(self, request: HttpRequest) -> HttpResponseBase | None:
        if not may_come_from_the_page_cache(request):
            return None
        request._page_cache_prefix = prefix = page_key_prefix()  # type: ignore[attr-defined]
        cache = caches["default"]
        key = get_cache_key(request, prefix, "GET", cache=cache)
        response = cache.get(key) if key else None
        if response is not None:
            request._page_cache_hit = True  # type: ignore[attr-defined]
        return response

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not response.has_header("Cache-Control"):
            value = cache_control(request, response)
            if value:
                response["Cache-Control"] = value
            if value and value.startswith("public"):
                # The language comes from the header or the language cookie; the kept
                # page is compressed or not, as the visitor's browser asked.
                patch_vary_headers(response, ("Accept-Language", "Cookie", "Accept-Encoding"))
        if carries_identity(request):
            return response
        response = super().process_response(request, response)  # gzip, unless done
        if may_go_into_the_page_cache(request, response):
            self._keep(request, response)
        return response

    def _keep(self, request: HttpRequest, response: HttpResponseBase) -> None:
        """Store the page as this visitor gets it, compressed when they accept gzip: a
        kept page then costs no template and no compression (a 270 KB business-case page
        took longer to gzip than to fetch). Public pages hold no secret for BREACH."""
        cache, seconds = caches["default"], page_cache_seconds()
        prefix = request._page_cache_prefix  # type: ignore[attr-defined]
        key = learn_cache_key(request, response, seconds, prefix, cache=cache)
        cache.set(key, response, seconds)
