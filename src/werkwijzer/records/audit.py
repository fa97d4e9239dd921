"""The one way to write the audit log, and the check of its hash chain.

`record(...)` appends an event. Appends are serialised by locking the single
`AuditChainHead` row (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writers
itself), so two requests never link to the same previous event.
The hashed content holds only ids, codes and the time: no names, no e-mail, no text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from werkwijzer.records.models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64
ACTIONS = frozenset(AuditEvent.Action.values)


def resource_label(resource: Any) -> str:
    """`"<app>.<Model>:<pk>"` for a model instance; strings pass through unchanged."""
    if isinstance(resource, models.Model):
        meta = resource._meta
        return f"{meta.app_label}.{meta.object_name}:{resource.pk}"
    return str(resource)


def _user_id(user: Any) -> int | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.pk


def _no_actor_role(actor: Any) -> str:
    # None: the system itself (a command, a scheduled task); AnonymousUser: a visitor.
    return "system" if actor is None else "anonymous"


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_content(event: AuditEvent) -> str:
    """The event's content as stable JSON: ids and codes only."""
    return json.dumps(
        {
            "sequence": event.sequence,
            "occurred_at": _when(event.occurred_at),
            "actor": event.actor_id,
            "actor_role": event.actor_role,
            "actor_profession": event.actor_profession,
            "subject": event.subject_id,
            "on_behalf_of": event.on_behalf_of_id,
            "action": event.action,
            "resource": event.resource,
            "reason": event.reason,
        },
        sort_keys=True,
        separators=(",", ":"),
    )


def compute_hash(previous_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256((previous_hash + canonical_content(event)).encode("utf-8")).hexdigest()


def record(
    *,
    actor: Any,
    subject: Any,
    action: str,
    resource: Any,
    reason: str,
    on_behalf_of: Any = None,
) -> AuditEvent:
    """Append one event to the audit log and return it.

    `actor` did `action` ("read", "create", "update", "delete", "export") on `resource`
    (a model instance or `"<app>.<Model>:<pk>"`) in the record of `subject`, allowed for
    `reason` (`owner`, `referral:<pk>`, `consent:<pk>`, `privacy-officer`).
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}")
    if not reason:
        raise ValueError("An audit event needs a reason")
    actor_id = _user_id(actor)
    with transaction.atomic():
        head, _created = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            occurred_at=timezone.now(),
            actor_id=actor_id,
            actor_role=getattr(actor, "role", "") if actor_id else _no_actor_role(actor),
            actor_profession=(getattr(actor, "profession", "") or "") if actor_id else "",
            subject_id=_user_id(subject) if subject is not None else None,
            on_behalf_of_id=_user_id(on_behalf_of),
            action=action,
            resource=resource_label(resource)[:200],
            reason=str(reason)[:200],
            previous_hash=head.last_hash,
        )
        event.hash = compute_hash(head.last_hash, event)
        event.save()
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    return event


@dataclass(frozen=True)
class Verification:
    intact: bool
    checked: int
    broken_sequence: int | None = None
    problem: str = ""


def _events_in_order() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000)


def verify() -> Verification:
    """Walk the chain from the first event; report the first event that does not fit."""
    previous_hash = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    for event in _events_in_order():
        if event.sequence != expected_sequence:
            return Verification(False, checked, expected_sequence, "missing event")
        if event.previous_hash != previous_hash:
            return Verification(False, checked, event.sequence, "link to previous event broken")
        if compute_hash(previous_hash, event) != event.hash:
            return Verification(False, checked, event.sequence, "content does not match hash")
        previous_hash = event.hash
        expected_sequence += 1
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_sequence > checked:
        return Verification(False, checked, checked + 1, "events missing at the end")
    return Verification(True, checked)
