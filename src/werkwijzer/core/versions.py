"""One content version that every per-process cache of content follows.

Helpers, articles, FAQ answers and providers are kept in memory per process (the helper
catalogue of the wegwijzer, the search lexicon) because a plan or a search must cost
little. With several app servers, a change saved through one must reach the others. The
app that owns the content calls `content_changed()` when it is saved; that moves one
counter in the database, inside the same transaction as the change. Every process reads
the counter at most once per WERKWIJZER_CONTENT_CHECK_SECONDS and rebuilds a cache that
was built at another version. The database, not the shared cache, holds the counter:
every deployment has one (also `make run` with SQLite), and the counter moves with the
commit, so no server rebuilds from data that is not visible yet.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.db.models import F

from werkwijzer.core.models import ContentVersion

_KEY = "content"
_lock = threading.Lock()
_seen: dict[str, float | int] = {"number": -1, "checked": float("-inf")}


def _read() -> int:
    row = ContentVersion.objects.filter(key=_KEY).values_list("number", flat=True).first()
    return row or 0


def content_version() -> int:
    """The content version as this process last read it (at most a few seconds old)."""
    now = time.monotonic()
    interval = float(getattr(settings, "WERKWIJZER_CONTENT_CHECK_SECONDS", 1.0))
    with _lock:
        if now - float(_seen["checked"]) < interval:
            return int(_seen["number"])
    try:
        number = _read()
    except DatabaseError:
        # Without the database no content can be read either; keep what is cached.
        return int(_seen["number"])
    with _lock:
        _seen.update(number=number, checked=now)
    return number


def content_changed(**_signal_kwargs: Any) -> None:
    """Record a change of content; usable as a signal receiver.

    This process sees it at once; others within the check interval after the commit."""
    moved = ContentVersion.objects.filter(key=_KEY).update(number=F("number") + 1)
    if not moved:
        ContentVersion.objects.get_or_create(key=_KEY, defaults={"number": 1})
    with _lock:
        _seen.update(number=-1, checked=float("-inf"))
