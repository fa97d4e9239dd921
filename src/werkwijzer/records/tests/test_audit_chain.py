"""The keyed chain and its anchors against the attacks of issue 12 section 5. These run on
SQLite and on PostgreSQL; the database's own refusals are in test_audit_database.py."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from werkwijzer.records import anchor, audit
from werkwijzer.records.models import AuditChainHead, AuditEvent
from werkwijzer.records.tests.tampering import tamper

pytestmark = pytest.mark.django_db

OLD_KEY = ("2025", "the-key-of-last-year-0123456789")
NEW_KEY = ("2026", "the-key-of-this-year-9876543210")


@pytest.fixture
def anchor_path(settings, tmp_path):
    path = tmp_path / "anchors" / "audit-anchor.jsonl"
    settings.WERKWIJZER_AUDIT_ANCHOR_FILE = str(path)
    return path


def _events(person, count: int) -> list[AuditEvent]:
    return [
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
        for _ in range(count)
    ]


def _plain_sha_chain_from(sequence: int) -> None:
    """What an attacker with SQL but without the key can do: change an event and recompute
    the chain from there with plain SHA-256 (the old scheme), head included."""
    tamper(
        "UPDATE records_auditevent SET reason = %s WHERE sequence = %s", ["consent:99", sequence]
    )
    previous = AuditEvent.objects.get(sequence=sequence - 1).hash
    for event in AuditEvent.objects.filter(sequence__gte=sequence).order_by("sequence"):
        content = audit.canonical_content(event)
        new_hash = hashlib.sha256((previous + content).encode()).hexdigest()
        tamper(
            "UPDATE records_auditevent SET previous_hash = %s, hash = %s WHERE id = %s",
            [previous, new_hash, event.pk],
        )
        previous = new_hash
    tamper("UPDATE records_auditchainhead SET last_hash = %s WHERE id = 1", [previous])


def test_hash_is_an_hmac_with_the_current_key(person, settings):
    settings.WERKWIJZER_AUDIT_KEYS = [NEW_KEY]
    event = _events(person, 1)[0]
    assert event.key_id == "2026"
    assert event.hash == audit.compute_hash(audit.GENESIS_HASH, event, NEW_KEY[1])
    assert event.hash != audit.compute_hash(audit.GENESIS_HASH, event, OLD_KEY[1])


def test_recomputing_the_chain_without_the_key_is_detected(person):
    _events(person, 4)
    _plain_sha_chain_from(2)
    result = audit.verify_chain()
    assert not result.ok
    assert result.broken_sequence == 2
    assert result.problem == "content does not match hash"


def test_claiming_another_key_is_detected(person):
    _events(person, 3)
    tamper("UPDATE records_auditevent SET key_id = '' WHERE sequence = 2")
    result = audit.verify_chain()
    assert (result.ok, result.broken_sequence) == (False, 2)
    assert result.problem == "unknown key id ''"


def test_key_rotation_verifies_old_and_new_events(person, settings):
    settings.WERKWIJZER_AUDIT_KEYS = [OLD_KEY]
    _events(person, 2)
    settings.WERKWIJZER_AUDIT_KEYS = [OLD_KEY, NEW_KEY]  # step 1: known, not yet sealing
    _events(person, 1)
    settings.WERKWIJZER_AUDIT_KEYS = [NEW_KEY, OLD_KEY]  # step 2: the new key seals
    _events(person, 2)
    keys = list(AuditEvent.objects.order_by("sequence").values_list("key_id", flat=True))
    assert keys == ["2025", "2025", "2025", "2026", "2026"]
    assert audit.verify_chain().ok
    settings.WERKWIJZER_AUDIT_KEYS = [NEW_KEY]  # the old key dropped too early
    result = audit.verify_chain()
    assert (result.ok, result.broken_sequence) == (False, 1)


def test_verify_appends_the_head_to_the_anchor_file(person, anchor_path):
    events = _events(person, 3)
    result = audit.verify_chain()
    assert result.ok and result.anchor_file == str(anchor_path)
    line = json.loads(anchor_path.read_text().splitlines()[-1])
    assert (line["counter"], line["hash"]) == (3, events[-1].hash)
    assert line["time"].endswith("Z")
    _events(person, 1)
    assert audit.verify_chain().anchors_checked == 1
    assert len(anchor_path.read_text().splitlines()) == 2


def _cut_tail_and_reset_head(keep: int) -> None:
    kept = AuditEvent.objects.get(sequence=keep)
    tamper("DELETE FROM records_auditevent WHERE sequence > %s", [keep])
    tamper(
        "UPDATE records_auditchainhead SET last_sequence = %s, last_hash = %s WHERE id = 1",
        [keep, kept.hash],
    )


def test_cut_tail_with_reset_head_passes_without_an_anchor(person):
    # Why the anchor exists: the chain itself is consistent after this attack.
    _events(person, 5)
    _cut_tail_and_reset_head(3)
    assert audit.verify_chain().ok


def test_cut_tail_with_reset_head_is_detected_by_the_anchor_file(person, anchor_path):
    _events(person, 5)
    assert audit.verify_chain().ok
    _cut_tail_and_reset_head(3)
    result = audit.verify_chain()
    assert (result.ok, result.broken_sequence, result.checked) == (False, 4, 3)
    assert "chain shorter than the anchored head" in result.problem
    assert len(anchor_path.read_text().splitlines()) == 1  # a broken chain is not anchored


def test_an_earlier_line_appended_to_the_anchor_file_does_not_hide_the_cut(person, anchor_path):
    _events(person, 5)
    audit.verify_chain()
    _cut_tail_and_reset_head(3)
    kept = AuditEvent.objects.get(sequence=3)
    with anchor_path.open("a") as handle:  # the attacker writes the file too
        handle.write(json.dumps({"time": "", "counter": 3, "hash": kept.hash}) + "\n")
    assert not audit.verify_chain().ok  # every anchored line counts, not only the last


def test_rewriting_an_anchored_event_with_the_key_is_detected(person, anchor_path):
    # An insider with the key recomputes the chain from event 2: only an anchor tells.
    _events(person, 4)
    audit.verify_chain()
    tamper("UPDATE records_auditevent SET reason = 'consent:99' WHERE sequence = 2")
    previous = AuditEvent.objects.get(sequence=1).hash
    for event in AuditEvent.objects.filter(sequence__gte=2).order_by("sequence"):
        new_hash = audit.compute_hash(previous, event, audit.configured_keys()[0].secret)
        tamper(
            "UPDATE records_auditevent SET previous_hash = %s, hash = %s WHERE id = %s",
            [previous, new_hash, event.pk],
        )
        previous = new_hash
    tamper("UPDATE records_auditchainhead SET last_hash = %s WHERE id = 1", [previous])
    result = audit.verify_chain()
    assert (result.ok, result.broken_sequence) == (False, 4)
    assert "differs from the anchored head" in result.problem


def test_unreadable_anchor_file_is_a_failure(person, anchor_path):
    _events(person, 1)
    anchor_path.parent.mkdir(parents=True)
    anchor_path.write_text("not json\n")
    result = audit.verify_chain()
    assert not result.ok and result.broken_sequence is None
    assert "anchor file unreadable" in result.problem


def test_unwritable_anchor_file_is_a_failure(person, anchor_path, monkeypatch):
    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anchor, "append", full_disk)
    _events(person, 1)
    result = audit.verify_chain()
    assert not result.ok and result.checked == 1
    assert "anchor file not writable" in result.problem


def test_anchor_values_in_both_forms():
    digest = "ab" * 32
    assert anchor.parse(f"12:{digest}") == anchor.Anchor(12, digest, "", "--anchor")
    line = json.dumps({"time": "2026-12-03T08:00:00Z", "counter": 12, "hash": digest})
    assert anchor.parse(line).counter == 12
    for bad in ("12", "x:" + digest, "12:abc", '{"counter": -1, "hash": "x"}', "{"):
        with pytest.raises(anchor.AnchorError):
            anchor.parse(bad)


def test_verify_command_checks_an_external_anchor(person):
    _events(person, 5)
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    head_line = next(line for line in out.getvalue().splitlines() if line.startswith("Kop"))
    external = head_line.split(": ", 1)[1]  # what the operator copied elsewhere
    assert external == f"5:{AuditChainHead.objects.get().last_hash}"
    _cut_tail_and_reset_head(3)
    call_command("audit", "verify", stdout=io.StringIO())  # no anchor file in tests
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify", "--anchor", external)
    assert error.value.returncode == 2
    assert "broken at event 4" in str(error.value)
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify", "--anchor", "nonsense")
    assert error.value.returncode == 2
