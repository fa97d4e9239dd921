"""Migration 0004 re-seals the chain written before the key, as far as it verifies."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from werkwijzer.accounts.testing import make_user
from werkwijzer.records import audit
from werkwijzer.records.models import AuditEvent
from werkwijzer.records.tests.tampering import tamper

pytestmark = pytest.mark.django_db

RESEAL = "0004_audit_key_and_reseal"
migration = importlib.import_module(f"werkwijzer.records.migrations.{RESEAL}")


def _old_chain(count: int) -> None:
    """Events as written before the key: plain SHA-256 and no key id."""
    person = make_user("person")
    for _ in range(count):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    previous = audit.GENESIS_HASH
    for event in AuditEvent.objects.order_by("sequence"):
        old_hash = migration._old_hash(previous, event)
        tamper(
            "UPDATE records_auditevent SET previous_hash = %s, hash = %s, key_id = '' "
            "WHERE id = %s",
            [previous, old_hash, event.pk],
        )
        previous = old_hash
    tamper("UPDATE records_auditchainhead SET last_hash = %s WHERE id = 1", [previous])


def _reseal(capsys) -> str:
    # The models as the migration sees them: without the append-only queryset.
    state = MigrationLoader(connection).project_state(("records", RESEAL))
    editor = type("SchemaEditor", (), {"connection": connection})()
    if connection.vendor == "postgresql":
        # `migrate` drops the old trigger first; here the owner's switch stands in for that.
        with connection.cursor() as cursor:
            cursor.execute("SET werkwijzer.audit_maintenance = 'on'")
    try:
        migration.reseal(state.apps, editor)
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("RESET werkwijzer.audit_maintenance")
    return capsys.readouterr().out


def test_an_intact_old_chain_is_resealed_with_the_current_key(capsys):
    _old_chain(3)
    assert not audit.verify_chain().ok  # plain SHA-256 is no longer accepted
    output = _reseal(capsys)
    assert audit.verify_chain().ok
    assert set(AuditEvent.objects.values_list("key_id", flat=True)) == {"development"}
    assert "re-sealed 3 events with key 'development'" in output


def test_a_break_in_the_old_chain_stays_visible(capsys):
    _old_chain(4)
    tamper("UPDATE records_auditevent SET reason = 'consent:9' WHERE sequence = 3")
    assert "re-sealed 2 events" in _reseal(capsys)
    result = audit.verify_chain()
    assert (result.ok, result.broken_sequence) == (False, 3)
