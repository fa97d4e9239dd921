"""Security headers that Django does not set on its own, on every response.

One Content-Security-Policy for the site and one per admin: the Django admin
(/beheer/) works under the site's strict policy; the Wagtail admin (/cms/) still writes
some inline scripts (inline panels, date pickers) and frames its own preview, so it
alone gets 'unsafe-inline' for scripts and may frame itself. Both admins sit behind a
login with a second factor, and neither policy lets anything load from elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

CMS_PREFIX = "/cms/"
DJANGO_ADMIN_PREFIX = "/beheer/"

# Everything comes from our own origin; map tiles may come from the configured tile server.
_SITE_POLICY = (
    "default-src 'self'; img-src 'self' data: {tiles}; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)
_DJANGO_ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)
# blob: for image previews before an upload; frame-ancestors 'self' for the preview panel.
_CMS_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; "
    "frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'"
)
PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=()"


def _site_policy() -> str:
    tile_url = getattr(settings, "WERKWIJZER_TILE_URL", "")
    tiles = tile_url.split("/{", 1)[0] if tile_url else ""
    return _SITE_POLICY.format(tiles=tiles).replace("  ", " ")


def content_security_policy(path: str) -> str:
    if path.startswith(CMS_PREFIX):
        return _CMS_POLICY
    if path.startswith(DJANGO_ADMIN_PREFIX):
        return _DJANGO_ADMIN_POLICY
    return _site_policy()


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.site_policy = _site_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith((CMS_PREFIX, DJANGO_ADMIN_PREFIX)):
            # Set, not defaulted: Wagtail's preview renders a site page through the whole
            # middleware stack, which gives it the site's policy (frame-ancestors 'none')
            # before the admin's preview panel can frame it.
            response.headers["Content-Security-Policy"] = content_security_policy(request.path)
        else:
            response.headers.setdefault("Content-Security-Policy", self.site_policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
