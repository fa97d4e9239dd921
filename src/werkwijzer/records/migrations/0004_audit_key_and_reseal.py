"""The audit chain becomes keyed: HMAC-SHA256 with a key from the environment
(docs/decisions/0010-audit-tamper-evidence.md).

Events written before this migration carry plain SHA-256 hashes that anyone could
recompute. They are re-sealed here with the current key (`WERKWIJZER_AUDIT_KEYS`, first
entry), but only as far as the old chain verifies: from the first event that does not fit,
the old hashes stay as they were, so `werkwijzer audit verify` keeps reporting that break
instead of this migration hiding it. The old head and the new head are printed so an
operator can record the transition next to the earlier anchors.

The 0002 trigger refuses UPDATE, so it is dropped first; 0005 puts stronger ones back.
Both hash formulas are frozen here on purpose: later changes to records/audit.py must not
change what this migration did.
"""

import datetime as dt
import hashlib
import hmac
import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations, models

GENESIS_HASH = "0" * 64

OLD_TRIGGER = """
CREATE OR REPLACE FUNCTION records_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'records_auditevent is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS records_auditevent_append_only ON records_auditevent;
CREATE TRIGGER records_auditevent_append_only
    BEFORE UPDATE OR DELETE ON records_auditevent
    FOR EACH ROW EXECUTE FUNCTION records_auditevent_append_only();
"""

DROP_OLD_TRIGGER = """
DROP TRIGGER IF EXISTS records_auditevent_append_only ON records_auditevent;
DROP FUNCTION IF EXISTS records_auditevent_append_only();
"""


def _content(event, key_id=None):
    content = {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "actor": event.actor_id,
        "actor_role": event.actor_role,
        "actor_profession": event.actor_profession,
        "subject": event.subject_id,
        "on_behalf_of": event.on_behalf_of_id,
        "action": event.action,
        "resource": event.resource,
        "reason": event.reason,
    }
    if key_id is not None:
        content["key"] = key_id
    return json.dumps(content, sort_keys=True, separators=(",", ":"))


def _old_hash(previous_hash, event):
    return hashlib.sha256((previous_hash + _content(event)).encode("utf-8")).hexdigest()


def _new_hash(previous_hash, event, key_id, secret):
    message = (previous_hash + _content(event, key_id)).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _current_key():
    keys = getattr(settings, "WERKWIJZER_AUDIT_KEYS", None)
    if not keys:
        raise ImproperlyConfigured(
            "Re-sealing the audit log needs WERKWIJZER_AUDIT_KEYS (see docs/operations.md)."
        )
    return keys[0]


def drop_old_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_OLD_TRIGGER, params=None)


def restore_old_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OLD_TRIGGER, params=None)


def reseal(apps, schema_editor):
    AuditEvent = apps.get_model("records", "AuditEvent")
    AuditChainHead = apps.get_model("records", "AuditChainHead")
    events = AuditEvent.objects.using(schema_editor.connection.alias).order_by("sequence")
    if not events.exists():
        return
    key_id, secret = _current_key()
    old_previous = new_previous = GENESIS_HASH
    resealed = 0
    for event in events.iterator(chunk_size=2000):
        fits = (
            event.sequence == resealed + 1
            and event.previous_hash == old_previous
            and _old_hash(old_previous, event) == event.hash
        )
        if not fits:
            break  # keep the break visible: the rest stays as it was
        old_previous = event.hash
        new_hash = _new_hash(new_previous, event, key_id, secret)
        events.filter(pk=event.pk).update(previous_hash=new_previous, hash=new_hash, key_id=key_id)
        new_previous = new_hash
        resealed += 1
    head = AuditChainHead.objects.using(schema_editor.connection.alias).filter(pk=1).first()
    if head is not None and head.last_sequence == resealed and head.last_hash == old_previous:
        head.last_hash = new_previous
        head.save(update_fields=["last_hash"])
    print(
        f"\n  Audit log: re-sealed {resealed} events with key {key_id!r}; "
        f"old head {old_previous}, new head {new_previous}."
    )


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0003_alter_workdata_contract_alter_workdata_work_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(default="", editable=False, max_length=32, verbose_name="key"),
        ),
        migrations.RunPython(drop_old_trigger, restore_old_trigger, elidable=False),
        # Going back leaves keyed hashes that the old SHA-256 check reports as broken.
        migrations.RunPython(reseal, migrations.RunPython.noop, elidable=False),
    ]
