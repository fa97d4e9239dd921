"""Zorgpad API: the logged-in user's referrals, their steps, and employer reports.

Session authentication (the same login as the pages, with CSRF on writes; professionals
need their second factor) through `core.access.api_guard`, which also says which kind of
account may call an operation. Every call goes through `care.services`, so access checks,
audit and e-mail are the same as on the pages; their domain errors get the statuses of
`core.errors`. An employer only ever gets the
`EmployerReportOut` schema: work abilities, limitations, recommendations and dates.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from werkwijzer.api.errors import ApiError, ErrorsOut
from werkwijzer.care import services
from werkwijzer.care.models import REQUEST_SENT, EmployerReport, Referral
from werkwijzer.care.workflow import Action, RequestStatus
from werkwijzer.core import access
from werkwijzer.directory.models import Provider

# Any logged-in account by default; the services decide per referral (404 for others).
router = Router(tags=["Zorgpad"], auth=access.api_guard(access.ANY_ACCOUNT))


class ReferralIn(Schema):
    provider_id: int
    question: str
    person_email: str = ""


class TransitionIn(Schema):
    action: Action
    reason: str = ""
    intake_date: datetime.datetime | None = None


class ReferralOut(Schema):
    id: int
    provider_id: int
    provider_name: str
    state: str
    state_label: str
    question: str
    confirmed_by_person: bool
    referred_by_professional: bool
    referred_by_employer: bool
    accepted_by: str | None
    intake_date: datetime.datetime | None
    decline_reason: str
    created_at: datetime.datetime
    accepted_at: datetime.datetime | None
    declined_at: datetime.datetime | None
    intake_planned_at: datetime.datetime | None
    consultations_at: datetime.datetime | None
    advice_given_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    actions: list[str]


class EmployerReportOut(Schema):
    """Only what an employer may know. No diagnosis, treatment, question or notes."""

    id: int
    employee: str
    abilities: str
    limitations: str
    recommendations: str
    valid_from: datetime.date
    review_on: datetime.date | None
    created_at: datetime.datetime


ERRORS = {401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut, 422: ErrorsOut}


def _name(user) -> str:
    return user.get_full_name() or user.username


def _referral_out(user, referral: Referral) -> dict:
    return {
        "id": referral.pk,
        "provider_id": referral.provider_id,
        "provider_name": referral.provider.name,
        "state": referral.state,
        "state_label": referral.state_label,
        "question": referral.question,
        "confirmed_by_person": referral.is_confirmed,
        "referred_by_professional": referral.by_professional,
        "referred_by_employer": referral.by_employer,
        "accepted_by": _name(referral.accepted_by) if referral.accepted_by_id else None,
        "intake_date": referral.intake_date,
        "decline_reason": referral.decline_reason,
        "created_at": referral.created_at,
        **{
            field: getattr(referral, field)
            for field in (
                "accepted_at",
                "declined_at",
                "intake_planned_at",
                "consultations_at",
                "advice_given_at",
                "closed_at",
                "withdrawn_at",
            )
        },
        "actions": [action.value for action in services.actions_for(user, referral)],
    }


def _report_out(report: EmployerReport) -> dict:
    return {
        "id": report.pk,
        "employee": _name(report.person),
        "abilities": report.abilities,
        "limitations": report.limitations,
        "recommendations": report.recommendations,
        "valid_from": report.valid_from,
        "review_on": report.review_on,
        "created_at": report.created_at,
    }


@router.get(
    "/referrals",
    response={200: list[ReferralOut], **ERRORS},
    summary="Your referrals",
    description=(
        "For a person: their own referrals. For a professional: the confirmed referrals "
        "to their directory entry (the worklist). Other roles get 403."
    ),
    auth=access.api_guard(access.any_of(access.PERSON, access.PROFESSIONAL)),
)
def list_referrals(request: HttpRequest):
    user = request.user
    if access.is_person(user):
        referrals = services.referrals_for_person(user).select_related("accepted_by")
    else:
        referrals = services.worklist(user)
    listed = services.audited_listing(user, referrals[:500])
    return [_referral_out(user, referral) for referral in listed]


@router.post(
    "/referrals",
    response={201: ReferralOut, **ERRORS},
    summary="Make a referral to a BACO or KAG",
    description=(
        "A person refers themself (leave `person_email` empty). A treating professional, "
        "a bedrijfsarts or a BACO/KAG refers a person by the e-mail address of their "
        "account; the person agrees first, before any professional sees it. An employer "
        "uses `POST /employer-requests`."
    ),
    auth=access.api_guard(access.any_of(access.PERSON, access.REFERRING_PROFESSIONAL)),
)
def create_referral(request: HttpRequest, payload: ReferralIn):
    referral = services.create_referral(
        actor=request.user,
        provider=_provider(payload.provider_id),
        question=payload.question,
        person_email=payload.person_email,
    )
    return Status(201, _referral_out(request.user, referral))


def _provider(provider_id: int) -> Provider:
    provider = Provider.objects.filter(pk=provider_id, active=True).first()
    if provider is None:
        raise ApiError(
            [{"field": "provider_id", "message": _("This BACO or KAG does not exist.")}],
            status=422,
        )
    return provider


@router.get(
    "/referrals/{referral_id}",
    response={200: ReferralOut, **ERRORS},
    summary="One referral",
    description="Only for the person it is about and the professionals of its provider.",
)
def get_referral(request: HttpRequest, referral_id: int):
    referral = services.get_referral(request.user, referral_id)
    return _referral_out(request.user, referral)


@router.post(
    "/referrals/{referral_id}/transitions",
    response={200: ReferralOut, **ERRORS},
    summary="Take the next step",
    description=(
        "Actions: accept, decline (needs `reason`), plan-intake (needs `intake_date`), "
        "start-consultations, give-advice, close (the professional); withdraw (the person). "
        "When a colleague accepted first, the answer is 409 with a clear message."
    ),
)
def transition(request: HttpRequest, referral_id: int, payload: TransitionIn):
    referral = services.transition(
        request.user,
        referral_id,
        payload.action.value,
        reason=payload.reason,
        intake_date=payload.intake_date,
    )
    return _referral_out(request.user, referral)


@router.post(
    "/referrals/{referral_id}/confirm",
    response={200: ReferralOut, **ERRORS},
    summary="Confirm a referral a professional made for you",
    auth=access.api_guard(access.PERSON),
)
def confirm(request: HttpRequest, referral_id: int):
    referral = services.confirm(request.user, referral_id)
    return _referral_out(request.user, referral)


class EmployerRequestIn(Schema):
    provider_id: int
    employee_email: str
    question: str


class EmployerRequestOut(Schema):
    """What an employer sees of a request their employee answered: never the question or
    any care step."""

    employee: str
    provider: str
    asked_on: datetime.datetime
    status: RequestStatus
    status_label: str


class EmployerRequestSentOut(Schema):
    """The same for every address (issue 18): no name, no id, no status of its own."""

    sent: bool
    message: str


@router.post(
    "/employer-requests",
    response={201: EmployerRequestSentOut, **ERRORS},
    summary="Ask a BACO or KAG for an employee",
    description=(
        "The employee (by the e-mail address of their Werkwijzer account) gets the request "
        "and decides; the BACO/KAG sees it only after they agree. The answer is the same "
        "whatever the address, so it does not tell whether the address has an account: "
        "the request shows in `GET /employer-requests` only once the employee answered. "
        "An error only for a missing BACO/KAG, an empty question or an address that is "
        "not an e-mail address."
    ),
    auth=access.api_guard(access.EMPLOYER),
)
def create_employer_request(request: HttpRequest, payload: EmployerRequestIn):
    services.ask_for_employee(
        employer=request.user,
        provider=_provider(payload.provider_id),
        question=payload.question,
        employee_email=payload.employee_email,
    )
    return Status(201, {"sent": True, "message": str(REQUEST_SENT)})


@router.get(
    "/employer-requests",
    response={200: list[EmployerRequestOut], **ERRORS},
    summary="Your BACO/KAG requests for employees that they answered, with their status",
    description=(
        "Whom, to which BACO/KAG, when, and whether the employee agreed; no more. A request "
        "the employee has not answered yet is not listed."
    ),
    auth=access.api_guard(access.EMPLOYER),
)
def employer_requests(request: HttpRequest):
    return services.requests_by_employer(request.user)


@router.get(
    "/employer-reports",
    response={200: list[EmployerReportOut], **ERRORS},
    summary="Reports released to you as employer",
    description="Only reports whose employee gave `employer-report` consent to you.",
    auth=access.api_guard(access.EMPLOYER),
)
def employer_reports(request: HttpRequest):
    return [_report_out(report) for report in services.released_reports(request.user)]


@router.get(
    "/employer-reports/{report_id}",
    response={200: EmployerReportOut, **ERRORS},
    summary="One employer report",
)
def employer_report(request: HttpRequest, report_id: int):
    report = services.get_employer_report(request.user, report_id)
    return _report_out(report)
