"""Login rate limit and lockout, stored in the database (works across processes).

An account name is locked for LOCKOUT_SECONDS after MAX_FAILURES failed tries (password
or second factor) within WINDOW_SECONDS; an IP address after MAX_FAILURES_PER_IP. A
successful login clears the count for that account name. The same rules apply to names
that have no account, so the lockout does not tell whether an account exists.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from werkwijzer.accounts.models import LoginAttempt

logger = logging.getLogger("werkwijzer.accounts.login")


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def max_failures() -> int:
    return _setting("ACCOUNTS_LOGIN_MAX_FAILURES", 5)


def max_failures_per_ip() -> int:
    return _setting("ACCOUNTS_LOGIN_MAX_FAILURES_PER_IP", 20)


def window() -> dt.timedelta:
    return dt.timedelta(seconds=_setting("ACCOUNTS_LOGIN_WINDOW_SECONDS", 15 * 60))


def lockout() -> dt.timedelta:
    return dt.timedelta(seconds=_setting("ACCOUNTS_LOCKOUT_SECONDS", 15 * 60))


def normalise(username: str) -> str:
    return (username or "").strip().lower()[:254]


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR only: a proxy must set it (X-Forwarded-For is easy to forge).
    return request.META.get("REMOTE_ADDR") or None


def _locked_until(failure_times: list[dt.datetime], limit: int) -> dt.datetime | None:
    """The end of the lockout if `limit` failures fell within one window, else None.

    `failure_times` are newest first. The lock starts at the failure that reached the
    limit and lasts LOCKOUT_SECONDS.
    """
    now = timezone.now()
    span = window()
    for index in range(len(failure_times) - limit + 1):
        newest = failure_times[index]
        oldest = failure_times[index + limit - 1]
        if newest - oldest <= span and newest + lockout() > now:
            return newest + lockout()
    return None


def locked_until(username: str, ip_address: str | None) -> dt.datetime | None:
    """When the lock on this account name or IP address ends; None if not locked."""
    since = timezone.now() - window() - lockout()
    name = normalise(username)
    ends = []
    if name:
        last_success = (
            LoginAttempt.objects.filter(username=name, succeeded=True, created_at__gte=since)
            .order_by("-created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        failures = LoginAttempt.objects.filter(
            username=name, succeeded=False, created_at__gte=last_success or since
        )
        times = list(failures.order_by("-created_at").values_list("created_at", flat=True))
        ends.append(_locked_until(times, max_failures()))
    if ip_address:
        failures = LoginAttempt.objects.filter(
            ip_address=ip_address, succeeded=False, created_at__gte=since
        )
        times = list(failures.order_by("-created_at").values_list("created_at", flat=True))
        ends.append(_locked_until(times, max_failures_per_ip()))
    found = [end for end in ends if end is not None]
    return max(found) if found else None


def record_attempt(
    request: HttpRequest, username: str, *, stage: str, succeeded: bool
) -> dt.datetime | None:
    """Store a try; returns the end of the lock this try caused or kept, if any."""
    name = normalise(username)
    ip_address = client_ip(request)
    LoginAttempt.objects.create(
        username=name, ip_address=ip_address, stage=stage, succeeded=succeeded
    )
    if succeeded:
        return None
    until = locked_until(name, ip_address)
    # No personal data in the log: no name, no address.
    logger.warning("Login failed (stage %s)%s", stage, "; now locked" if until else "")
    return until


def purge_old_attempts(days: int = 30) -> int:
    """Delete tries older than `days` days; returns how many were deleted."""
    deleted, _ = LoginAttempt.objects.filter(
        created_at__lt=timezone.now() - dt.timedelta(days=days)
    ).delete()
    return deleted
