"""Security headers that Django does not set on its own."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Everything comes from our own origin; map tiles may come from the configured tile server.
_BASE_POLICY = (
    "default-src 'self'; img-src 'self' data: {tiles}; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def _content_security_policy() -> str:
    tile_url = getattr(settings, "WERKWIJZER_TILE_URL", "")
    tiles = tile_url.split("/{", 1)[0] if tile_url else ""
    return _BASE_POLICY.format(tiles=tiles).replace("  ", " ")


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = _content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Wagtail's admin needs inline scripts; its own pages set their policy.
        if not request.path.startswith(("/cms/", "/beheer/")):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault(
            "Permissions-Policy", "geolocation=(), camera=(), microphone=()"
        )
        return response
