"""`werkwijzer worker` and its scheduler: periodic jobs run once per turn, never twice."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.core import mail
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from werkwijzer.core import housekeeping, schedule
from werkwijzer.core.models import Job, ScheduledRun
from werkwijzer.core.testing import run_worker_once

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NAMES = sorted(job.name for job in schedule.SCHEDULE)


@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_runs_every_periodic_job_once_per_turn(caplog):
    caplog.set_level(logging.INFO)
    run_worker_once()

    assert any(
        "Werkwijzer worker" in r.getMessage() and "started" in r.getMessage()
        for r in caplog.records
    )
    rows = DBTaskResult.objects.all()
    assert sorted(row.task_path.rsplit(".", 1)[1] for row in rows) == sorted(
        job.task.rsplit(".", 1)[1] for job in schedule.SCHEDULE
    )
    assert {row.status for row in rows} == {"SUCCESSFUL"}
    assert (
        sorted(ScheduledRun.objects.exclude(last_run_at=None).values_list("name", flat=True))
        == NAMES
    )

    run_worker_once()  # a second worker, or the same one a moment later
    assert DBTaskResult.objects.count() == len(NAMES)


@override_settings(TASKS=DATABASE_TASKS)
def test_the_next_turn_comes_after_the_interval():
    now = timezone.now()
    assert sorted(schedule.enqueue_due(now)) == NAMES
    assert schedule.enqueue_due(now + dt.timedelta(hours=23)) == []
    assert sorted(schedule.enqueue_due(now + dt.timedelta(days=1))) == NAMES
    assert DBTaskResult.objects.count() == 2 * len(NAMES)


def test_two_workers_that_both_saw_a_job_due_start_it_once():
    job = schedule.Periodic("test", "werkwijzer.core.housekeeping.clear_sessions", schedule.DAY)
    now = timezone.now()
    ScheduledRun.objects.create(name="test", next_run_at=now)
    # Both read the row as due; the conditional UPDATE lets only the first one through.
    assert schedule.claim(job, now) is True
    assert schedule.claim(job, now) is False


def test_immediate_backend_worker_only_schedules(caplog):
    caplog.set_level(logging.INFO, logger="werkwijzer.worker")
    run_worker_once()
    assert any("only scheduling" in r.getMessage() for r in caplog.records)
    assert ScheduledRun.objects.exclude(last_run_at=None).count() == len(NAMES)


def test_intact_audit_log_passes():
    assert housekeeping.verify_audit_log.call() is True


def _broken_audit_log(*args, **kwargs):
    # What `werkwijzer audit verify` raises on a break (exit code 2).
    raise CommandError("audit log broken at event 3: content does not match hash", returncode=2)


@override_settings(WERKWIJZER_PRIVACY_OFFICER_EMAIL=["privacy@werkwijzer.example"])
def test_a_broken_audit_log_is_an_error_and_an_e_mail(monkeypatch, caplog):
    monkeypatch.setattr(housekeeping, "call_command", _broken_audit_log)
    assert housekeeping.verify_audit_log.call() is False
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("AUDIT LOG CHECK FAILED" in line and "event 3" in line for line in errors)
    assert [message.to for message in mail.outbox] == [["privacy@werkwijzer.example"]]
    assert "event 3" in mail.outbox[0].body


def test_a_broken_audit_log_without_an_officer_address_still_logs(monkeypatch, caplog):
    monkeypatch.setattr(housekeeping, "call_command", _broken_audit_log)
    assert housekeeping.verify_audit_log.call() is False
    assert any("WERKWIJZER_PRIVACY_OFFICER_EMAIL" in r.getMessage() for r in caplog.records)
    assert mail.outbox == []


def test_expired_sessions_are_cleared():
    from django.contrib.sessions.models import Session

    Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - dt.timedelta(1)
    )
    housekeeping.clear_sessions.call()
    assert not Session.objects.exists()


@override_settings(TASKS=DATABASE_TASKS)
def test_old_queue_rows_and_jobs_are_pruned():
    old = timezone.now() - dt.timedelta(days=8)
    Job.objects.create(kind="test")
    Job.objects.filter(pk=Job.objects.create(kind="test").pk).update(created_at=old)
    housekeeping.clear_sessions.enqueue()
    run_worker_once("--no-schedule")
    DBTaskResult.objects.update(finished_at=old)
    assert housekeeping.prune_finished_work.call() == 2
    assert Job.objects.count() == 1 and not DBTaskResult.objects.exists()


def test_old_login_attempts_are_purged():
    # The accounts app's own task: how logins are throttled is its business (django-axes).
    from werkwijzer.accounts.tasks import purge_login_attempts

    assert purge_login_attempts.call() >= 0
