"""PostgreSQL itself refuses to empty or change the audit log (migration 0005), also to its
owner and a superuser unless they switch on maintenance, and the app's role may only
SELECT and INSERT. The tests connect as the superuser `postgres`, which is the worst case
for the triggers: privileges do not stop a superuser, only the triggers do."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from werkwijzer.accounts.testing import make_user
from werkwijzer.records import audit
from werkwijzer.records.models import AuditChainHead, AuditEvent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL triggers"),
]


def _refused(sql: str, params: list | None = None) -> str:
    """Run `sql`, expect the database to refuse it; return its message."""
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as cur:
        cur.execute(sql, params)
    return str(error.value)


def _events(count: int) -> None:
    person = make_user("person")
    for _ in range(count):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    with connection.cursor() as cursor:
        # Check the deferred foreign keys now: PostgreSQL refuses TRUNCATE while checks are
        # pending, before any trigger runs, which would hide what the trigger does.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_truncate_is_refused():
    _events(2)
    for table in ("records_auditevent", "records_auditchainhead"):
        assert "append-only: TRUNCATE refused" in _refused(f"TRUNCATE {table} CASCADE")
    assert AuditEvent.objects.count() == 2


def test_delete_and_update_of_events_are_refused():
    _events(2)
    assert "DELETE refused" in _refused("DELETE FROM records_auditevent")
    assert "UPDATE refused" in _refused("UPDATE records_auditevent SET reason = 'consent:9'")
    assert AuditEvent.objects.filter(reason="owner").count() == 2


def test_chain_head_only_moves_forward():
    _events(3)
    for sql in (
        "UPDATE records_auditchainhead SET last_sequence = 2",
        "UPDATE records_auditchainhead SET last_hash = 'x'",  # the same counter
        "DELETE FROM records_auditchainhead",
    ):
        assert "only moves forward" in _refused(sql)
    _events(1)  # an append still moves it
    assert AuditChainHead.objects.get().last_sequence == 4
    assert audit.verify_chain().ok


def test_replication_mode_does_not_skip_the_triggers():
    # The old trigger could be skipped with session_replication_role; these are ALWAYS.
    _events(1)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
    try:
        assert "DELETE refused" in _refused("DELETE FROM records_auditevent")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")


@contextmanager
def _as_role(*grants: str) -> Iterator[str]:
    """Act as a new login-less role with `grants` ("{role}" is its name), as an app would."""
    role = f"ww_audit_test_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")  # rolled back with the test
        for grant in grants:
            cursor.execute(grant.format(role=role))
        cursor.execute(f"SET ROLE {role}")
    try:
        yield role
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def test_migration_gives_the_audit_tables_their_own_owner():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, tableowner FROM pg_tables WHERE tablename IN "
            "('records_auditevent', 'records_auditchainhead') ORDER BY tablename"
        )
        owners = cursor.fetchall()
    assert owners == [
        ("records_auditchainhead", "werkwijzer_audit_owner"),
        ("records_auditevent", "werkwijzer_audit_owner"),
    ]


def test_the_app_role_may_only_insert_and_select():
    person = make_user("person")
    with _as_role("GRANT werkwijzer_audit_writer TO {role}"):
        event = audit.record(
            actor=person, subject=person, action="read", resource="x:1", reason="owner"
        )
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the foreign keys, checked now
        assert AuditEvent.objects.filter(pk=event.pk).exists()
        for sql in (
            "UPDATE records_auditevent SET reason = 'x'",
            "DELETE FROM records_auditevent",
            "TRUNCATE records_auditevent",
            "DELETE FROM records_auditchainhead",
        ):
            assert "permission denied" in _refused(sql)


def test_the_maintenance_switch_needs_the_owner():
    # A wrongly granted app role (DELETE and UPDATE on the table) that knows the switch.
    _events(1)
    grant = "GRANT SELECT, UPDATE, DELETE, TRUNCATE ON records_auditevent TO {role}"
    with _as_role(grant):
        with connection.cursor() as cursor:
            cursor.execute("SET werkwijzer.audit_maintenance = 'on'")
        try:
            assert "DELETE refused" in _refused("DELETE FROM records_auditevent")
            assert "TRUNCATE refused" in _refused("TRUNCATE records_auditevent")
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET werkwijzer.audit_maintenance")
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_log_and_switches_maintenance_off_again():
    # How Django's test framework empties the database between transactional tests.
    _events(2)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    assert "TRUNCATE refused" in _refused("TRUNCATE records_auditevent")
