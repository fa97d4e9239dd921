"""GET /api/v1/timeline: the route of a situation as JSON."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router

from werkwijzer.api.errors import ApiError
from werkwijzer.timeline.routes import LANGUAGES
from werkwijzer.timeline.services import (
    TimelineInputError,
    compute,
    current_language,
    parse_input,
    route_to_dict,
)

router = Router()


@router.get(
    "/timeline",
    summary="Sick-leave timeline (milestones with tasks, consequences and sources)",
)
def timeline(
    request: HttpRequest,
    employment: str,
    sick_since: str,
    contract_end: str | None = None,
    history: list[str] = Query(default=[]),  # noqa: B008 - ninja's way to declare a list
    extension_weeks: str | None = None,
    aov_waiting_days: str | None = None,
    language: str | None = None,
) -> dict:
    """`history` repeats per earlier period as START/END (ISO dates); periods less than
    4 weeks apart count together. Dates in the future or impossible histories give 422
    with a message per field."""
    if language is not None and language not in LANGUAGES:
        raise ApiError(
            [{"field": "language", "message": "Use nl or en. / Gebruik nl of en."}], status=422
        )
    with translation.override(language or current_language()):
        try:
            situation = parse_input(
                {
                    "employment": employment,
                    "sick_since": sick_since,
                    "contract_end": contract_end,
                    "extension_weeks": extension_weeks,
                    "aov_waiting_days": aov_waiting_days,
                },
                history,
            )
            route = compute(situation)
        except TimelineInputError as error:
            raise ApiError(error.errors, status=422) from None
        return route_to_dict(route)
