"""Service endpoints that belong to no domain."""

from ninja import Router, Schema

router = Router()


class HealthOut(Schema):
    status: str


@router.get("/health", response=HealthOut, summary="Liveness check (also the benchmark's baseline)")
def health(request) -> dict:
    return {"status": "ok"}
