"""The per-address limit of the whole API (core.ratelimit scope "api") as a ninja throttle.

Set on the NinjaAPI in registry.py, so every operation of every app has it; an operation
opts out with `throttle=[]` (liveness and health, which probes call all the time).
"""

from __future__ import annotations

import threading

from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from werkwijzer.core import ratelimit


class AddressThrottle(BaseThrottle):
    """Counts every API request of a client address in one scope."""

    def __init__(self, scope: str = "api") -> None:
        self.scope = scope
        # ninja asks wait() right after allow_request(), on the same thread; one throttle
        # object serves every request, so the answer is kept per thread.
        self._last = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        self._last.retry_after = None
        try:
            ratelimit.hit(self.scope, request)
        except ratelimit.RateLimited as error:
            self._last.retry_after = error.retry_after
            return False
        return True

    def wait(self) -> float | None:
        return getattr(self._last, "retry_after", None)
