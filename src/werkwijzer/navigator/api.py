"""POST /api/v1/plan: a situation in, the personal plan out."""

from __future__ import annotations

import datetime as dt

import orjson
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Router, Schema

from werkwijzer.api.errors import ApiError, ErrorsOut
from werkwijzer.api.schemas import SourceOut
from werkwijzer.navigator.messages import problem_as_error
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import InvalidSituation, parse_situation, situation_json_schema

router = Router()


class ReasonOut(Schema):
    rule: str
    text: str
    facts: dict
    source: str = Field(description="Key of the source in the plan's `sources`.")


class NearbyOut(Schema):
    id: int
    name: str
    organisation: str
    kind: str
    distance_km: float
    url: str
    self_referral: bool
    demo: bool = False
    # How to reach the provider (issue 15); "" when the directory does not know it.
    phone: str = ""
    email: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""


class PlannedHelperOut(Schema):
    slug: str
    title: str
    priority: int
    why: list[ReasonOut]
    access: str
    costs: str
    nearby: list[NearbyOut]


class MilestoneOut(Schema):
    code: str
    due: str
    week: int | None
    who: str
    what: str
    optional: bool
    source: str


class NoticeOut(Schema):
    rule: str
    text: str
    source: str


class AttentionOut(Schema):
    code: str = Field(description="Flag of a vulnerable group from the screening.")
    rule: str
    label: str
    reason: str
    source: str
    refer: list[str] = Field(description="Helper slugs its flow chart refers to.")


class PlanOut(Schema):
    situation: dict
    helpers: list[PlannedHelperOut]
    milestones: list[MilestoneOut]
    topics: list[str]
    warnings: list[NoticeOut]
    next_steps: list[str]
    attention: list[AttentionOut]
    route: str | None = Field(
        description="The sick-leave route: poortwachter, ziektewet, bijstand or geen; "
        "null without milestones."
    )
    sources: dict[str, SourceOut]


def read_json_body(request: HttpRequest) -> object:
    """The request's JSON, or an ApiError (400) that says why it cannot be read."""
    try:
        return orjson.loads(request.body or b"null")
    except orjson.JSONDecodeError as error:
        message = translation.gettext("The body is not valid JSON: %(error)s.") % {"error": error}
        raise ApiError([{"field": "body", "message": message}], status=400) from error


@router.post(
    "/plan",
    response={200: PlanOut, 400: ErrorsOut, 422: ErrorsOut},
    summary="The personal plan for a situation (wegwijzer)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": situation_json_schema()}},
        }
    },
)
def create_plan(request: HttpRequest) -> HttpResponse:
    data = read_json_body(request)
    if isinstance(data, dict):
        data.setdefault("language", translation.get_language() or "nl")
    today = dt.date.today()  # once: the check of sick_since and the plan use the same day
    try:
        situation = parse_situation(data, today=today)
    except InvalidSituation as invalid:
        raise ApiError([problem_as_error(problem) for problem in invalid.problems]) from None
    # Written by the plan itself rather than validated against PlanOut again: the plan's
    # shape is fixed by the engine's dataclasses (tested against the schema), and this
    # keeps the endpoint close to the cost of the framework itself.
    body = make_plan(situation, today=today).to_json()
    return HttpResponse(body, content_type="application/json")
