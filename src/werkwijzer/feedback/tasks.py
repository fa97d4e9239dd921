"""The feedback app's scheduled upkeep (listed in core.schedule)."""

from __future__ import annotations

import logging

from django_tasks import task

from werkwijzer.feedback.services import purge_old_messages

logger = logging.getLogger("werkwijzer.worker")


@task()
def purge_contact_messages() -> int:
    """Daily: delete contact messages older than models.CONTACT_KEEP_DAYS."""
    removed = purge_old_messages()
    logger.info("Purged %d old contact messages", removed)
    return removed
