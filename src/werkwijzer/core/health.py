"""What the readiness check asks: can this process reach what a request needs?"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection

# Caches that live inside the process cannot be "down"; only a shared one is checked.
_LOCAL_CACHE_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "down"
    return "ok"


def cache_state() -> str | None:
    """ "ok" or "down" for a shared cache; None when the cache is per process."""
    if settings.CACHES["default"]["BACKEND"] in _LOCAL_CACHE_BACKENDS:
        return None
    key = f"werkwijzer:health:{uuid.uuid4().hex}"
    try:
        cache = caches["default"]
        cache.set(key, "1", timeout=10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # any client error (refused, timeout, auth) means not usable
        return "down"
    return "ok" if answered else "down"


def readiness() -> dict[str, str]:
    """Each checked part with "ok" or "down"."""
    checks = {"database": database_state()}
    cache = cache_state()
    if cache is not None:
        checks["cache"] = cache
    return checks
