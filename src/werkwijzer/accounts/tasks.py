"""The accounts app's scheduled upkeep (listed in core.schedule)."""

from __future__ import annotations

import logging

from django.conf import settings
from django_tasks import task

from werkwijzer.accounts.services import purge_old_login_attempts

logger = logging.getLogger("werkwijzer.worker")


@task()
def purge_login_attempts() -> int:
    """Forget login attempts older than WERKWIJZER_LOGIN_ATTEMPT_DAYS (default 30)."""
    removed = purge_old_login_attempts(int(getattr(settings, "WERKWIJZER_LOGIN_ATTEMPT_DAYS", 30)))
    logger.info("Purged %d old login attempts", removed)
    return removed
