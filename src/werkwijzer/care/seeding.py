"""Demo referrals for the demo accounts of the accounts app (skipped when they are missing).

Written straight to the models, so seeding sends no e-mail. The demo person has shared
the employer report with the demo employer (an `employer-report` consent for that one
report, given through
`records.consents`, which audits it). Idempotent: a referral is recognised by its person,
provider and question; an active consent is not given twice.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from werkwijzer.care.models import ConsultationNote, EmployerReport, PersonAdvice, Referral
from werkwijzer.core import access
from werkwijzer.core.seeding import SeedContext
from werkwijzer.records import consents

IN_CARE = "Ik werk als kok en ben snel moe sinds de behandeling. Hoe kan ik weer opbouwen?"
REQUESTED = "Mijn contract loopt af. Ik wil weten welk werk ik straks nog kan doen."
ON_BEHALF = "Patiënte wil graag advies over terugkeer naar werk na de operatie."
DECLINED = "Kan ik een second opinion krijgen over mijn werkplek?"


def _users() -> dict | None:
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in=["demo-persoon", "demo-baco", "demo-kag", "demo-werkgever"]
        )
    }
    if len(users) < 4 or not users["demo-baco"].provider_id or not users["demo-kag"].provider_id:
        return None
    return users


def _referral(person, provider, question, created_by, **fields) -> tuple[Referral, bool]:
    return Referral.objects.get_or_create(
        person=person,
        provider=provider,
        question=question,
        defaults={"created_by": created_by, **fields},
    )


def _in_care(person, baco, employer, now: dt.datetime) -> None:
    """The referral in consultations, with a note, an advice and an employer report."""
    days = dt.timedelta(days=1)
    referral, created = _referral(
        person,
        baco.provider,
        IN_CARE,
        person,
        state="consultations",
        confirmed_by_person_at=now - 30 * days,
        accepted_by=baco,
        accepted_at=now - 28 * days,
        intake_planned_at=now - 28 * days,
        intake_date=now - 21 * days,
        consultations_at=now - 21 * days,
    )
    if created:
        ConsultationNote.objects.create(
            referral=referral,
            author=baco,
            text="Intake gehad. Energie wisselend; wil graag binnen drie maanden terug.",
        )
        PersonAdvice.objects.create(
            referral=referral,
            author=baco,
            text=(
                "Begin met drie ochtenden per week van drie uur. Doe eerst het voorbereidende "
                "werk in de keuken en nog geen drukke diensten. Over vier weken kijken we samen "
                "of u kunt uitbreiden."
            ),
        )
        report = EmployerReport.objects.create(
            referral=referral,
            person=person,
            employer=employer,
            author=baco,
            abilities="Kan drie ochtenden per week drie uur werken, voorbereidend keukenwerk.",
            limitations="Nog geen drukke avonddiensten en geen zwaar tilwerk boven 10 kilo.",
            recommendations="Rustige werkplek en vaste pauzes. Over vier weken opnieuw bekijken.",
            valid_from=timezone.localdate(),
            review_on=timezone.localdate() + 28 * days,
            read_by_person_at=now - 6 * days,
        )
        # The demo person read this report and shared it (each report on its own).
        consents.give(person, employer, "employer-report", access.report_scope(report))


def _waiting_and_declined(person, baco, kag, now: dt.datetime) -> None:
    """A referral requested by the person, one on their behalf and one declined."""
    days = dt.timedelta(days=1)
    _referral(person, kag.provider, REQUESTED, person, confirmed_by_person_at=now - 2 * days)
    _referral(person, baco.provider, ON_BEHALF, kag)  # waits for the person to confirm
    _referral(
        person,
        kag.provider,
        DECLINED,
        person,
        state="declined",
        confirmed_by_person_at=now - 60 * days,
        declined_at=now - 58 * days,
        declined_by=kag,
        decline_reason="Hiervoor kunt u beter bij uw eigen bedrijfsarts terecht.",
    )


def seed(context: SeedContext) -> None:
    users = _users()
    if users is None:
        context.write("care: no demo referrals (the demo accounts are missing)")
        return
    person, baco, kag = users["demo-persoon"], users["demo-baco"], users["demo-kag"]
    employer = users["demo-werkgever"]
    now = timezone.now()
    _in_care(person, baco, employer, now)
    _waiting_and_declined(person, baco, kag, now)
    context.write("care: demo referrals for demo-persoon")
