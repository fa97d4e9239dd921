"""The daily jobs that belong to no single app: audit check, purges, queue tidying.

Each is a task without arguments, listed in core.schedule. They call the owning app
through its public function or command, so the app may change how it works inside.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from werkwijzer.core.mail import send_mail_later
from werkwijzer.core.models import Job

logger = logging.getLogger("werkwijzer.worker")


def _days(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


@task()
def verify_audit_log() -> bool:
    """`werkwijzer audit verify`; a break is logged at ERROR and mailed to the privacy officer."""
    output = io.StringIO()
    try:
        call_command("audit", "verify", stdout=output, stderr=output)
    except CommandError as error:
        logger.error("AUDIT LOG CHECK FAILED: %s", error)
        _alert_privacy_officer(str(error))
        return False
    logger.info("Audit log check: %s", output.getvalue().strip())
    return True


def _alert_privacy_officer(problem: str) -> None:
    addresses = list(getattr(settings, "WERKWIJZER_PRIVACY_OFFICER_EMAIL", []))
    if not addresses:
        logger.error("No WERKWIJZER_PRIVACY_OFFICER_EMAIL set: nobody was e-mailed.")
        return
    with override(settings.LANGUAGE_CODE):
        subject = _("Werkwijzer: the audit log check found a break")
        body = _(
            "Hello,\n\nThe daily check of the audit log of Werkwijzer found a break:\n\n"
            "%(problem)s\n\nThis can mean that someone changed or deleted access records. "
            "Check the log with `werkwijzer audit verify` and follow the incident procedure."
            "\n\nWerkwijzer"
        ) % {"problem": problem}
    send_mail_later(subject, body, addresses, kind="core.audit_alert")


@task()
def clear_sessions() -> None:
    """Django's `clearsessions`: expired sessions out of the database."""
    call_command("clearsessions")
    logger.info("Expired sessions cleared")


@task()
def prune_finished_work() -> int:
    """Delete finished queue rows and background jobs after WERKWIJZER_JOB_DAYS (default 7)."""
    from django_tasks_db.models import DBTaskResult

    before = timezone.now() - dt.timedelta(days=_days("WERKWIJZER_JOB_DAYS", 7))
    tasks, _details = DBTaskResult.objects.finished().filter(finished_at__lt=before).delete()
    # Unfinished jobs that old were lost with a worker that stopped mid-run.
    jobs, _details = Job.objects.filter(created_at__lt=before).delete()
    logger.info("Pruned %d finished tasks and %d background jobs", tasks, jobs)
    return tasks + jobs
