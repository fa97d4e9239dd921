"""One client address for every part of the site, past WERKWIJZER_PROXY_COUNT proxies."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from werkwijzer.core.clients import client_address

PROXY = "10.0.0.1"


def request(remote: str = PROXY, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_x_forwarded_for_is_ignored(settings):
    settings.WERKWIJZER_PROXY_COUNT = 0
    assert client_address(request("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # Entries on the left were sent by the client itself: never trusted.
        (1, "203.0.113.66, 198.51.100.7", "198.51.100.7"),
        (1, "not-an-address, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.66, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "2001:DB8::1", "2001:db8::1"),
        # A private address of the client is still the client.
        (1, "10.20.30.40", "10.20.30.40"),
    ],
)
def test_the_client_is_the_nth_entry_from_the_right(settings, count, forwarded, expected):
    settings.WERKWIJZER_PROXY_COUNT = count
    assert client_address(request(PROXY, forwarded)) == expected


def test_a_request_that_skipped_a_proxy_gets_the_nearest_hop(settings):
    settings.WERKWIJZER_PROXY_COUNT = 2
    assert client_address(request(PROXY, "198.51.100.7")) == PROXY
    assert client_address(request(PROXY)) == PROXY


def test_no_usable_address_is_none(settings):
    settings.WERKWIJZER_PROXY_COUNT = 0
    assert client_address(request("")) is None
    assert client_address(request("unix:/run/gunicorn.sock")) is None


def test_the_settings_read_proxy_count_and_limits_from_the_environment(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("WERKWIJZER_PROXY_COUNT", "2")
    monkeypatch.setenv("WERKWIJZER_RATE_LIMITS", "api=600/m, questions-ask=off")
    sys.modules.pop("werkwijzer.settings.base", None)
    try:
        base = importlib.import_module("werkwijzer.settings.base")
        assert base.WERKWIJZER_PROXY_COUNT == 2
        assert base.WERKWIJZER_RATE_LIMITS == {"api": "600/m", "questions-ask": None}
        assert base.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
        assert base.AXES_CLIENT_IP_CALLABLE == "werkwijzer.core.clients.client_address"
        monkeypatch.setenv("WERKWIJZER_PROXY_COUNT", "-1")
        sys.modules.pop("werkwijzer.settings.base", None)
        assert importlib.import_module("werkwijzer.settings.base").WERKWIJZER_PROXY_COUNT == 0
    finally:
        sys.modules.pop("werkwijzer.settings.base", None)
