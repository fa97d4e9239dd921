"""Liveness and readiness: /api/v1/health says what is down, with a 503."""

from __future__ import annotations

import socket

import pytest
from django.db import OperationalError
from django.test import override_settings


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_liveness_needs_no_database(client):
    # No `db` fixture: pytest-django makes any database access raise here.
    response = client.get("/api/v1/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_health_checks_the_database(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


@pytest.mark.django_db
def test_health_is_503_when_the_database_is_down(client, monkeypatch, caplog):
    from django.db import connection

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "down"}}
    assert "database down" in caplog.text


@pytest.mark.django_db
def test_health_is_503_when_the_shared_cache_is_down(client):
    with override_settings(CACHES=_redis_cache(f"redis://127.0.0.1:{_closed_port()}/0")):
        response = client.get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "down"}


@pytest.mark.django_db
@pytest.mark.skipif(not _redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_health_checks_a_running_shared_cache(client):
    with override_settings(CACHES=_redis_cache("redis://127.0.0.1:6379/15")):
        response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}
