"""Per-address limits for anonymous forms and the API, counted in the Django cache.

One counter per scope, client address and time window, in the shared cache (Redis when
CACHE_URL is set, so every app server counts together; a cache inside the process
otherwise). A sliding window: the previous window's count weighs in for the part of it
that still overlaps, so a client cannot send twice the limit around a window's edge.

Rates are "count/period" with a period of s, m, h or d and an optional number: "5/h",
"100/15m". WERKWIJZER_RATE_LIMITS overrides DEFAULT_RATES per scope; None switches a
scope off. Login throttling is not here: django-axes does that per account and address
(docs/decisions/0008-login-protection.md).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils.translation import ngettext

from werkwijzer.core.clients import client_address

logger = logging.getLogger("werkwijzer.ratelimit")

DEFAULT_RATES: dict[str, str | None] = {
    # Vraag de specialist: questions asked, through the page and the API together.
    "questions-ask": "5/h",
    # Verwijsgids: "Klopt er iets niet?" reports about an entry (each e-mails the editors).
    "directory-report": "5/h",
    # "Heb je hier iets aan?" answers, and messages through the contact form (each
    # e-mails the editors).
    "feedback": "30/h",
    "contact": "5/h",
    # New accounts and password-reset e-mails (each sends an e-mail).
    "register": "10/h",
    "password-reset": "5/h",
    # Failed logins from one address over all accounts (password spraying); axes limits
    # each account and address pair far sooner.
    "login-failures": "100/h",
    # Every API call (liveness and health are exempt).
    "api": "300/m",
}
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
# Tests start each test with fresh counters by changing this (see the root conftest).
_generation = {"value": "1"}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        match = _RATE.match(text)
        if not match:
            raise ValueError(f"A rate is like '5/h' or '100/15m', not {text!r}")
        count, number, unit = match.groups()
        return cls(int(count), int(number or 1) * _PERIODS[unit])


class RateLimited(Exception):
    """Over the limit; `retry_after` is how many seconds until the next try counts."""

    def __init__(self, scope: str, retry_after: int) -> None:
        super().__init__(scope)
        self.scope = scope
        self.retry_after = max(1, retry_after)

    @property
    def message(self) -> str:
        return wait_message(self.retry_after)


def wait_message(seconds: int) -> str:
    """The visitor's message: how long to wait, in minutes (or seconds when it is short)."""
    if seconds < 60:
        return ngettext(
            "Too many tries from your address in a short time. Wait %(count)s second "
            "and try again.",
            "Too many tries from your address in a short time. Wait %(count)s seconds "
            "and try again.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Too many tries from your address in a short time. Wait %(count)s minute and try again.",
        "Too many tries from your address in a short time. Wait %(count)s minutes and try again.",
        minutes,
    ) % {"count": minutes}


def rate_for(scope: str) -> Rate | None:
    configured = getattr(settings, "WERKWIJZER_RATE_LIMITS", {}) or {}
    text = configured[scope] if scope in configured else DEFAULT_RATES.get(scope)
    return Rate.parse(text) if text else None


def _client_key(address: str) -> str:
    # A keyed hash: the shared cache never holds a visitor's address.
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()[:32]


def _key(scope: str, client: str, window: int) -> str:
    return f"ratelimit:{_generation['value']}:{scope}:{client}:{window}"


def _count(cache, key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def _cache():
    return caches[getattr(settings, "WERKWIJZER_RATE_LIMIT_CACHE", "default")]


def _keys(scope: str, rate: Rate, request, address) -> tuple[str, str, float]:
    if address is None and request is not None:
        address = client_address(request)
    client = _client_key(address or "unknown")
    window, into = divmod(time.time(), rate.seconds)
    current = _key(scope, client, int(window))
    return current, _key(scope, client, int(window) - 1), into


def _verdict(scope: str, rate: Rate, count: int, before: int, into: float) -> None:
    """Raise RateLimited when `count` (this window) and `before` are over the rate."""
    if count + before * (1 - into / rate.seconds) <= rate.count:
        return
    # When one more request fits again: at the window's end, or earlier once the older
    # window weighs little enough.
    if count >= rate.count or before == 0:
        retry_after = rate.seconds - into
    else:
        retry_after = rate.seconds * (1 - (rate.count - count - 1) / before) - into
    raise RateLimited(scope, math.ceil(retry_after))


def hit(scope: str, request: HttpRequest | None = None, *, address: str | None = None) -> None:
    """Count one request of this client in `scope`; raise RateLimited when it is over.

    The client is `address` or else the request's client address. Requests over the
    limit count too, so a client that keeps trying stays blocked.
    """
    rate = rate_for(scope)
    if rate is None:
        return
    current, previous, into = _keys(scope, rate, request, address)
    cache = _cache()
    try:
        count = _count(cache, current, timeout=2 * rate.seconds)
        before = cache.get(previous, 0)
    except Exception:  # the cache server is down (a Redis error of any kind)
        # Open, not closed: an unreachable cache must not take every form down with it.
        logger.warning("Rate limit for %s not checked: the cache did not answer", scope)
        return
    _verdict(scope, rate, count, before, into)


def check(scope: str, request: HttpRequest | None = None, *, address: str | None = None) -> None:
    """Raise RateLimited when one more request would be over the limit; counts nothing
    (for limits on failures, counted with hit() once a try failed)."""
    rate = rate_for(scope)
    if rate is None:
        return
    current, previous, into = _keys(scope, rate, request, address)
    try:
        counts = _cache().get_many([current, previous])
    except Exception:  # the cache server is down
        logger.warning("Rate limit for %s not checked: the cache did not answer", scope)
        return
    _verdict(scope, rate, counts.get(current, 0) + 1, counts.get(previous, 0), into)


def reset_all_for_tests() -> None:
    """Start every counter from zero (new keys; old ones expire on their own)."""
    _generation["value"] = str(time.monotonic_ns())
