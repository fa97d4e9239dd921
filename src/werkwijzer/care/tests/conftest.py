from __future__ import annotations

import pytest

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.directory.factories import ProviderFactory


@pytest.fixture
def provider(db):
    return ProviderFactory(kinds=["baco"], name="Demo BACO Praktijk")


@pytest.fixture
def other_provider(db):
    return ProviderFactory(kinds=["kag"], name="Ander Ziekenhuis")


@pytest.fixture
def person(db):
    return make_user("person", first_name="Sanne", last_name="Visser")


@pytest.fixture
def baco(provider):
    return make_user("professional", profession="baco", provider=provider, first_name="Bas")


@pytest.fixture
def colleague(provider):
    return make_user("professional", profession="baco", provider=provider, first_name="Carla")


@pytest.fixture
def outsider(other_provider):
    return make_user("professional", profession="kag", provider=other_provider)


@pytest.fixture
def employer(db):
    return make_user("employer", organisation="Bakkerij De Korrel")


@pytest.fixture
def login(client):
    def do(user):
        client.logout()
        force_login_verified(client, user)
        return client

    return do
