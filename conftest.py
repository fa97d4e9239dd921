"""Fixtures for every test: the network closed but for this machine, and a fixed seed."""

from __future__ import annotations

import socket

import pytest

_ALLOWED_HOSTS = {"127.0.0.1", "localhost", "::1", ""}
_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0] if isinstance(address, tuple) else address
        if host not in _ALLOWED_HOSTS and not str(host).startswith("127."):
            raise OSError(f"Tests may not use the network: blocked a connection to {host!r}")
    return _real_connect(self, address)


def pytest_configure(config):
    socket.socket.connect = _guarded_connect


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Per-address counters live in the cache, outside each test's transaction, so every
    test starts them from zero (core/ratelimit.py)."""
    from werkwijzer.core import ratelimit
    from werkwijzer.directory.services import forget_nearby_for_tests

    ratelimit.reset_all_for_tests()
    # Nearby results are cached under the directory's version, which a rolled-back test
    # moves back: without this the next test could read the last one's providers.
    forget_nearby_for_tests()


@pytest.fixture
def seeded(db):
    """The demo content, loaded as `werkwijzer seed` loads it."""
    from werkwijzer.core.seeding import seed_all

    seed_all()


@pytest.fixture
def helper_catalogue(db):
    """Only the helper catalogue: enough for the wegwijzer and the helper pages."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers"})


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, with the second factor passed as staff must."""
    from werkwijzer.accounts.testing import force_login_verified

    force_login_verified(client, admin_user)
    return client


@pytest.fixture
def wsgi_keeps_test_connection():
    """For tests that call the WSGI application directly (schemathesis' `case.call()`).

    Each such request ends by closing "old" connections; inside a test's transaction that
    closes the PostgreSQL connection (SQLite's in-memory one survives), so every later
    request fails. Django's own test client avoids this the same way: the signal is
    disconnected while the test runs."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
