"""Per-address limits on the Django cache: local memory and Redis count alike."""

from __future__ import annotations

import socket

import pytest
import time_machine
from django.core.cache import caches
from django.test import override_settings

from werkwijzer.core import ratelimit
from werkwijzer.core.ratelimit import Rate, RateLimited

A, B = "198.51.100.7", "203.0.113.20"
START = 1_800_000_000  # a window boundary for every rate used here


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_rates_are_parsed():
    assert Rate.parse("5/h") == Rate(5, 3600)
    assert Rate.parse("100/15m") == Rate(100, 900)
    assert Rate.parse(" 300 / m ") == Rate(300, 60)
    with pytest.raises(ValueError):
        Rate.parse("five per hour")


def test_settings_override_and_switch_off_a_scope(settings):
    settings.WERKWIJZER_RATE_LIMITS = {"api": "2/m", "questions-ask": None}
    assert ratelimit.rate_for("api") == Rate(2, 60)
    assert ratelimit.rate_for("questions-ask") is None
    assert ratelimit.rate_for("register") == Rate.parse(ratelimit.DEFAULT_RATES["register"])
    for _ in range(50):
        ratelimit.hit("questions-ask", address=A)  # off: never raises


def _hits(scope: str, address: str, times: int) -> None:
    for _ in range(times):
        ratelimit.hit(scope, address=address)


def _limits_one_address_only(settings) -> None:
    settings.WERKWIJZER_RATE_LIMITS = {"test": "3/m"}
    with time_machine.travel(START, tick=False):
        _hits("test", A, 3)
        with pytest.raises(RateLimited) as refused:
            ratelimit.hit("test", address=A)
        assert refused.value.retry_after == 60
        _hits("test", B, 3)  # another address has its own count
    # Half a minute into the next window, half the old count still weighs: 1.5 + 1.
    with time_machine.travel(START + 90, tick=False):
        ratelimit.hit("test", address=A)
        with pytest.raises(RateLimited):
            ratelimit.hit("test", address=A)
    with time_machine.travel(START + 180, tick=False):
        _hits("test", A, 3)


def test_the_limit_holds_per_address_in_local_memory(settings):
    _limits_one_address_only(settings)


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_the_limit_holds_per_address_in_redis(settings):
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
        "KEY_PREFIX": "werkwijzer-ratelimit-test",
    }
    with override_settings(CACHES={"default": redis}):
        try:
            _limits_one_address_only(settings)
            # Only a keyed hash of the address is in the shared cache.
            keys = caches["default"]._cache.get_client().keys("werkwijzer-ratelimit-test*")
            assert keys and not any(A.encode() in key for key in keys)
        finally:
            caches["default"].clear()


def test_check_counts_nothing(settings):
    settings.WERKWIJZER_RATE_LIMITS = {"test": "2/h"}
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            ratelimit.check("test", address=A)
        _hits("test", A, 2)
        with pytest.raises(RateLimited):
            ratelimit.check("test", address=A)


def test_an_unreachable_cache_lets_requests_through(settings, caplog):
    settings.WERKWIJZER_RATE_LIMITS = {"test": "1/h"}
    broken = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    with override_settings(CACHES={"default": broken}):
        _hits("test", A, 3)
        ratelimit.check("test", address=A)
    assert "not checked" in caplog.text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1, "Wacht 1 seconde"),
        (45, "Wacht 45 seconden"),
        (60, "Wacht 1 minuut"),
        (3599, "60 minuten"),
    ],
)
def test_the_message_says_how_long_to_wait_in_dutch(seconds, text):
    from django.utils import translation

    with translation.override("nl"):
        assert text in RateLimited("test", seconds).message


@pytest.mark.django_db
def test_the_api_is_limited_per_address_with_the_error_shape(client, settings):
    from django.test import Client

    settings.WERKWIJZER_RATE_LIMITS = {"api": "3/m"}
    settings.WERKWIJZER_PROXY_COUNT = 1
    visitor = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=A)
    with time_machine.travel(START, tick=False):
        for _ in range(3):
            assert visitor.get("/api/v1/faq").status_code == 200
        refused = visitor.get("/api/v1/faq")
        assert refused.status_code == 429
        assert refused["Retry-After"] == "60"
        assert refused.json() == {
            "errors": [
                {
                    "field": "",
                    "message": "Te veel pogingen vanaf jouw adres in korte tijd. "
                    "Wacht 1 minuut en probeer het dan opnieuw.",
                }
            ]
        }
        # Another visitor behind the same proxy is not affected.
        other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=B)
        assert other.get("/api/v1/faq").status_code == 200
        # Probes are never limited.
        assert visitor.get("/api/v1/live").status_code == 200
        assert visitor.get("/api/v1/health").status_code == 200
