"""Test helpers: the real `werkwijzer worker --once` inside a test's transaction, the
SQL queries a page costs, and the page cache switched on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client


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


def get_within_queries(
    client: Client,
    assert_max_num_queries: Callable[[int], Any],
    url: str,
    most: int,
    data: dict | None = None,
) -> HttpResponse:
    """GET a page twice and assert the second asks at most `most` SQL queries.

    The first request fills what a process keeps in memory (the helper catalogue, the
    search lexicon, Wagtail's site root paths), as a running server has it;
    `assert_max_num_queries` is pytest-django's fixture of that name.
    """
    client.get(url, data)
    with assert_max_num_queries(most):
        response = client.get(url, data)
    assert response.status_code == 200
    return response  # type: ignore[return-value]  # the test client's response is one


@pytest.fixture
def page_cache(settings):
    """The page cache on, empty before and after (the test settings keep it off: a test's
    content is rolled back with its transaction, and the version counter with it)."""
    settings.WERKWIJZER_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()
