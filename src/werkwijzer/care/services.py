"""The one place that reads and writes zorgpad data: access checks, audit, notifications.

Views and the API call these functions; none of them reads a referral, note, advice or
the person's work data around them. Who may see what is the access policy's
(`core.access`: `referral_reason`, `work_data_reason`, `employer_report_reason`, ...);
these functions apply it and write every read and write of a person's data to the audit
log with the reason access was allowed (`owner`, `referral:<pk>`, `consent:<pk>`).
Refusals are domain errors (`core.errors`): `NotFound` gives no hint that something
exists; `Invalid`, `AccessDenied` and `Conflict` carry a message for the user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from werkwijzer.care import notifications
from werkwijzer.care.models import (
    REFERRAL_KINDS,
    REQUEST_STATUS_LABELS,
    ConsultationNote,
    EmployerReport,
    PersonAdvice,
    Referral,
    TreatingAdvice,
)
from werkwijzer.care.workflow import ENTERED_AT as _ENTERED_AT
from werkwijzer.care.workflow import (
    Action,
    Actor,
    RequestStatus,
    State,
    TransitionError,
    available_actions,
    next_state,
    status_for_requester,
)
from werkwijzer.core import access
from werkwijzer.core.access import Viewer
from werkwijzer.core.errors import AccessDenied, Conflict, Invalid, NotFound
from werkwijzer.records import audit, consents
from werkwijzer.records import services as records

if TYPE_CHECKING:
    from werkwijzer.accounts.models import User
    from werkwijzer.directory.models import Provider
    from werkwijzer.records.models import WorkData

EMPLOYER_REPORT = access.EMPLOYER_REPORT
TREATING_ADVICE = access.TREATING_ADVICE
VIEW_WORK_DATA = access.VIEW_WORK_DATA


# --- who is who -------------------------------------------------------------------------


def can_refer_to(provider: Provider) -> bool:
    # An entry not checked for 24 months is hidden from visitors: no referrals to it either.
    return bool(REFERRAL_KINDS.intersection(provider.kinds)) and not provider.is_hidden


def actor_kind(user: Viewer, referral: Referral) -> Actor | None:
    """How `user` acts on this referral (the workflow's actor), per the access policy."""
    reason = access.referral_reason(user, referral)
    if reason == access.OWNER:
        return Actor.PERSON
    if reason is not None:
        return Actor.PROFESSIONAL
    return None


def access_reason(user: Viewer, referral: Referral) -> str | None:
    """Why `user` may see this referral (the audit reason), or None."""
    return access.referral_reason(user, referral)


def _read(user: Viewer, person: User, resource: models.Model | str, reason: str) -> None:
    audit.record(actor=user, subject=person, action="read", resource=resource, reason=reason)


# --- listing and reading ----------------------------------------------------------------


def referrals_for_person(person: Viewer) -> QuerySet[Referral]:
    return Referral.objects.filter(person_id=person.pk).select_related("provider")


def worklist(professional: Viewer) -> QuerySet[Referral]:
    """The referrals this professional may see (the query form of `access.care_relation`):
    confirmed referrals to their provider that nobody has taken on yet, and the ones they
    took on or declined themself; not withdrawn ones, and closed or declined ones only
    during the retention period."""
    provider_id = access.provider_id_of(professional)
    if provider_id is None:
        return Referral.objects.none()
    cutoff = timezone.now() - access.retention_period()
    handled = Q(accepted_by_id=professional.pk) | Q(declined_by_id=professional.pk)
    awaiting = Q(state=State.REQUESTED, accepted_by__isnull=True)
    expired = Q(closed_at__lt=cutoff) | Q(declined_at__lt=cutoff)
    return (
        Referral.objects.filter(provider_id=provider_id)
        .confirmed()
        .exclude(state=State.WITHDRAWN)
        .filter(awaiting | handled)
        .exclude(expired)
        .select_related("provider", "person", "accepted_by")
    )


def audited_listing(user: Viewer, referrals: QuerySet[Referral]) -> list[Referral]:
    """A list of referrals as `user` reads it: one audit event per referral shown."""
    listed = list(referrals)
    for referral in listed:
        reason = access_reason(user, referral)
        if reason is None:  # never list what the user may not see
            raise NotFound
        _read(user, referral.person, referral, reason)
    return listed


def get_referral(user: Viewer, pk: int, *, audit_read: bool = True) -> Referral:
    """The referral if `user` may see it (audited); NotFound otherwise (no hint it exists)."""
    referral = (
        Referral.objects.select_related("provider", "person", "accepted_by").filter(pk=pk).first()
    )
    reason = None if referral is None else access_reason(user, referral)
    if referral is None or reason is None:
        raise NotFound
    if audit_read:
        _read(user, referral.person, referral, reason)
    return referral


def work_data_for(user: Viewer, referral: Referral) -> WorkData | None:
    """The person's work data as a professional sees it through this referral (audited,
    by the records app). None when there is none, or when the referral is no longer open
    and the person gave no `view-work-data` consent."""
    try:
        return records.work_data_for(user, referral.person, referral=referral)
    except NotFound:
        return None


def actions_for(user: Viewer, referral: Referral) -> list[Action]:
    kind = actor_kind(user, referral)
    if kind is None:
        return []
    actions = available_actions(referral.state, kind)
    if kind is Actor.PROFESSIONAL and referral.accepted_by_id not in (None, user.pk):
        return []  # after acceptance the accepting professional carries the referral
    return actions


def is_read_only(user: Viewer, referral: Referral) -> bool:
    """The professional who handled a closed or declined referral reads it, read-only."""
    return access.care_relation(user, referral) == access.ARCHIVE


def notes_for(user: Viewer, referral: Referral) -> list[ConsultationNote]:
    """The consultation notes `user` may read, audited: every note for the professional
    who carries the referral (or handled it, after closing: read-only); the person's own
    notes except personal work notes (right of inspection, WGBO); nobody else (not a
    colleague, not an employer, no professional after withdrawal)."""
    reason = access.referral_reason(user, referral)
    if reason is None or access.care_relation(user, referral) == access.POOL:
        return []
    readable = referral.notes.select_related("author")
    if reason == access.OWNER:
        readable = readable.filter(personal_work_note=False)
    notes = list(readable)
    if notes:
        _read(user, referral.person, f"care.ConsultationNote:referral-{referral.pk}", reason)
    return notes


def get_person_advice(user: Viewer, pk: int) -> PersonAdvice:
    advice = (
        PersonAdvice.objects.select_related("referral", "referral__provider").filter(pk=pk).first()
    )
    reason = None if advice is None else access_reason(user, advice.referral)
    if advice is None or reason is None:
        raise NotFound
    _read(user, advice.referral.person, advice, reason)
    return advice


# --- starting a referral ----------------------------------------------------------------


def _question(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise Invalid(_("Write your question in a few words."), field="question")
    if len(question) > 4000:
        raise Invalid(_("Your question is too long (at most 4000 characters)."), "question")
    return question


def _referred_person(actor: User, person_email: str) -> User:
    """Who the referral is for: the person themself, or the person a treating
    professional, a bedrijfsarts or a BACO/KAG names. An employer asks through
    `ask_for_employee`, whose answer does not say whether the address has an account."""
    if access.is_person(actor):
        return actor
    if not access.may_refer_a_person(actor):
        raise AccessDenied(
            _("Only the person, a treating professional, a bedrijfsarts or the employer can ask.")
        )
    return _user_by_email(
        person_email,
        "person",
        "person_email",
        _("There is no person with a Werkwijzer account with this e-mail address."),
    )


def create_referral(
    *, actor: User, provider: Provider, question: str, person_email: str = ""
) -> Referral:
    """A referral by the person, or for a person by a referring professional (the person
    then confirms; until then no professional sees it)."""
    if not can_refer_to(provider):
        raise Invalid(_("You can only refer to a BACO or KAG."), field="provider")
    question = _question(question)
    person = _referred_person(actor, person_email)
    now = timezone.now()
    with transaction.atomic():
        referral = Referral.objects.create(
            person=person,
            provider=provider,
            created_by=actor,
            question=question,
            confirmed_by_person_at=now if person.pk == actor.pk else None,
        )
        audit.record(
            actor=actor,
            subject=person,
            action="create",
            resource=referral,
            reason="owner" if person.pk == actor.pk else "referral-on-behalf",
            on_behalf_of=person if person.pk != actor.pk else None,
        )
        notifications.changed(referral)
    return referral


def ask_for_employee(
    *, employer: User, provider: Provider, question: str, employee_email: str
) -> None:
    """An employer asks for a BACO/KAG for an employee (issue 18). It returns nothing and
    refuses only what says nothing about the address (the BACO/KAG, the question, the
    address's syntax): whether the address has a person account must not show, on a
    site about cancer and work. With one, the request waits for the employee like a
    referral on their behalf; without one, nothing is stored."""
    if not access.is_employer(employer):
        raise AccessDenied(_("Only an employer asks for a BACO or KAG for an employee."))
    if not can_refer_to(provider):
        raise Invalid(_("You can only refer to a BACO or KAG."), field="provider")
    question = _question(question)
    email = _valid_email(employee_email, "employee_email")
    person = _active_user(email, "person")
    if person is None:
        return
    with transaction.atomic():
        referral = Referral.objects.create(
            person=person, provider=provider, created_by=employer, question=question
        )
        audit.record(
            actor=employer,
            subject=person,
            action="create",
            resource=referral,
            reason="employer-request",
            on_behalf_of=person,
        )
        notifications.changed(referral)


@dataclass(frozen=True)
class EmployerRequest:
    """All an employer learns of a BACO/KAG request they made for an employee."""

    employee: str
    provider: str
    asked_on: dt.datetime
    status: RequestStatus
    status_label: str


def requests_by_employer(employer: Viewer) -> list[EmployerRequest]:
    """The BACO/KAG requests this employer made that the employee answered, with only
    what they may know: whom it is for, to which BACO/KAG, when, and its status for a
    requester (each read audited). Never the question, no step of the care
    (`workflow.status_for_requester`), and nothing of a request still waiting: that it
    is there would say that the address has a person account (issue 18)."""
    if not access.is_employer(employer):
        return []
    rows = []
    requests = Referral.objects.filter(created_by_id=employer.pk).select_related(
        "person", "provider"
    )
    for referral in requests:
        status = status_for_requester(referral.state, referral.is_confirmed)
        if status is RequestStatus.WAITING:
            continue
        _read(employer, referral.person, f"care.Referral:{referral.pk}:status", "requester")
        rows.append(
            EmployerRequest(
                employee=referral.person.get_full_name() or referral.person.username,
                provider=referral.provider.name,
                asked_on=referral.created_at,
                status=status,
                status_label=str(REQUEST_STATUS_LABELS[status]),
            )
        )
    return rows


def confirm(person: User, pk: int) -> Referral:
    """The person agrees to a referral someone else (a professional, the employer) made
    for them: only now does the BACO/KAG see it."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().filter(pk=pk, person_id=person.pk).first()
        if referral is None:
            raise NotFound
        if referral.is_confirmed:
            return referral
        if referral.state != State.REQUESTED:
            raise Invalid(_("This referral can no longer be confirmed."))
        referral.confirmed_by_person_at = timezone.now()
        referral.save(update_fields=["confirmed_by_person_at", "updated_at"])
        audit.record(
            actor=person, subject=person, action="update", resource=referral, reason="owner"
        )
        notifications.changed(referral)
    return referral


# --- transitions ------------------------------------------------------------------------


def _check_carrier(user: User, referral: Referral, kind: Actor, action: str) -> None:
    """One professional carries a referral: who accepted it first, alone, from then on."""
    if action == Action.ACCEPT and referral.accepted_by_id is not None:
        if referral.accepted_by_id == user.pk:
            raise Conflict(_("You have already accepted this referral."))
        raise Conflict(_("This referral has already been accepted by a colleague."))
    if (
        kind is Actor.PROFESSIONAL
        and action != Action.ACCEPT
        and referral.accepted_by_id not in (None, user.pk)
    ):
        raise AccessDenied(_("A colleague has accepted this referral; only they can change it."))


def _lost_the_race(user: User, referral: Referral | None, action: str) -> None:
    """A colleague who saw the referral in the pool and clicks accept just after someone
    else did gets told so (they knew it existed); the referral itself stays closed to them."""
    if (
        referral is not None
        and action == Action.ACCEPT
        and referral.accepted_by_id is not None
        and not referral.is_withdrawn
        and access.works_on_referral(user, referral)
    ):
        raise Conflict(_("This referral has already been accepted by a colleague."))


def _target(referral: Referral, action: str, kind: Actor) -> State:
    try:
        return next_state(referral.state, action, kind)
    except TransitionError as error:
        if error.code == "unknown":
            raise Invalid(_("This step does not exist."), field="action") from error
        if error.code == "not-allowed":
            raise AccessDenied(_("You may not take this step.")) from error
        raise Conflict(
            _("This step is not possible now. The referral is: %(state)s.")
            % {"state": referral.state_label}
        ) from error


def _step_fields(
    user: User, referral: Referral, action: str, reason: str, intake_date: dt.datetime | None
) -> list[str]:
    """Set what the step records besides its state; the fields to save."""
    if action == Action.DECLINE:
        reason = (reason or "").strip()
        if not reason:
            raise Invalid(_("Give a reason for declining."), field="reason")
        referral.decline_reason = reason[:2000]
        referral.declined_by = user
        return ["decline_reason", "declined_by"]
    if action == Action.PLAN_INTAKE:
        if intake_date is None:
            raise Invalid(_("Choose a date and time for the intake."), field="intake_date")
        referral.intake_date = intake_date
        return ["intake_date"]
    if action == Action.ACCEPT:
        referral.accepted_by = user
        return ["accepted_by"]
    return []


def transition(
    user: User, pk: int, action: str, *, reason: str = "", intake_date: dt.datetime | None = None
) -> Referral:
    """Move a referral on; atomic, with the referral row locked (one professional wins)."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().filter(pk=pk).first()
        kind = None if referral is None else actor_kind(user, referral)
        if referral is None or kind is None:
            _lost_the_race(user, referral, action)
            raise NotFound
        _check_carrier(user, referral, kind, action)
        target = _target(referral, action, kind)
        fields = ["state", "updated_at", *_step_fields(user, referral, action, reason, intake_date)]
        referral.state = target.value
        stamp = _ENTERED_AT[target]
        setattr(referral, stamp, timezone.now())
        fields.append(stamp)
        referral.save(update_fields=fields)
        audit.record(
            actor=user,
            subject=referral.person,
            action="update",
            resource=referral,
            reason=access_reason(user, referral) or "",
        )
        notifications.changed(referral)
    return referral


# --- writing notes, advice and reports --------------------------------------------------


def _carrying_professional(user: User, pk: int) -> Referral:
    """The referral, for the professional who accepted it, while it is in care."""
    referral = Referral.objects.select_related("person").filter(pk=pk).first()
    if referral is None or actor_kind(user, referral) is not Actor.PROFESSIONAL:
        raise NotFound
    if referral.accepted_by_id != user.pk:
        raise AccessDenied(_("Only the professional who accepted this referral can do this."))
    if not referral.is_open:
        raise Conflict(_("This referral is closed."))
    return referral


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(_("This field is required."), field=field)
    if len(value) > 10000:
        raise Invalid(_("This text is too long (at most 10000 characters)."), field=field)
    return value


def _write(user: User, referral: Referral, obj: models.Model) -> None:
    audit.record(
        actor=user,
        subject=referral.person,
        action="create",
        resource=obj,
        reason=f"referral:{referral.pk}",
    )


def add_note(user: User, pk: int, text: str, *, personal: bool = False) -> ConsultationNote:
    """A consultation note; the person reads it, unless `personal` (a personal work note)."""
    referral = _carrying_professional(user, pk)
    with transaction.atomic():
        note = ConsultationNote.objects.create(
            referral=referral, author=user, text=_text(text, "text"), personal_work_note=personal
        )
        _write(user, referral, note)
    return note


def add_person_advice(user: User, pk: int, text: str) -> PersonAdvice:
    referral = _carrying_professional(user, pk)
    with transaction.atomic():
        advice = PersonAdvice.objects.create(
            referral=referral, author=user, text=_text(text, "text")
        )
        _write(user, referral, advice)
        notifications.changed(referral)
    return advice


def _active_user(email: str, role: str) -> User | None:
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email, role=role, is_active=True).first()


def _user_by_email(email: str, role: str, field: str, message: str) -> User:
    found = _active_user((email or "").strip(), role)
    if found is None:
        raise Invalid(message, field=field)
    return found


def _valid_email(email: str, field: str) -> str:
    """The address if its syntax is valid (an error here says nothing about accounts)."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        # Django's own message, so the page's form field and the API say it alike.
        raise Invalid(str(error.messages[0]), field=field) from error
    return email


def add_treating_advice(user: User, pk: int, recipient_email: str, text: str) -> TreatingAdvice:
    referral = _carrying_professional(user, pk)
    recipient = _user_by_email(
        recipient_email,
        "professional",
        "recipient_email",
        _("There is no professional with a Werkwijzer account with this e-mail address."),
    )
    if not access.has_consent(referral.person, recipient, TREATING_ADVICE):
        raise AccessDenied(
            _("The person has not given consent to send advice to this professional."),
            field="recipient_email",
        )
    with transaction.atomic():
        advice = TreatingAdvice.objects.create(
            referral=referral, author=user, recipient=recipient, text=_text(text, "text")
        )
        _write(user, referral, advice)
    return advice


def treating_advice_for(recipient: Viewer) -> list[TreatingAdvice]:
    """Advice sent to this treating professional, while the person's consent lasts."""
    result = []
    for advice in TreatingAdvice.objects.filter(recipient_id=recipient.pk).select_related(
        "referral__person", "author"
    ):
        reason = access.treating_advice_reason(recipient, advice.referral.person)
        if reason is None:
            continue
        _read(recipient, advice.referral.person, advice, reason)
        result.append(advice)
    return result


def add_employer_report(
    user: User,
    pk: int,
    *,
    employer_email: str,
    abilities: str,
    limitations: str,
    recommendations: str,
    valid_from: dt.date | None,
    review_on: dt.date | None = None,
) -> EmployerReport:
    referral = _carrying_professional(user, pk)
    employer = _user_by_email(
        employer_email,
        "employer",
        "employer_email",
        _("There is no employer with a Werkwijzer account with this e-mail address."),
    )
    if valid_from is None:
        raise Invalid(_("This field is required."), field="valid_from")
    if review_on is not None and review_on < valid_from:
        raise Invalid(_("The review date cannot be before the start date."), "review_on")
    with transaction.atomic():
        report = EmployerReport.objects.create(
            referral=referral,
            person=referral.person,
            employer=employer,
            author=user,
            abilities=_text(abilities, "abilities")[:4000],
            limitations=_text(limitations, "limitations")[:4000],
            recommendations=_text(recommendations, "recommendations")[:4000],
            valid_from=valid_from,
            review_on=review_on,
        )
        _write(user, referral, report)
        notifications.changed(referral)
    return report


# --- employer reports: each released on its own, with consent -------------------------


def is_released(report: EmployerReport) -> bool:
    scope = access.report_scope(report)
    return access.has_consent(report.person, report.employer, EMPLOYER_REPORT, scope)


def released_reports(employer: Viewer) -> list[EmployerReport]:
    """The reports whose person released each of them to this employer (audited)."""
    if not access.is_employer(employer):
        return []
    result = []
    for report in EmployerReport.objects.filter(employer_id=employer.pk).select_related("person"):
        reason = access.employer_report_reason(employer, report)
        if reason is None:
            continue
        _read(employer, report.person, report, reason)
        result.append(report)
    return result


def get_employer_report(user: Viewer, pk: int) -> EmployerReport:
    """One report for its employer (once released), its person or the referral's
    professional. The person's first reading is noted: only then can they release it."""
    report = EmployerReport.objects.select_related("person", "referral").filter(pk=pk).first()
    reason = None if report is None else access.employer_report_reason(user, report)
    if report is None or reason is None:
        raise NotFound
    _read(user, report.person, report, reason)
    if reason == access.OWNER and report.read_by_person_at is None:
        now = timezone.now()
        EmployerReport.objects.filter(pk=pk, read_by_person_at__isnull=True).update(
            read_by_person_at=now
        )
        report.read_by_person_at = now
    return report


def _locked_own_report(person: User, pk: int) -> EmployerReport:
    """The person's report, its row locked: releases and withdrawals of one report run
    one after the other, whatever arrives at the same moment."""
    report = (
        EmployerReport.objects.select_for_update()
        .select_related("person", "employer")
        .filter(pk=pk, person_id=person.pk)
        .first()
    )
    if report is None or not access.is_person(person):
        raise NotFound
    return report


def release_report(person: User, pk: int) -> EmployerReport:
    """The person lets the employer see this one report, after reading it (gives the
    `employer-report` consent scoped to it). Releasing twice changes nothing."""
    with transaction.atomic():
        report = _locked_own_report(person, pk)
        if report.read_by_person_at is None:
            raise Conflict(_("Read the report first. Then you can decide to share it."))
        consents.give(person, report.employer, EMPLOYER_REPORT, access.report_scope(report))
    return report


def withhold_report(person: User, pk: int) -> EmployerReport:
    """The person withdraws the consent for this one report: the employer no longer
    sees it, from the next request on. Withdrawing twice changes nothing."""
    with transaction.atomic():
        report = _locked_own_report(person, pk)
        scope = access.report_scope(report)
        consent = consents.active_consent(person, report.employer, EMPLOYER_REPORT, scope)
        if consent is not None:
            consents.withdraw(consent, actor=person)
    return report
