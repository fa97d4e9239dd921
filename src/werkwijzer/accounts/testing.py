"""Helpers for tests in every app: users with a known password, logged in with 2FA done.

from werkwijzer.accounts.testing import PASSWORD, force_login_verified, make_user

baco = make_user("professional", profession="baco", provider=provider)
force_login_verified(client, baco)
"""

from __future__ import annotations

import itertools
import time

from werkwijzer.accounts.models import User
from werkwijzer.accounts.session import LAST_ACTIVITY_KEY, SECOND_FACTOR_KEY

PASSWORD = "Werkwijzer-test-2024!"  # a test password, never used outside tests

_counter = itertools.count(1)


def make_user(role: str = User.Role.PERSON, **fields) -> User:
    """Create a user with `role` and password `PASSWORD`.

    Username and e-mail are made unique unless given. Role "admin" is staff and
    superuser unless `is_staff`/`is_superuser` are given.
    """
    role = User.Role(role)
    number = next(_counter)
    fields.setdefault("username", f"{role.value}-{number}-{time.monotonic_ns() % 100000}")
    fields.setdefault("email", f"{fields['username']}@example.org")
    if role == User.Role.ADMIN:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
    password = fields.pop("password", PASSWORD)
    return User.objects.create_user(role=role, password=password, **fields)


def force_login_verified(client, user: User) -> None:
    """Log a Django test client in as `user` with the second factor already passed."""
    client.force_login(user)
    session = client.session
    session[SECOND_FACTOR_KEY] = user.pk
    session[LAST_ACTIVITY_KEY] = int(time.time())
    session.save()
