"""Content versions that every cache of content follows, one counter per key.

Helpers, articles, FAQ answers and providers are kept in memory per process (the helper
catalogue of the wegwijzer, the search lexicon) because a plan or a search must cost
little. With several app servers, a change saved through one must reach the others. The
app that owns the content calls `content_changed()` when it is saved; that moves one
counter in the database, inside the same transaction as the change. Every process reads
the counter at most once per WERKWIJZER_CONTENT_CHECK_SECONDS and rebuilds a cache that
was built at another version. The database, not the shared cache, holds the counter:
every deployment has one (also `make run` with SQLite), and the counter moves with the
commit, so no server rebuilds from data that is not visible yet.

A version can also be part of a key in the shared cache (the verwijsgids's nearby
results): a change moves the version, so entries written before it are never read again
and expire on their own.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.db.models import F

from werkwijzer.core.models import ContentVersion

# The key of helpers, articles and FAQ answers. Other content that changes at another
# pace has a key of its own, so a change there rebuilds only its own caches: the
# verwijsgids's providers move DIRECTORY (its nearby results in the shared cache).
CONTENT = "content"
DIRECTORY = "directory"
_lock = threading.Lock()
# Per key: the number this process last read and when (monotonic seconds).
_seen: dict[str, tuple[int, float]] = {}
_UNREAD = (-1, float("-inf"))


def _read(key: str) -> int:
    row = ContentVersion.objects.filter(key=key).values_list("number", flat=True).first()
    return row or 0


def content_version(key: str = CONTENT) -> int:
    """The version of one key as this process last read it (at most a few seconds old)."""
    now = time.monotonic()
    interval = float(getattr(settings, "WERKWIJZER_CONTENT_CHECK_SECONDS", 1.0))
    with _lock:
        number, checked = _seen.get(key, _UNREAD)
        if now - checked < interval:
            return number
    try:
        number = _read(key)
    except DatabaseError:
        # Without the database no content can be read either; keep what is cached.
        return number
    with _lock:
        _seen[key] = (number, now)
    return number


def version_changed(key: str) -> None:
    """Record a change of the content under `key`.

    This process sees it at once; others within the check interval after the commit."""
    moved = ContentVersion.objects.filter(key=key).update(number=F("number") + 1)
    if not moved:
        ContentVersion.objects.get_or_create(key=key, defaults={"number": 1})
    with _lock:
        _seen.pop(key, None)


def content_changed(**_signal_kwargs: Any) -> None:
    """Record a change of helpers, articles or FAQ answers; usable as a signal receiver."""
    version_changed(CONTENT)
