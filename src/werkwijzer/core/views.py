import logging

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from werkwijzer.core.navigation import main_navigation, professional_navigation

logger = logging.getLogger("werkwijzer.errors")


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and crawlers ask for /favicon.ico whatever the page names: send them to
    the icon, so their request is not a 404 in the console or the logs."""
    return HttpResponsePermanentRedirect(static("werkwijzer/icon.svg"))


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/error.html", {"status": 400}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/error.html", {"status": 403}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/error.html", {"status": 404}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The site's own error page without the database or the session: they may be what
    failed. If even the template cannot render (a missing static file, say), a plain
    page in the visitor's language still says what happened."""
    context = {
        "status": 500,
        "without_request": True,
        "main_navigation": main_navigation(request),
        "professional_navigation": professional_navigation(request),
    }
    try:
        return HttpResponseServerError(loader.render_to_string("core/error.html", context))
    except Exception:  # the error page must answer whatever broke
        logger.exception("The error page could not render; a plain page was sent")
        return HttpResponseServerError(_plain_error_page())


def _plain_error_page() -> str:
    title = _("Something went wrong")
    text = _(
        "An error on our side stopped this page. Nothing you saved is lost. Please try again later."
    )
    return (
        f'<!DOCTYPE html><html lang="{get_language()}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1><p>{text}</p>"
        '<p><a href="/">Werkwijzer</a></p></body></html>'
    )
