"""Login throttling with django-axes: per account *and* client address, never per account.

Wrong passwords for an account from one address pause logging in to that account from
that address only; the right password from any other address still works, so nobody can
lock someone else out (docs/decisions/0008-login-protection.md). The settings that wire
this up are the AXES_* ones in settings/base.py; the callables they name live here.

Growing delays: after AXES_FAILURE_LIMIT failures within the cool-off the pair is paused
for the cool-off; every further try while paused doubles it, up to MAX_COOL_OFF. The
second factor counts into the same pair, and only a complete login (password and, where
needed, the second factor) or a new password clears it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import math

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger("werkwijzer.accounts.login")

# The name the views pass to axes; admin login forms post it as "username".
LOGIN_NAME_ATTRIBUTE = "werkwijzer_login_name"
# Set on a response that already is the lockout page, so axes' middleware keeps it.
LOCKOUT_PAGE_MARK = "werkwijzer_lockout_page"


def base_cool_off() -> dt.timedelta:
    return dt.timedelta(seconds=int(getattr(settings, "ACCOUNTS_LOGIN_COOL_OFF_SECONDS", 15 * 60)))


def max_cool_off() -> dt.timedelta:
    return dt.timedelta(
        seconds=int(getattr(settings, "ACCOUNTS_LOGIN_MAX_COOL_OFF_SECONDS", 86400))
    )


def normalise(username: str | None) -> str:
    return (username or "").strip().lower()[:254]


def login_name(request: HttpRequest | None, credentials: dict | None = None) -> str:
    """AXES_USERNAME_CALLABLE: one spelling per account, whatever case was typed."""
    if credentials and credentials.get("username"):
        return normalise(credentials["username"])
    if request is None:
        return ""
    return normalise(getattr(request, LOGIN_NAME_ATTRIBUTE, None) or request.POST.get("username"))


def _pair_failures(request: HttpRequest | None) -> int:
    """Failures of this request's account and address pair that have not expired."""
    if request is None or not hasattr(request, "axes_ip_address"):
        return 0
    live = Q(expiration__isnull=True) | Q(expiration__expires_at__gt=timezone.now())
    total = (
        AccessAttempt.objects.filter(live, username=login_name(request))
        .filter(ip_address=request.axes_ip_address)
        .aggregate(total=Sum("failures_since_start"))["total"]
    )
    return total or 0


def cool_off(request: HttpRequest | None = None) -> dt.timedelta:
    """AXES_COOLOFF_TIME: how long failures are remembered and a pause lasts."""
    over = max(0, _pair_failures(request) - int(settings.AXES_FAILURE_LIMIT))
    # 2**over grows fast; past 16 doublings every cap anyone would set is reached.
    return min(base_cool_off() * 2 ** min(over, 16), max_cool_off())


def locked_message(request: HttpRequest | None) -> str:
    minutes = max(1, math.ceil(cool_off(request).total_seconds() / 60))
    return _(
        "Too many tries that did not work. For your safety, logging in to this account "
        "from your address is paused for %(minutes)s minutes. Every new try in that time "
        "makes the pause longer. Forgot your password? Ask for a new one: then you can "
        "log in straight away."
    ) % {"minutes": minutes}


def lockout_page(request: HttpRequest) -> HttpResponse:
    """The login page with the pause explained, as 429 Too Many Requests."""
    from werkwijzer.accounts.forms import LoginForm

    context = {"form": LoginForm(), "next": "", "locked_error": locked_message(request)}
    response = render(request, "accounts/login.html", context, status=429)
    setattr(response, LOCKOUT_PAGE_MARK, True)
    return response


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: for every login form (ours, /beheer/ and /cms/)."""
    if original_response is not None and getattr(original_response, LOCKOUT_PAGE_MARK, False):
        return original_response
    return lockout_page(request)


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """AXES_CLIENT_STR_CALLABLE: what axes writes in the log. No name, no address: a
    keyed hash tells repeated tries of one pair apart without saying whose they are."""
    pair = f"{normalise(username)}|{ip_address or ''}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), pair, hashlib.sha256).hexdigest()[:12]
    return f"{{pair: {digest}, path: {path_info}}}"


def is_paused(request: HttpRequest, username: str) -> bool:
    """Whether this account and address pair is paused now (for the second factor)."""
    setattr(request, LOGIN_NAME_ATTRIBUTE, username)
    return not AxesProxyHandler.is_allowed(request, {"username": username})


def second_factor_failed(request: HttpRequest, username: str) -> bool:
    """Count a wrong second-factor code into the pair; True when that paused it."""
    setattr(request, LOGIN_NAME_ATTRIBUTE, username)
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    logger.warning("Login failed (stage second factor)")
    return bool(getattr(request, "axes_locked_out", False))


def login_completed(request: HttpRequest, username: str) -> None:
    """The whole login worked: forget this pair's failures."""
    AxesProxyHandler.update_request(request)
    # Not axes' reset(): without an address it would clear the account's every pair.
    AccessAttempt.objects.filter(
        username=normalise(username), ip_address=request.axes_ip_address
    ).delete()


def forget_account(username: str) -> None:
    """A new password was set: every pause of this account ends, from every address."""
    axes_reset(username=normalise(username))
