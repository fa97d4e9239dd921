"""/api/v1/timeline: the route of a situation as JSON (GET with query parameters, or POST
with the same JSON fields as POST /api/v1/plan)."""

from __future__ import annotations

from typing import Any

import orjson
from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router

from werkwijzer.api.errors import ApiError
from werkwijzer.core.i18n import current_language
from werkwijzer.timeline.routes import LANGUAGES
from werkwijzer.timeline.services import (
    INPUT_FIELDS,
    TimelineInputError,
    compute,
    parse_input,
    route_to_dict,
)

router = Router()
SPELLS = "earlier_sick_spells"


def _check_language(language: Any) -> None:
    if language is not None and language not in LANGUAGES:
        raise ApiError(
            [{"field": "language", "message": "Use nl or en. / Gebruik nl of en."}], status=422
        )


def _answer(data: dict[str, Any], history: Any, history_field: str, language: Any) -> dict:
    _check_language(language)
    with translation.override(language or current_language()):
        try:
            situation = parse_input(data, history, history_field=history_field)
            route = compute(situation, history_field=history_field)
        except TimelineInputError as error:
            raise ApiError(error.errors, status=422) from None
        return route_to_dict(route)


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
    earlier_sick_spells: list[str] = Query(default=[]),  # noqa: B008
    agency_clause: str | None = None,
    benefit_end: str | None = None,
    extension_weeks: str | None = None,
    extension_kind: str | None = None,
    wia_applied: str | None = None,
    aov_waiting_days: str | None = None,
    role: str | None = None,
    language: str | None = None,
) -> dict:
    """`earlier_sick_spells` (or its older name `history`) repeats per earlier spell as
    FROM/TO (ISO dates); spells less than 4 weeks apart count together. Dates in the
    future or impossible histories give 422 with a message per field."""
    values = locals()
    data = {name: values[name] for name in INPUT_FIELDS}
    field = SPELLS if earlier_sick_spells else "history"
    return _answer(data, earlier_sick_spells or history, field, language)


@router.post(
    "/timeline",
    summary="Sick-leave timeline for a situation in JSON (the fields of POST /api/v1/plan)",
)
def timeline_post(request: HttpRequest) -> dict:
    """The same situation as the plan takes gives the same dates: `earlier_sick_spells`
    is a list of `{"from": ISO date, "to": ISO date}`. Other plan fields are ignored."""
    try:
        data = orjson.loads(request.body or b"null")
    except orjson.JSONDecodeError as error:
        message = translation.gettext("The body is not valid JSON: %(error)s.") % {"error": error}
        raise ApiError([{"field": "body", "message": message}], status=400) from error
    if not isinstance(data, dict):
        message = translation.gettext("Send a JSON object with the fields of your situation.")
        raise ApiError([{"field": "body", "message": message}], status=422)
    fields = {name: data.get(name) for name in INPUT_FIELDS}
    return _answer(fields, data.get(SPELLS), SPELLS, data.get("language"))
