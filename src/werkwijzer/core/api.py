"""Service endpoints that belong to no domain: liveness and readiness."""

from __future__ import annotations

import logging

from django.http import HttpRequest
from ninja import Router, Schema

from werkwijzer.core.health import readiness

router = Router()
logger = logging.getLogger("werkwijzer.health")


class LiveOut(Schema):
    status: str


class HealthOut(Schema):
    status: str
    checks: dict[str, str]


@router.get(
    "/live",
    response=LiveOut,
    summary="Liveness: the process answers (no database; the benchmarks' trivial endpoint)",
    throttle=[],  # probes call it all the time, from one address
)
def live(request: HttpRequest) -> dict:
    return {"status": "ok"}


@router.get(
    "/health",
    response={200: HealthOut, 503: HealthOut},
    summary="Readiness: the database and (when configured) the shared cache answer",
    throttle=[],  # probes call it all the time, from one address
)
def health(request: HttpRequest) -> tuple[int, dict]:
    checks = readiness()
    down = sorted(name for name, state in checks.items() if state != "ok")
    if down:
        logger.error("Health check failed: %s down", ", ".join(down))
        return 503, {"status": "unavailable", "checks": checks}
    return 200, {"status": "ok", "checks": checks}
