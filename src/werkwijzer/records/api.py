"""JSON API of the person's own record (session login): work data, consents, FHIR.

Only the logged-in person's own record: no ids in the paths. Every call that returns
record data writes an audit event, like the pages do.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status

from werkwijzer.api.errors import ApiError, ErrorsOut
from werkwijzer.core import access
from werkwijzer.records import audit, consents, fhir, services
from werkwijzer.records.forms import GiveConsentForm, WorkDataForm
from werkwijzer.records.models import Consent, WorkData

# Every operation: the logged-in person, about their own record (401 without login, 403
# for any other kind of account).
router = Router(
    auth=access.api_guard(
        access.PERSON, gettext_lazy("Only a person can keep work data in Werkwijzer.")
    )
)

WORK_DATA_FIELDS = WorkDataForm.Meta.fields


class WorkDataIn(Schema):
    occupation: str = ""
    tasks: str = ""
    physical_demands: str = ""
    mental_demands: str = ""
    hours_per_week: Decimal | None = None
    contract: str = ""
    employer_size: str = ""
    work_status: str = ""
    sick_leave_start: dt.date | None = None
    sick_leave_history: str = ""
    work_ability: int | None = None
    goals: str = ""


class WorkDataOut(WorkDataIn):
    updated_at: dt.datetime | None = None


class ConsentOut(Schema):
    id: int
    purpose: str
    recipient_name: str
    recipient_role: str
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None = None
    active: bool


class ConsentIn(Schema):
    purpose: str
    recipient_email: str


def _out(work_data: WorkData | None) -> dict:
    if work_data is None:
        return {}
    return {name: getattr(work_data, name) for name in [*WORK_DATA_FIELDS, "updated_at"]}


@router.get(
    "/records/me/work-data",
    response={200: WorkDataOut, 403: ErrorsOut},
    summary="Your own work data",
)
def get_work_data(request: HttpRequest):
    user = request.user
    return _out(services.work_data_for(user, user))


@router.put(
    "/records/me/work-data",
    response={200: WorkDataOut, 403: ErrorsOut, 422: ErrorsOut},
    summary="Save your own work data (all fields)",
)
def put_work_data(request: HttpRequest, payload: WorkDataIn):
    user = request.user
    instance = WorkData.objects.filter(user=user).first()
    data = {
        name: ("" if value is None else value.isoformat() if isinstance(value, dt.date) else value)
        for name, value in payload.dict().items()
    }
    form = WorkDataForm(data, instance=instance or WorkData(user=user))
    if not form.is_valid():
        raise ApiError(
            [{"field": field, "message": str(errors[0])} for field, errors in form.errors.items()],
            status=422,
        )
    with transaction.atomic():
        saved = form.save()
        audit.record(
            actor=user,
            subject=user,
            action="update" if instance else "create",
            resource=saved,
            reason="owner",
        )
    return _out(saved)


@router.get(
    "/records/me/consents",
    response={200: list[ConsentOut], 403: ErrorsOut},
    summary="The consents you gave",
)
def list_consents(request: HttpRequest):
    user = request.user
    given = list(Consent.objects.filter(owner=user).select_related("recipient"))
    if given:
        audit.record(
            actor=user,
            subject=user,
            action="read",
            resource=f"records.Consent:owner-{user.pk}",
            reason="owner",
        )
    return [_consent_out(c) for c in given]


def _consent_out(c: Consent) -> dict:
    return {
        "id": c.pk,
        "purpose": c.purpose,
        "recipient_name": (
            (c.recipient.get_full_name() or c.recipient.email) if c.recipient else "Werkwijzer"
        ),
        "recipient_role": c.recipient.role if c.recipient else "",
        "given_at": c.given_at,
        "withdrawn_at": c.withdrawn_at,
        "active": c.is_active,
    }


@router.post(
    "/records/me/consents",
    response={201: ConsentOut, 403: ErrorsOut, 422: ErrorsOut},
    summary="Give consent to an account (found by e-mail) for one purpose",
)
def give_consent(request: HttpRequest, payload: ConsentIn):
    user = request.user
    form = GiveConsentForm(
        {"purpose": payload.purpose, "email": payload.recipient_email}, owner=user
    )
    if not form.is_valid():
        names = {"email": "recipient_email"}
        raise ApiError(
            [
                {"field": names.get(field, field), "message": str(errors[0])}
                for field, errors in form.errors.items()
            ],
            status=422,
        )
    consent = consents.give(user, form.recipient, form.cleaned_data["purpose"])
    return Status(201, _consent_out(consent))


@router.delete(
    "/records/me/consents/{consent_id}",
    response={200: ConsentOut, 403: ErrorsOut, 404: ErrorsOut},
    summary="Withdraw one of your consents (takes effect at once)",
)
def withdraw_consent(request: HttpRequest, consent_id: int):
    user = request.user
    consent = Consent.objects.filter(pk=consent_id, owner=user).first()
    if consent is None:
        raise ApiError([{"field": "consent_id", "message": _("Not found.")}], status=404)
    return _consent_out(consents.withdraw(consent, actor=user))


@router.get(
    "/records/me/fhir",
    response={200: dict, 403: ErrorsOut},
    summary="Your work data as a FHIR R4 Bundle",
)
def get_fhir(request: HttpRequest):
    user = request.user
    data = WorkData.objects.filter(user=user).first()
    body = fhir.bundle_json(user, data)
    audit.record(
        actor=user,
        subject=user,
        action="export",
        resource=data if data is not None else f"records.WorkData:user-{user.pk}",
        reason="owner",
    )
    response = HttpResponse(body, content_type="application/fhir+json; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
