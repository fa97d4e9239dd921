"""`make run` shows the site's own 404 and 500 pages too (issue 15).

With DEBUG on, Django answers an unknown address or a crash with its technical pages,
so a developer or a tester never sees what a visitor sees. The development settings add
this middleware: it answers with the site's pages (core.views) and still writes the
traceback of a crash to the console. `WERKWIJZER_DJANGO_DEBUG_PAGES=1` turns it off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from werkwijzer.core.views import page_not_found, server_error

logger = logging.getLogger("werkwijzer.errors")

# Django already answers these with the site's own pages (handler400/403), DEBUG or not.
_HANDLED_BY_DJANGO = (PermissionDenied, SuspiciousOperation, BadRequest)


class SiteErrorPagesMiddleware:
    """Last in MIDDLEWARE, so CommonMiddleware can still add a missing slash to a 404."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            resolve(request.path_info)
        except Resolver404:
            return page_not_found(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, _HANDLED_BY_DJANGO):
            return None
        logger.error("Unhandled error on %s", request.path, exc_info=exception)
        return server_error(request)
