"""One shape for every API error: `{"errors": [{"field": ..., "message": ...}]}`.

Messages follow the request's language (Dutch by default). Nothing from a traceback
ever reaches a client: unexpected exceptions become a plain 500 message and are logged.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from werkwijzer.core import errors as domain
from werkwijzer.core.ratelimit import wait_message

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with one or more field messages, raised by app routers."""

    def __init__(self, errors: list[dict[str, str]], status: int = 422) -> None:
        super().__init__(errors)
        self.errors = errors
        self.status = status


class ErrorItem(Schema):
    field: str
    message: str


class ErrorsOut(Schema):
    """The documented shape of every error answer; routers name it in `response=`."""

    errors: list[ErrorItem]


def error_body(errors: list[dict[str, str]]) -> dict:
    return {"errors": errors}


def _field_name(location: tuple) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "body"


def _pydantic_message(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return _("This field is required.")
    if kind.startswith(("int_", "float_")):
        return _("Enter a number.")
    if kind.startswith("bool"):
        return _("Enter true or false.")
    if kind.startswith(("date", "datetime")):
        return _("Enter a date as YYYY-MM-DD.")
    if kind in ("literal_error", "enum"):
        return _("This value is not one of the allowed choices.")
    if kind.startswith("greater_than") or kind.startswith("less_than"):
        return _("This number is out of range.")
    return _("This value is not valid.")


def _install_domain_errors(api: NinjaAPI) -> None:
    """What services raise (core.errors), with the status of core's one mapping."""

    def on_domain_error(request: HttpRequest, exc: domain.DomainError) -> HttpResponse:
        body = error_body(domain.api_errors(exc))
        return api.create_response(request, body, status=domain.http_status(exc))

    api.add_exception_handler(domain.DomainError, on_domain_error)


def install_error_handlers(api: NinjaAPI) -> None:
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {"field": _field_name(tuple(error.get("loc", ()))), "message": _pydantic_message(error)}
            for error in exc.errors
        ]
        return api.create_response(request, error_body(errors), status=422)

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return api.create_response(request, error_body(exc.errors), status=exc.status)

    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit_kb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        message = _("The request is too large (at most %(limit)s kB).") % {"limit": limit_kb}
        # 400 like every other unreadable body; the message says what the limit is.
        errors = [{"field": "body", "message": message}]
        return api.create_response(request, error_body(errors), status=400)

    def on_unreadable(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        # A form body Django cannot parse (a multipart body without boundary, say); it can
        # surface anywhere the body is read, also in the session login's CSRF check.
        errors = [{"field": "body", "message": _("The request body cannot be read.")}]
        return api.create_response(request, error_body(errors), status=400)

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        message = _("Not found.")
        return api.create_response(
            request, error_body([{"field": "", "message": message}]), status=404
        )

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc, AuthenticationError):
            message = _("Log in first.")
        elif isinstance(exc, Throttled):
            # ninja adds the Retry-After header; the message says the same in words.
            message = wait_message(int(exc.wait or 60))
        elif exc.status_code == 400:
            message = _("The request could not be read. Send valid JSON.")
        else:
            message = str(exc)
        errors = [{"field": "body" if exc.status_code == 400 else "", "message": message}]
        return api.create_response(request, error_body(errors), status=exc.status_code)

    def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("Unexpected API error on %s", request.path)
        message = _("Something went wrong on our side. Please try again later.")
        return api.create_response(
            request, error_body([{"field": "", "message": message}]), status=500
        )

    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(ApiError, on_api_error)
    _install_domain_errors(api)
    api.add_exception_handler(RequestDataTooBig, on_too_big)
    api.add_exception_handler(MultiPartParserError, on_unreadable)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Exception, on_unexpected)
