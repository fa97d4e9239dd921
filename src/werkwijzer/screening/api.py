"""POST /api/v1/screening: answers in, flags with reasons, sources and flow charts out."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from werkwijzer.api.errors import ApiError
from werkwijzer.api.schemas import SourceOut
from werkwijzer.core.i18n import current_language
from werkwijzer.screening.forms import ScreeningForm
from werkwijzer.screening.rules import screen

router = Router(tags=["screening"])


class ScreeningIn(Schema):
    age: int | None = None
    employment: str | None = None
    phase: str | None = None
    low_income: bool | None = None
    limited_literacy: bool | None = None
    heavy_work: bool | None = None
    caregiver: bool | None = None
    distress: int | None = None


class StepOut(Schema):
    text: str
    refer: list[str]


class FlagOut(Schema):
    code: str
    rule: str
    label: str
    reason: str
    source: SourceOut
    flow: list[StepOut]


class ScreeningOut(Schema):
    flags: list[FlagOut]


def _form_data(payload: ScreeningIn) -> dict[str, str]:
    data = {}
    for name, value in payload.dict().items():
        if value is None:
            continue
        data[name] = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return data


@router.post("/screening", response={200: ScreeningOut})
def create_screening(request: HttpRequest, payload: ScreeningIn) -> dict:
    """Screen for vulnerable groups. Nothing is stored."""
    form = ScreeningForm(_form_data(payload))
    if not form.is_valid():
        raise ApiError([{"field": e["field"], "message": e["message"]} for e in form.error_list()])
    return {"flags": [flag.as_dict() for flag in screen(form.answers(), current_language())]}
