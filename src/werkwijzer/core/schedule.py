"""The periodic jobs, and the scheduler loop of `werkwijzer worker` that queues them.

Each worker calls `enqueue_due()` between tasks. A job is started by one conditional
UPDATE of its ScheduledRun row (`next_run_at <= now` → moved on by the interval) in the
same transaction as the queue row, so with several workers exactly one wins each turn,
and a crash between the two leaves neither.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from werkwijzer.core.models import ScheduledRun

logger = logging.getLogger("werkwijzer.worker")

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Periodic:
    name: str
    task: str  # dotted path of a django-tasks Task that takes no arguments
    every: dt.timedelta


SCHEDULE: tuple[Periodic, ...] = (
    Periodic("outcomes-reminders", "werkwijzer.outcomes.tasks.send_due_reminders", DAY),
    Periodic("directory-verification", "werkwijzer.directory.tasks.remind_verification", DAY),
    Periodic(
        "directory-report-addresses", "werkwijzer.directory.tasks.forget_report_addresses", DAY
    ),
    Periodic("audit-verify", "werkwijzer.core.housekeeping.verify_audit_log", DAY),
    Periodic("login-attempts-purge", "werkwijzer.accounts.tasks.purge_login_attempts", DAY),
    Periodic("contact-messages-purge", "werkwijzer.feedback.tasks.purge_contact_messages", DAY),
    Periodic("sessions-clear", "werkwijzer.core.housekeeping.clear_sessions", DAY),
    Periodic("queue-prune", "werkwijzer.core.housekeeping.prune_finished_work", DAY),
)


def _ensure_rows(jobs: Iterable[Periodic], now: dt.datetime) -> None:
    known = set(ScheduledRun.objects.values_list("name", flat=True))
    for job in jobs:
        if job.name in known:
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(name=job.name, next_run_at=now)
        except IntegrityError:  # another worker created it at the same moment
            pass


def claim(job: Periodic, now: dt.datetime) -> bool:
    """Take this turn of `job`: True for exactly one caller, whatever it read before."""
    won = ScheduledRun.objects.filter(name=job.name, next_run_at__lte=now).update(
        last_run_at=now, next_run_at=now + job.every
    )
    return bool(won)


def enqueue_due(
    now: dt.datetime | None = None, schedule: Iterable[Periodic] = SCHEDULE
) -> list[str]:
    """Queue every job whose turn has come; returns the names this call queued.

    A read first, so a worker with nothing due writes nothing (SQLite locks on UPDATE).
    """
    now = now or timezone.now()
    jobs = list(schedule)
    _ensure_rows(jobs, now)
    due = set(ScheduledRun.objects.filter(next_run_at__lte=now).values_list("name", flat=True))
    queued = []
    for job in (job for job in jobs if job.name in due):
        # The claim and the queue row commit together: a crash between them leaves neither.
        with transaction.atomic():
            if claim(job, now):
                import_string(job.task).enqueue()
                queued.append(job.name)
    for name in queued:
        logger.info("Scheduled job %s queued", name)
    return queued
