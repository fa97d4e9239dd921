"""Upkeep of the accounts app that scheduled jobs call."""

from __future__ import annotations

import datetime as dt

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.db.models import Q
from django.utils import timezone


def purge_old_login_attempts(days: int = 30) -> int:
    """Delete what django-axes keeps of logins: expired pauses and failure counts, and the
    log of logins older than `days` days. Returns how many rows were deleted.

    Login throttling (accounts/throttling.py) cleans expired counts itself only when
    someone logs in; this keeps addresses and names from staying longer than needed.
    """
    now = timezone.now()
    expired = Q(expiration__expires_at__lte=now) | Q(
        expiration__isnull=True, attempt_time__lt=now - dt.timedelta(days=1)
    )
    deleted, _ = AccessAttempt.objects.filter(expired).delete()
    deleted += AxesProxyHandler.reset_logs(age_days=days)
    deleted += AxesProxyHandler.reset_failure_logs(age_days=days)
    return deleted
