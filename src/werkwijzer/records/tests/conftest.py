import pytest

from werkwijzer.accounts.testing import force_login_verified, make_user


@pytest.fixture
def person(db):
    return make_user("person", first_name="Anna", last_name="de Vries")


@pytest.fixture
def other_person(db):
    return make_user("person", first_name="Piet")


@pytest.fixture
def baco(db):
    return make_user(
        "professional",
        profession="baco",
        first_name="Bas",
        last_name="Jansen",
        organisation="Arbodienst Oost",
    )


@pytest.fixture
def employer(db):
    return make_user("employer", organisation="Bakkerij Bol")


@pytest.fixture
def privacy_officer(db):
    return make_user("privacy_officer")


@pytest.fixture
def login(client):
    def _login(user):
        force_login_verified(client, user)
        return client

    return _login
