"""The outcomes app's periodic job: the daily questionnaire reminders (core.schedule)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from werkwijzer.outcomes.reminders import send_reminders

logger = logging.getLogger("werkwijzer.worker")


@task()
def send_due_reminders() -> int:
    """What `werkwijzer outcomes remind` does, for today, with the site's own address."""
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
    queued = send_reminders(timezone.localdate(), base_url)
    logger.info("Outcome reminders: %d e-mails queued", queued)
    return queued
