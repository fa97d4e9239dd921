"""core.mail: queued e-mail with retries, an ERROR after the last try, no address kept."""

from __future__ import annotations

import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from werkwijzer.core.mail import mask, send_mail_later
from werkwijzer.core.testing import run_worker_once

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FAILING_SMTP = "werkwijzer.core.tests.test_mail.FailingBackend"
SENT: list[int] = []


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every message, as a down SMTP server does."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def record_sent(number: int) -> None:
    SENT.append(number)


def test_mask_keeps_the_domain_only():
    assert mask("jan.jansen@example.org") == "j***@example.org"
    assert mask("nonsense") == "***"


def test_immediate_backend_sends_at_once_and_calls_back(db):
    SENT.clear()
    send_mail_later(
        "Subject",
        "Body",
        ["a@example.org", "b@example.org"],
        kind="test",
        on_sent="werkwijzer.core.tests.test_mail.record_sent",
        on_sent_args=[7],
    )
    assert [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert SENT == [7, 7]


def test_a_typo_in_the_callback_fails_in_the_request(db):
    with pytest.raises(ImportError):
        send_mail_later("S", "B", "a@example.org", kind="test", on_sent="werkwijzer.nope.f")


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=FAILING_SMTP)
def test_failing_smtp_retries_then_logs_error_and_keeps_no_address(db, caplog):
    caplog.set_level(logging.INFO, logger="werkwijzer.mail")
    send_mail_later("Subject", "Secret body", "asker@example.org", kind="test.fail")
    row = DBTaskResult.objects.get()
    assert "asker@example.org" in str(row.args_kwargs)  # only until the worker sends it

    run_worker_once("--no-schedule")

    rows = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert len(rows) == 3  # the first try and WERKWIJZER_MAIL_RETRY_DELAYS = [0, 0]
    assert [row.status for row in rows] == ["SUCCESSFUL", "SUCCESSFUL", "FAILED"]
    for row in rows:
        assert "asker@example.org" not in str(row.args_kwargs) + row.traceback
        assert "Secret body" not in str(row.args_kwargs)
    errors = [r for r in caplog.records if r.name == "werkwijzer.mail" and r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "test.fail" in errors[0].getMessage()
    assert "a***@example.org" in errors[0].getMessage()
    assert "NOT SENT after 3 tries" in errors[0].getMessage()
    assert mail.outbox == []


@override_settings(TASKS=DATABASE_TASKS)
def test_worker_sends_and_blanks_the_row(db):
    send_mail_later("Subject", "Body", "asker@example.org", kind="test.ok")
    assert mail.outbox == []
    run_worker_once("--no-schedule")
    assert [message.to for message in mail.outbox] == [["asker@example.org"]]
    row = DBTaskResult.objects.get()
    assert row.status == "SUCCESSFUL"
    assert row.return_value == "sent"
    assert row.args_kwargs == {"args": [], "kwargs": {"kind": "test.ok", "attempt": 1}}


@override_settings(TASKS=DATABASE_TASKS)
def test_a_mail_goes_before_the_updates_queued_earlier(db):
    """A publish queues index updates by the hundred; the person waiting for a password
    reset should not wait behind them (the production mail test waited over a minute)."""
    from werkwijzer.core.housekeeping import clear_sessions

    clear_sessions.enqueue()  # any task of default priority, queued first
    send_mail_later("Subject", "Body", "wacht@example.org", kind="test.priority")
    first = DBTaskResult.objects.ready().first()
    assert first.task_path == "werkwijzer.core.mail.deliver_mail"
