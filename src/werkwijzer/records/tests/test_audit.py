import pytest
from django.contrib.auth import get_user_model

from werkwijzer.records import audit
from werkwijzer.records.models import AppendOnlyError, AuditEvent, Consent
from werkwijzer.records.tests.tampering import tamper

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return get_user_model().objects.create_user("anna", "anna@example.org", "x", role="person")


@pytest.fixture
def professional():
    return get_user_model().objects.create_user(
        "bas", "bas@example.org", "x", role="professional", profession="baco"
    )


def test_record_writes_who_what_whose_and_why(person, professional):
    event = audit.record(
        actor=professional,
        subject=person,
        action="read",
        resource="records.WorkData:7",
        reason="consent:3",
        on_behalf_of=person,
    )
    assert event.sequence == 1
    assert event.actor_role == "professional"
    assert event.actor_profession == "baco"
    assert event.subject == person
    assert event.on_behalf_of == person
    assert event.previous_hash == audit.GENESIS_HASH
    assert len(event.hash) == 64


def test_resource_label_from_a_model_instance(person):
    consent = Consent.objects.create(owner=person, purpose="research")
    event = audit.record(
        actor=person, subject=person, action="create", resource=consent, reason="owner"
    )
    assert event.resource == f"records.Consent:{consent.pk}"


def test_chain_links_each_event_to_the_previous(person):
    first = audit.record(
        actor=person, subject=person, action="read", resource="x:1", reason="owner"
    )
    second = audit.record(
        actor=person, subject=person, action="read", resource="x:1", reason="owner"
    )
    assert second.previous_hash == first.hash
    assert second.sequence == first.sequence + 1
    assert audit.verify().intact


def test_hash_content_holds_no_personal_data(person):
    event = audit.record(
        actor=person, subject=person, action="read", resource="x:1", reason="owner"
    )
    content = audit.canonical_content(event)
    assert "anna" not in content
    assert "example.org" not in content


def test_unknown_action_or_missing_reason_is_refused(person):
    with pytest.raises(ValueError):
        audit.record(actor=person, subject=person, action="peek", resource="x:1", reason="owner")
    with pytest.raises(ValueError):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="")


def test_model_refuses_update_and_delete(person):
    event = audit.record(
        actor=person, subject=person, action="read", resource="x:1", reason="owner"
    )
    event.reason = "something else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_verify_finds_the_first_tampered_event(person):
    for _ in range(4):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    tamper("UPDATE records_auditevent SET reason = %s WHERE sequence = %s", ["consent:99", 3])
    result = audit.verify()
    assert not result.intact
    assert result.broken_sequence == 3


def test_verify_finds_a_removed_event(person):
    for _ in range(3):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    tamper("DELETE FROM records_auditevent WHERE sequence = %s", [2])
    result = audit.verify()
    assert not result.intact
    assert result.broken_sequence == 2


def test_verify_finds_a_removed_last_event(person):
    for _ in range(3):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    tamper("DELETE FROM records_auditevent WHERE sequence = %s", [3])
    result = audit.verify()
    assert not result.intact
    assert result.broken_sequence == 3


def test_admin_is_read_only(rf):
    from django.contrib.admin.sites import site

    from werkwijzer.records.admin import AuditEventAdmin

    admin = AuditEventAdmin(AuditEvent, site)
    request = rf.get("/")
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
