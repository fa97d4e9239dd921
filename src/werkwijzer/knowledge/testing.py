"""Test fixtures for the kennisbank, shared by the knowledge and search tests.

Seeding the real articles takes seconds, so it runs once per test session outside the
per-test transactions; a test that finds the tables flushed (after a transactional
test) seeds again inside its own transaction.
"""

from __future__ import annotations

import pytest
from django.conf import settings

from werkwijzer.core.seeding import SeedContext


def seed_kennisbank() -> None:
    from werkwijzer.core.versions import content_changed
    from werkwijzer.knowledge.seeding import seed

    seed(SeedContext(content_dir=settings.CONTENT_DIR, write=lambda _line: None))
    content_changed()  # caches keyed on the content version start again


@pytest.fixture(scope="session")
def kennisbank_session(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed_kennisbank()


def ensure_kennisbank() -> None:
    """Seed again when a transactional test flushed the tables."""
    from werkwijzer.knowledge.models import ArticlePage

    if not ArticlePage.objects.filter(live=True).exists():
        seed_kennisbank()


@pytest.fixture
def kennisbank(kennisbank_session, db):
    from werkwijzer.core.versions import content_changed

    ensure_kennisbank()
    content_changed()
