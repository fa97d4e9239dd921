"""Domain errors: what services raise when they refuse, and the one mapping to HTTP.

Services know nothing of HTTP: they raise `NotFound` (no such thing, or not for you:
the caller gets no hint which) or a `Refusal` with a message for the user (`Invalid`,
`AccessDenied`, `Conflict`). The page layer (`core.access.guard`) and the API layer
(`werkwijzer.api.errors`) turn them into responses with the statuses of `HTTP_STATUS`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import get_resolver, get_urlconf
from django.utils.translation import gettext as _


class DomainError(Exception):
    """Base of the errors services raise. `message` is translated already; `field` names
    the form or API field it is about ("" for the whole request)."""

    def __init__(self, message: str = "", field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """It does not exist, or the user may not know that it does (both look the same)."""


class Refusal(DomainError):
    """A refusal the user should read: the message says what to do instead."""


class Invalid(Refusal):
    """The input cannot be used (a missing or wrong field)."""


class AccessDenied(Refusal):
    """The user may not do this (their role, or who carries the case)."""


class Conflict(Refusal):
    """Not possible in the current state (someone else was first, or it is closed)."""


# Most specific first: `http_status` takes the first class the error is an instance of.
HTTP_STATUS: dict[type[DomainError], int] = {
    NotFound: 404,
    Invalid: 422,
    AccessDenied: 403,
    Conflict: 409,
    Refusal: 422,
    DomainError: 422,
}


def http_status(error: DomainError) -> int:
    """The status for this error: the first entry of `HTTP_STATUS` it is an instance of."""
    for cls, status in HTTP_STATUS.items():
        if isinstance(error, cls):
            return status
    return 422


def user_message(error: DomainError) -> str:
    """The error's own message, or a plain one for its kind."""
    if error.message:
        return error.message
    if isinstance(error, NotFound):
        return _("Not found.")
    if isinstance(error, AccessDenied):
        return _("This is not available for your account.")
    return _("This value is not valid.")


def api_errors(error: DomainError) -> list[dict[str, str]]:
    """The error as the API's `errors` list (werkwijzer.api.errors)."""
    return [{"field": error.field, "message": user_message(error)}]


def view_response(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The page for a domain error a view left unhandled: the site's own 404 and 403
    handlers (handler404/handler403 in urls.py), else its error page with the status."""
    status = http_status(error)
    if status in (403, 404):
        exception = Http404() if status == 404 else PermissionDenied(error.message)
        handler = get_resolver(get_urlconf()).resolve_error_handler(status)
        # Django calls these handlers with the exception too; its stubs leave it out.
        return handler(request, exception)  # type: ignore[call-arg]
    return render(request, "core/error.html", {"status": status}, status=status)
