import pytest
from django.test import Client


@pytest.fixture
def client():
    """A test client that asks for English pages, so tests can check the texts."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")
