"""Service layer: referrals, transitions, access, audit and e-mail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from werkwijzer.care import services
from werkwijzer.care.models import EmployerReport, Referral
from werkwijzer.core.errors import NotFound, Refusal
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.records import consents
from werkwijzer.records.models import AuditEvent, WorkData

QUESTION = "Ik ben erg moe na de chemo en wil terug naar mijn werk."


def make_referral(person, provider, **kwargs) -> Referral:
    return services.create_referral(actor=person, provider=provider, question=QUESTION, **kwargs)


def advance(referral, baco, *, to="consultations"):
    services.transition(baco, referral.pk, "accept")
    if to == "accepted":
        return Referral.objects.get(pk=referral.pk)
    services.transition(baco, referral.pk, "plan-intake", intake_date=timezone.now())
    if to == "intake-planned":
        return Referral.objects.get(pk=referral.pk)
    services.transition(baco, referral.pk, "start-consultations")
    return Referral.objects.get(pk=referral.pk)


def test_person_refers_self_and_everybody_is_mailed_without_medical_content(
    person, baco, colleague, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = make_referral(person, provider)
    assert referral.state == "requested" and referral.is_confirmed
    assert referral.created_by == person
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([person.email, baco.email, colleague.email])
    for message in mail.outbox:
        assert "chemo" not in message.body and "moe" not in message.body
        assert provider.name not in message.body + message.subject
        assert "http://127.0.0.1:8000/zorgpad/" in message.body
        assert message.subject == "Werkwijzer: er is iets veranderd"
    assert AuditEvent.objects.filter(
        action="create", resource=f"care.Referral:{referral.pk}"
    ).exists()


def test_every_state_change_mails_again_without_notes(
    person, baco, provider, django_capture_on_commit_callbacks
):
    referral = make_referral(person, provider)
    with django_capture_on_commit_callbacks(execute=True):
        referral = advance(referral, baco)
        services.add_note(baco, referral.pk, "Vermoeidheid na chemo, slaapt slecht")
        services.transition(baco, referral.pk, "give-advice")
    assert len(mail.outbox) == 4 * 2  # accept, intake, consultations, advice; person + baco
    for message in mail.outbox:
        assert "slaapt" not in message.body
        assert "chemo" not in message.body


def test_only_baco_or_kag(person, db):
    physio = ProviderFactory(kinds=["fysiotherapeut-oncologie"])
    with pytest.raises(Refusal):
        make_referral(person, physio)


def test_empty_question_refused(person, provider):
    with pytest.raises(Refusal) as caught:
        services.create_referral(actor=person, provider=provider, question="   ")
    assert caught.value.field == "question"


def test_professional_refers_on_behalf_and_person_confirms(person, baco, outsider, provider):
    referral = services.create_referral(
        actor=outsider, provider=provider, question=QUESTION, person_email=person.email.upper()
    )
    assert referral.person == person and not referral.is_confirmed
    # The provider does not see it before the person confirms.
    assert list(services.worklist(baco)) == []
    with pytest.raises(NotFound):
        services.get_referral(baco, referral.pk)
    with pytest.raises(NotFound):
        services.transition(baco, referral.pk, "accept")
    services.confirm(person, referral.pk)
    assert list(services.worklist(baco)) == [Referral.objects.get(pk=referral.pk)]
    event = AuditEvent.objects.get(action="create", resource=f"care.Referral:{referral.pk}")
    assert event.on_behalf_of_id == person.pk


def test_on_behalf_needs_a_person_account(outsider, provider):
    with pytest.raises(Refusal) as caught:
        services.create_referral(
            actor=outsider, provider=provider, question=QUESTION, person_email="nobody@x.nl"
        )
    assert caught.value.field == "person_email"


def test_other_person_cannot_confirm(person, outsider, provider, db):
    from werkwijzer.accounts.testing import make_user

    referral = services.create_referral(
        actor=outsider, provider=provider, question=QUESTION, person_email=person.email
    )
    with pytest.raises(NotFound):
        services.confirm(make_user("person"), referral.pk)


def test_full_path_sets_timestamps(person, baco, provider):
    referral = advance(make_referral(person, provider), baco)
    services.transition(baco, referral.pk, "give-advice")
    referral = services.transition(baco, referral.pk, "close")
    assert referral.state == "closed"
    for field in (
        "accepted_at",
        "intake_planned_at",
        "consultations_at",
        "advice_given_at",
        "closed_at",
    ):
        assert getattr(referral, field) is not None
    assert referral.accepted_by == baco


def test_decline_needs_reason(person, baco, provider):
    referral = make_referral(person, provider)
    with pytest.raises(Refusal):
        services.transition(baco, referral.pk, "decline", reason=" ")
    referral = services.transition(baco, referral.pk, "decline", reason="Geen plek tot maart")
    assert referral.state == "declined" and referral.decline_reason == "Geen plek tot maart"
    assert referral.declined_at is not None


def test_plan_intake_needs_date(person, baco, provider):
    referral = advance(make_referral(person, provider), baco, to="accepted")
    with pytest.raises(Refusal):
        services.transition(baco, referral.pk, "plan-intake")


def test_second_accept_gets_clear_message(person, baco, colleague, provider):
    referral = make_referral(person, provider)
    services.transition(baco, referral.pk, "accept")
    with pytest.raises(Refusal) as caught:
        services.transition(colleague, referral.pk, "accept")
    assert str(caught.value.message) == "Deze verwijzing is al geaccepteerd door een collega."


def test_colleague_cannot_carry_on_after_accept(person, baco, colleague, provider):
    """After acceptance the referral is the accepting professional's alone: a colleague
    at the same practice no longer finds it at all (issue 18)."""
    referral = advance(make_referral(person, provider), baco, to="accepted")
    with pytest.raises(NotFound):
        services.transition(colleague, referral.pk, "plan-intake", intake_date=timezone.now())
    with pytest.raises(NotFound):
        services.add_note(colleague, referral.pk, "x")
    with pytest.raises(NotFound):
        services.get_referral(colleague, referral.pk)
    assert list(services.worklist(colleague)) == []


def test_person_withdraws_but_cannot_accept(person, baco, provider):
    referral = make_referral(person, provider)
    with pytest.raises(Refusal):
        services.transition(person, referral.pk, "accept")
    referral = services.transition(person, referral.pk, "withdraw")
    assert referral.state == "withdrawn"
    with pytest.raises(NotFound):  # withdrawn: the BACO no longer sees it
        services.transition(baco, referral.pk, "accept")


def test_professional_of_other_provider_sees_nothing(person, outsider, provider):
    referral = make_referral(person, provider)
    with pytest.raises(NotFound):
        services.get_referral(outsider, referral.pk)
    with pytest.raises(NotFound):
        services.transition(outsider, referral.pk, "accept")
    assert list(services.worklist(outsider)) == []


def test_work_data_through_open_referral_only_and_audited(person, baco, provider):
    WorkData.objects.create(user=person, occupation="Bakker", work_ability=5)
    referral = advance(make_referral(person, provider), baco)
    work_data = services.work_data_for(baco, referral)
    assert work_data.occupation == "Bakker"
    event = AuditEvent.objects.filter(resource=f"records.WorkData:{work_data.pk}").last()
    assert event.actor_id == baco.pk and event.reason == f"referral:{referral.pk}"
    assert event.subject_id == person.pk and event.action == "read"
    services.transition(person, referral.pk, "withdraw")
    referral.refresh_from_db()
    assert services.work_data_for(baco, referral) is None
    # With a view-work-data consent it is visible again, with the consent as reason.
    consent = consents.give(person, baco, "view-work-data")
    assert services.work_data_for(baco, referral) is not None
    assert AuditEvent.objects.filter(reason=f"consent:{consent.pk}").exists()


def test_work_data_consent_counts_only_for_a_professional(person, baco, employer, provider):
    """The bug of issue 14: care accepted a view-work-data consent from any role, records
    only from a professional. Both now ask core.access, which follows the security model
    (a professional through a referral or a consent; never an employer)."""
    WorkData.objects.create(user=person, occupation="Bakker")
    referral = advance(make_referral(person, provider), baco)
    consents.give(person, employer, "view-work-data")  # the consent page refuses this
    assert services.work_data_for(employer, referral) is None
    assert not AuditEvent.objects.filter(actor=employer).exists()
    # A consent given to a professional stops counting once the account is no longer one.
    services.transition(person, referral.pk, "withdraw")
    referral.refresh_from_db()
    consents.give(person, baco, "view-work-data")
    assert services.work_data_for(baco, referral) is not None
    baco.role = "employer"
    baco.save(update_fields=["role"])
    assert services.work_data_for(baco, referral) is None


def test_person_reads_notes_except_personal_work_notes(person, baco, provider, employer):
    referral = advance(make_referral(person, provider), baco)
    services.add_note(baco, referral.pk, "Besproken: opbouw in uren")
    services.add_note(baco, referral.pk, "Eigen gedachte", personal=True)
    assert [n.text for n in services.notes_for(person, referral)] == ["Besproken: opbouw in uren"]
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event.actor_id == person.pk and event.reason == "owner"
    assert [n.text for n in services.notes_for(baco, referral)] == [
        "Besproken: opbouw in uren",
        "Eigen gedachte",
    ]
    assert services.notes_for(employer, referral) == []


def test_treating_advice_needs_consent(person, baco, provider, outsider):
    referral = advance(make_referral(person, provider), baco)
    with pytest.raises(Refusal):
        services.add_treating_advice(baco, referral.pk, outsider.email, "Advies")
    consent = consents.give(person, outsider, "treating-advice")
    services.add_treating_advice(baco, referral.pk, outsider.email, "Advies")
    assert [a.text for a in services.treating_advice_for(outsider)] == ["Advies"]
    consents.withdraw(consent, actor=person)
    assert services.treating_advice_for(outsider) == []


def test_employer_report_released_only_with_consent(person, baco, employer, provider):
    referral = advance(make_referral(person, provider), baco)
    report = services.add_employer_report(
        baco,
        referral.pk,
        employer_email=employer.email,
        abilities="Kan 4 uur per dag werken",
        limitations="Geen zwaar tilwerk",
        recommendations="Rustige werkplek",
        valid_from=dt.date(2026, 12, 1),
        review_on=dt.date(2027, 2, 1),
    )
    assert services.released_reports(employer) == []
    with pytest.raises(NotFound):
        services.get_employer_report(employer, report.pk)
    with pytest.raises(Refusal):  # not read yet: cannot be released
        services.release_report(person, report.pk)
    services.get_employer_report(person, report.pk)  # the person reads it
    services.release_report(person, report.pk)
    assert services.released_reports(employer) == [report]
    assert services.get_employer_report(employer, report.pk) == report
    services.withhold_report(person, report.pk)
    assert services.released_reports(employer) == []
    with pytest.raises(NotFound):
        services.get_employer_report(employer, report.pk)


def test_employer_report_review_date_order(person, baco, employer, provider):
    referral = advance(make_referral(person, provider), baco)
    with pytest.raises(Refusal):
        services.add_employer_report(
            baco,
            referral.pk,
            employer_email=employer.email,
            abilities="a",
            limitations="b",
            recommendations="c",
            valid_from=dt.date(2026, 12, 1),
            review_on=dt.date(2026, 1, 1),
        )
    with pytest.raises(Refusal):
        services.add_employer_report(
            baco,
            referral.pk,
            employer_email=person.email,
            abilities="a",
            limitations="b",
            recommendations="c",
            valid_from=dt.date(2026, 12, 1),
        )
    assert EmployerReport.objects.count() == 0


def test_reads_are_audited(person, baco, provider):
    referral = make_referral(person, provider)
    services.get_referral(baco, referral.pk)
    services.get_referral(person, referral.pk)
    reasons = set(
        AuditEvent.objects.filter(
            action="read", resource=f"care.Referral:{referral.pk}"
        ).values_list("reason", flat=True)
    )
    assert reasons == {"owner", f"referral:{referral.pk}"}


def test_listings_are_audited(person, baco, provider):
    referral = make_referral(person, provider)
    services.audited_listing(baco, services.worklist(baco))
    assert AuditEvent.objects.filter(
        actor=baco, action="read", resource=f"care.Referral:{referral.pk}"
    ).exists()
