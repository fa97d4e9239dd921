"""Session rules for logged-in users: the second factor and the idle timeout."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from werkwijzer.accounts import twofactor
from werkwijzer.accounts.session import (
    LAST_ACTIVITY_KEY,
    back_here,
    second_factor_done,
    with_next,
)

# Paths open to a logged-in user who has not passed the second factor yet.
_OPEN_URL_NAMES = (
    "accounts:logout",
    "accounts:totp_setup",
    "accounts:totp_verify",
    "accounts:recovery",
    "set_language",
    "javascript-catalog",
)
_ADMIN_PREFIXES = ("/cms/", "/beheer/")


def _open_paths() -> tuple[str, ...]:
    paths = tuple(reverse(name) for name in _OPEN_URL_NAMES)
    return (*paths, settings.STATIC_URL, "/favicon.ico")


class SecondFactorMiddleware:
    """Professionals, editors, expert reviewers, privacy officers, admins and every staff
    account must set up and pass the second factor before any other page; so must anyone
    who opens the Wagtail or Django admin, and anyone who chose to set one up."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._open: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or second_factor_done(request):
            return self.get_response(request)
        if self._open is None:
            self._open = _open_paths()
        if request.path.startswith(self._open):
            return self.get_response(request)
        device = twofactor.confirmed_device(user)
        needed = (
            twofactor.required_for(user)
            or device is not None
            or request.path.startswith(_ADMIN_PREFIXES)
        )
        if not needed:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            message = _("Log in with your second factor first.")
            return JsonResponse({"errors": [{"field": "", "message": message}]}, status=401)
        target = "accounts:totp_verify" if device else "accounts:totp_setup"
        return redirect(with_next(reverse(target), back_here(request)))


def idle_timeout(user) -> int:
    """Seconds without a request after which this user is logged out."""
    if twofactor.required_for(user):
        return int(getattr(settings, "ACCOUNTS_IDLE_TIMEOUT_STRICT", 30 * 60))
    return int(getattr(settings, "ACCOUNTS_IDLE_TIMEOUT", 60 * 60))


class IdleTimeoutMiddleware:
    """Log a user out after a while without requests (the session also has a maximum age,
    SESSION_COOKIE_AGE). The last activity is written at most once a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if isinstance(last, int) and now - last > idle_timeout(user):
                logout(request)
                messages.info(
                    request,
                    _(
                        "You were logged out because you did nothing for a while. Please log in again."
                    ),
                )
                return redirect(with_next(reverse("accounts:login"), back_here(request)))
            if not isinstance(last, int) or now - last >= 60:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)
