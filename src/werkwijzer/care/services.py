"""The one place that reads and writes zorgpad data: access checks, audit, notifications.

Views and the API call these functions; none of them reads a referral, note, advice or
the person's work data around them. Every read and write of a person's data is written
to the audit log with the reason access was allowed (`owner`, `referral:<pk>`,
`consent:<pk>`).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from werkwijzer.care import notifications
from werkwijzer.care.models import (
    REFERRAL_KINDS,
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
    State,
    TransitionError,
    available_actions,
    next_state,
)
from werkwijzer.records import audit, consents

EMPLOYER_REPORT = "employer-report"
TREATING_ADVICE = "treating-advice"
VIEW_WORK_DATA = "view-work-data"


class CareError(Exception):
    """A refusal with a clear message for the user (already translated)."""

    def __init__(self, message: str, field: str = "", status: int = 422) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


# --- who is who -------------------------------------------------------------------------


def _role(user: Any) -> str:
    return getattr(user, "role", "") if getattr(user, "is_authenticated", False) else ""


def is_person(user: Any) -> bool:
    return _role(user) == "person"


def is_employer(user: Any) -> bool:
    return _role(user) == "employer"


def is_professional(user: Any) -> bool:
    return _role(user) == "professional"


def works_for_provider(user: Any, referral: Referral) -> bool:
    """A professional whose directory entry is the referral's provider."""
    return (
        is_professional(user)
        and user.provider_id is not None
        and user.provider_id == referral.provider_id
    )


def can_refer_to(provider: Any) -> bool:
    return bool(REFERRAL_KINDS.intersection(provider.kinds)) and provider.active


def actor_kind(user: Any, referral: Referral) -> Actor | None:
    if getattr(user, "pk", None) is not None and user.pk == referral.person_id:
        return Actor.PERSON
    if works_for_provider(user, referral) and referral.is_confirmed:
        return Actor.PROFESSIONAL
    return None


def access_reason(user: Any, referral: Referral) -> str | None:
    """Why `user` may see this referral (the audit reason), or None."""
    kind = actor_kind(user, referral)
    if kind is Actor.PERSON:
        return "owner"
    if kind is Actor.PROFESSIONAL:
        return f"referral:{referral.pk}"
    return None


# --- listing and reading ----------------------------------------------------------------


def referrals_for_person(person: Any):
    return Referral.objects.filter(person_id=person.pk).select_related("provider")


def worklist(professional: Any):
    """Referrals to the professional's provider that the person has confirmed."""
    if not is_professional(professional) or professional.provider_id is None:
        return Referral.objects.none()
    return (
        Referral.objects.filter(provider_id=professional.provider_id)
        .confirmed()
        .select_related("provider", "person", "accepted_by")
    )


def audited_listing(user: Any, referrals) -> list[Referral]:
    """A list of referrals as `user` reads it: one audit event per referral shown."""
    listed = list(referrals)
    for referral in listed:
        reason = access_reason(user, referral)
        if reason is None:  # never list what the user may not see
            raise Http404
        audit.record(
            actor=user, subject=referral.person, action="read", resource=referral, reason=reason
        )
    return listed


def get_referral(user: Any, pk: int, *, audit_read: bool = True) -> Referral:
    """The referral if `user` may see it (audited); Http404 otherwise (no hint it exists)."""
    referral = Referral.objects.select_related("provider", "person", "accepted_by").filter(pk=pk)
    referral = referral.first()
    if referral is None:
        raise Http404
    reason = access_reason(user, referral)
    if reason is None:
        raise Http404
    if audit_read:
        audit.record(
            actor=user, subject=referral.person, action="read", resource=referral, reason=reason
        )
    return referral


def work_data_for(user: Any, referral: Referral):
    """The person's work data as a professional sees it through an open referral (audited).

    None when there is none, or when the referral is no longer open and the person gave
    no `view-work-data` consent."""
    from werkwijzer.records.models import WorkData

    work_data = WorkData.objects.filter(user_id=referral.person_id).first()
    if work_data is None:
        return None
    if user.pk == referral.person_id:
        reason = "owner"
    elif works_for_provider(user, referral) and referral.is_confirmed and referral.is_open:
        reason = f"referral:{referral.pk}"
    else:
        consent = consents.active_consent(referral.person, user, VIEW_WORK_DATA)
        if consent is None:
            return None
        reason = f"consent:{consent.pk}"
    audit.record(
        actor=user, subject=referral.person, action="read", resource=work_data, reason=reason
    )
    return work_data


def actions_for(user: Any, referral: Referral) -> list[Action]:
    kind = actor_kind(user, referral)
    if kind is None:
        return []
    actions = available_actions(referral.state, kind)
    if kind is Actor.PROFESSIONAL and referral.accepted_by_id not in (None, user.pk):
        return []  # after acceptance the accepting professional carries the referral
    return actions


def notes_for(user: Any, referral: Referral) -> list[ConsultationNote]:
    """Notes: for professionals of the provider only, never for the person or an employer."""
    if actor_kind(user, referral) is not Actor.PROFESSIONAL:
        return []
    notes = list(referral.notes.select_related("author"))
    if notes:
        audit.record(
            actor=user,
            subject=referral.person,
            action="read",
            resource=f"care.ConsultationNote:referral-{referral.pk}",
            reason=f"referral:{referral.pk}",
        )
    return notes


def get_person_advice(user: Any, pk: int) -> PersonAdvice:
    advice = PersonAdvice.objects.select_related("referral", "referral__provider").filter(pk=pk)
    advice = advice.first()
    if advice is None:
        raise Http404
    reason = access_reason(user, advice.referral)
    if reason is None:
        raise Http404
    audit.record(
        actor=user, subject=advice.referral.person, action="read", resource=advice, reason=reason
    )
    return advice


# --- starting a referral ----------------------------------------------------------------


def create_referral(
    *, actor: Any, provider: Any, question: str, person_email: str = ""
) -> Referral:
    """A referral by the person, or by a professional for a person (who then confirms)."""
    question = (question or "").strip()
    if not can_refer_to(provider):
        raise CareError(_("You can only refer to a BACO or KAG."), field="provider")
    if not question:
        raise CareError(_("Write your question in a few words."), field="question")
    if len(question) > 4000:
        raise CareError(_("Your question is too long (at most 4000 characters)."), "question")
    if is_person(actor):
        person = actor
    elif is_professional(actor):
        email = (person_email or "").strip()
        person = (
            get_user_model()
            .objects.filter(email__iexact=email, role="person", is_active=True)
            .first()
            if email
            else None
        )
        if person is None:
            raise CareError(
                _("There is no person with a Werkwijzer account with this e-mail address."),
                field="person_email",
            )
    else:
        raise CareError(
            _("Only a person or a professional can make a referral."), field="", status=403
        )
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


def confirm(person: Any, pk: int) -> Referral:
    """The person confirms a referral a professional made for them."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().filter(pk=pk, person_id=person.pk).first()
        if referral is None:
            raise Http404
        if referral.is_confirmed:
            return referral
        if referral.state != State.REQUESTED:
            raise CareError(_("This referral can no longer be confirmed."))
        referral.confirmed_by_person_at = timezone.now()
        referral.save(update_fields=["confirmed_by_person_at", "updated_at"])
        audit.record(
            actor=person, subject=person, action="update", resource=referral, reason="owner"
        )
        notifications.changed(referral)
    return referral


# --- transitions ------------------------------------------------------------------------


def transition(
    user: Any, pk: int, action: str, *, reason: str = "", intake_date: Any = None
) -> Referral:
    """Move a referral on; atomic, with the referral row locked (one professional wins)."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().filter(pk=pk).first()
        if referral is None:
            raise Http404
        kind = actor_kind(user, referral)
        if kind is None:
            raise Http404
        if action == Action.ACCEPT and referral.accepted_by_id is not None:
            if referral.accepted_by_id == user.pk:
                raise CareError(_("You have already accepted this referral."), status=409)
            raise CareError(
                _("This referral has already been accepted by a colleague."), status=409
            )
        if (
            kind is Actor.PROFESSIONAL
            and action != Action.ACCEPT
            and referral.accepted_by_id not in (None, user.pk)
        ):
            raise CareError(
                _("A colleague has accepted this referral; only they can change it."), status=403
            )
        try:
            target = next_state(referral.state, action, kind)
        except TransitionError as error:
            if error.code == "unknown":
                raise CareError(_("This step does not exist."), field="action") from error
            if error.code == "not-allowed":
                raise CareError(_("You may not take this step."), status=403) from error
            raise CareError(
                _("This step is not possible now. The referral is: %(state)s.")
                % {"state": referral.state_label},
                status=409,
            ) from error
        fields = ["state", "updated_at"]
        if action == Action.DECLINE:
            reason = (reason or "").strip()
            if not reason:
                raise CareError(_("Give a reason for declining."), field="reason")
            referral.decline_reason = reason[:2000]
            fields.append("decline_reason")
        if action == Action.PLAN_INTAKE:
            if intake_date is None:
                raise CareError(_("Choose a date and time for the intake."), field="intake_date")
            referral.intake_date = intake_date
            fields.append("intake_date")
        if action == Action.ACCEPT:
            referral.accepted_by = user
            fields.append("accepted_by")
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


def _carrying_professional(user: Any, pk: int) -> Referral:
    """The referral, for the professional who accepted it, while it is in care."""
    referral = Referral.objects.select_related("person").filter(pk=pk).first()
    if referral is None or actor_kind(user, referral) is not Actor.PROFESSIONAL:
        raise Http404
    if referral.accepted_by_id != user.pk:
        raise CareError(_("Only the professional who accepted this referral can do this."), "", 403)
    if not referral.is_open:
        raise CareError(_("This referral is closed."), status=409)
    return referral


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise CareError(_("This field is required."), field=field)
    if len(value) > 10000:
        raise CareError(_("This text is too long (at most 10000 characters)."), field=field)
    return value


def _write(user: Any, referral: Referral, obj: Any) -> None:
    audit.record(
        actor=user,
        subject=referral.person,
        action="create",
        resource=obj,
        reason=f"referral:{referral.pk}",
    )


def add_note(user: Any, pk: int, text: str) -> ConsultationNote:
    referral = _carrying_professional(user, pk)
    with transaction.atomic():
        note = ConsultationNote.objects.create(
            referral=referral, author=user, text=_text(text, "text")
        )
        _write(user, referral, note)
    return note


def add_person_advice(user: Any, pk: int, text: str) -> PersonAdvice:
    referral = _carrying_professional(user, pk)
    with transaction.atomic():
        advice = PersonAdvice.objects.create(
            referral=referral, author=user, text=_text(text, "text")
        )
        _write(user, referral, advice)
        notifications.changed(referral)
    return advice


def _user_by_email(email: str, role: str, field: str, message: str) -> Any:
    email = (email or "").strip()
    found = (
        get_user_model().objects.filter(email__iexact=email, role=role, is_active=True).first()
        if email
        else None
    )
    if found is None:
        raise CareError(message, field=field)
    return found


def add_treating_advice(user: Any, pk: int, recipient_email: str, text: str) -> TreatingAdvice:
    referral = _carrying_professional(user, pk)
    recipient = _user_by_email(
        recipient_email,
        "professional",
        "recipient_email",
        _("There is no professional with a Werkwijzer account with this e-mail address."),
    )
    consent = consents.active_consent(referral.person, recipient, TREATING_ADVICE)
    if consent is None:
        raise CareError(
            _("The person has not given consent to send advice to this professional."),
            field="recipient_email",
            status=403,
        )
    with transaction.atomic():
        advice = TreatingAdvice.objects.create(
            referral=referral, author=user, recipient=recipient, text=_text(text, "text")
        )
        _write(user, referral, advice)
    return advice


def treating_advice_for(recipient: Any) -> list[TreatingAdvice]:
    """Advice sent to this treating professional, while the person's consent lasts."""
    result = []
    for advice in TreatingAdvice.objects.filter(recipient_id=recipient.pk).select_related(
        "referral__person", "author"
    ):
        consent = consents.active_consent(advice.referral.person, recipient, TREATING_ADVICE)
        if consent is None:
            continue
        audit.record(
            actor=recipient,
            subject=advice.referral.person,
            action="read",
            resource=advice,
            reason=f"consent:{consent.pk}",
        )
        result.append(advice)
    return result


def add_employer_report(
    user: Any,
    pk: int,
    *,
    employer_email: str,
    abilities: str,
    limitations: str,
    recommendations: str,
    valid_from: Any,
    review_on: Any = None,
) -> EmployerReport:
    referral = _carrying_professional(user, pk)
    employer = _user_by_email(
        employer_email,
        "employer",
        "employer_email",
        _("There is no employer with a Werkwijzer account with this e-mail address."),
    )
    if valid_from is None:
        raise CareError(_("This field is required."), field="valid_from")
    if review_on is not None and review_on < valid_from:
        raise CareError(_("The review date cannot be before the start date."), "review_on")
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


# --- employer reports: released with consent --------------------------------------------


def is_released(report: EmployerReport) -> bool:
    return consents.allows(report.person, report.employer, EMPLOYER_REPORT)


def released_reports(employer: Any) -> list[EmployerReport]:
    """The reports whose person gave this employer `employer-report` consent (audited)."""
    if not is_employer(employer):
        return []
    result = []
    for report in EmployerReport.objects.filter(employer_id=employer.pk).select_related("person"):
        consent = consents.active_consent(report.person, employer, EMPLOYER_REPORT)
        if consent is None:
            continue
        audit.record(
            actor=employer,
            subject=report.person,
            action="read",
            resource=report,
            reason=f"consent:{consent.pk}",
        )
        result.append(report)
    return result


def get_employer_report(user: Any, pk: int) -> EmployerReport:
    """One report for its employer (with consent), its person or the provider's professional."""
    report = EmployerReport.objects.select_related("person", "referral").filter(pk=pk).first()
    if report is None:
        raise Http404
    if is_employer(user) and report.employer_id == user.pk:
        consent = consents.active_consent(report.person, user, EMPLOYER_REPORT)
        if consent is None:
            raise Http404
        reason = f"consent:{consent.pk}"
    else:
        reason = access_reason(user, report.referral)
        if reason is None:
            raise Http404
    audit.record(actor=user, subject=report.person, action="read", resource=report, reason=reason)
    return report


def release_report(person: Any, pk: int) -> EmployerReport:
    """The person lets the employer see this report (gives `employer-report` consent)."""
    report = EmployerReport.objects.filter(pk=pk, person_id=person.pk).first()
    if report is None:
        raise Http404
    consents.give(person, report.employer, EMPLOYER_REPORT)
    return report


def withhold_report(person: Any, pk: int) -> EmployerReport:
    """The person withdraws the employer's `employer-report` consent."""
    report = EmployerReport.objects.filter(pk=pk, person_id=person.pk).first()
    if report is None:
        raise Http404
    consent = consents.active_consent(person, report.employer, EMPLOYER_REPORT)
    if consent is not None:
        consents.withdraw(consent, actor=person)
    return report
