"""Test helper: run the real `werkwijzer worker --once` inside a test's transaction."""

from __future__ import annotations

from unittest import mock

from django.core.management import call_command


def run_worker_once(*arguments: str) -> None:
    """`werkwijzer worker --once` as a deployment runs it, in this process.

    The worker closes "old" database connections between tasks; inside a test's
    transaction that closes the PostgreSQL connection (SQLite's in-memory one survives),
    so it is skipped here, as Django's test client skips it for requests.
    """
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        call_command("worker", "--once", *arguments)
