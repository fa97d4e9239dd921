from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from werkwijzer.directory.factories import ProviderFactory


def login(client, user) -> None:
    """Log in with the second factor done (the accounts helper when it is there)."""
    try:
        from werkwijzer.accounts.testing import force_login_verified
    except ImportError:
        client.force_login(user)
    else:
        force_login_verified(client, user)


def make(username: str, role: str, profession: str = "", **fields):
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@voorbeeld.nl",
        password="niet-gebruikt-123",
        role=role,
        profession=profession,
        first_name=fields.pop("first_name", username.capitalize()),
        last_name=fields.pop("last_name", "Proef"),
        **fields,
    )


@pytest.fixture
def consult_provider(db):
    return ProviderFactory(name="Dr. Fictief", kinds=["baco"], intercollegial_consultation=True)


@pytest.fixture
def other_provider(db):
    return ProviderFactory(name="Dr. Elders", kinds=["kag"], intercollegial_consultation=True)


@pytest.fixture
def baco(db, consult_provider):
    return make("baco", "professional", "baco", provider=consult_provider)


@pytest.fixture
def kag(db, other_provider):
    return make("kag", "professional", "kag", provider=other_provider)


@pytest.fixture
def bedrijfsarts(db):
    return make("bedrijfsarts", "professional", "bedrijfsarts")


@pytest.fixture
def huisarts(db):
    return make("huisarts", "professional", "huisarts")


@pytest.fixture
def editor(db):
    return make("redacteur", "editor")


@pytest.fixture
def person(db):
    return make("persoon", "person")
