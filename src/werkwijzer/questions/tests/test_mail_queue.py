"""The asker's e-mail goes through the task queue: the answer view queues it, the real
`werkwijzer worker` sends it, a mail server that is down never costs the saved answer,
and the address is gone from the database once the send is over."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from werkwijzer.core.testing import run_worker_once
from werkwijzer.questions.models import Question
from werkwijzer.questions.tests.conftest import login

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FAILING_SMTP = "werkwijzer.core.tests.test_mail.FailingBackend"
ADDRESS = "vrager@voorbeeld.nl"
ANSWER = "Nee, dat hoeft niet. Je werkgever mag vragen wat je wel en niet kunt."


def _ask_and_answer(client, baco):
    client.post(
        "/vraag-de-specialist/",
        {
            "text": "Moet ik mijn diagnose aan mijn werkgever vertellen?",
            "topic": "wat-mag-werkgever-vragen",
            "email": ADDRESS,
            "website": "",
        },
    )
    question = Question.objects.get()
    assert question.email == ADDRESS
    login(client, baco)
    url = reverse("questions:question", args=[question.pk])
    client.post(url, {"action": "claim"})
    response = client.post(url, {"action": "answer", "answer": ANSWER})
    question.refresh_from_db()
    return response, question


def _address_anywhere() -> bool:
    rows = DBTaskResult.objects.all()
    return Question.objects.filter(email=ADDRESS).exists() or any(
        ADDRESS in str(row.args_kwargs) + row.traceback for row in rows
    )


@override_settings(TASKS=DATABASE_TASKS)
def test_answer_view_queues_the_mail_and_the_worker_sends_it(client, baco):
    response, question = _ask_and_answer(client, baco)
    assert response.status_code == 302
    assert question.status == "answered" and question.email == ""
    assert question.notified_at is None and mail.outbox == []
    assert DBTaskResult.objects.get().status == "READY"

    run_worker_once("--no-schedule")

    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    assert question.token in mail.outbox[0].body
    question.refresh_from_db()
    assert question.notified_at is not None
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert not _address_anywhere()


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=FAILING_SMTP)
def test_failing_smtp_keeps_the_answer_logs_error_and_forgets_the_address(client, baco, caplog):
    caplog.set_level(logging.INFO, logger="werkwijzer.mail")
    response, question = _ask_and_answer(client, baco)
    assert response.status_code == 302

    run_worker_once("--no-schedule")

    question.refresh_from_db()
    assert question.status == "answered" and question.answer == ANSWER
    assert question.notified_at is None
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any("questions.answer" in line and "NOT SENT after 3 tries" in line for line in errors)
    assert [row.status for row in DBTaskResult.objects.order_by("enqueued_at")] == [
        "SUCCESSFUL",
        "SUCCESSFUL",
        "FAILED",
    ]
    assert not _address_anywhere()


@override_settings(EMAIL_BACKEND=FAILING_SMTP)
def test_failing_smtp_without_a_worker_is_no_error_page(client, baco, caplog):
    # The immediate backend sends inside the request: still no 500, still an ERROR line.
    response, question = _ask_and_answer(client, baco)
    assert response.status_code == 302
    assert question.status == "answered" and question.email == ""
    assert any("NOT SENT" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")
