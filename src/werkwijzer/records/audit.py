"""The one way to write the audit log, and the check of its hash chain.

`record(...)` appends an event. Appends are serialised by locking the single
`AuditChainHead` row (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writers
itself), so two requests never link to the same previous event.
The hashed content holds only ids, codes and the time: no names, no e-mail, no text.
Each hash is an HMAC with a key from the environment (records/keys.py), so someone who can
write the database but lacks the key cannot recompute a changed chain; `verify_chain()`
also compares with the anchored heads (records/anchor.py), so a cut tail is found too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from werkwijzer.records import anchor as anchor_file
from werkwijzer.records.anchor import Anchor, AnchorError
from werkwijzer.records.keys import configured_keys
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
    """The event's content as stable JSON: ids and codes only (and the key's id, so an
    event cannot be passed off as sealed with another key)."""
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
            "key": event.key_id,
        },
        sort_keys=True,
        separators=(",", ":"),
    )


def compute_hash(previous_hash: str, event: AuditEvent, secret: str) -> str:
    """HMAC-SHA256 with the secret key: without it nobody can recompute the chain."""
    message = (previous_hash + canonical_content(event)).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


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
    key = configured_keys()[0]
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
            key_id=key.id,
        )
        event.hash = compute_hash(head.last_hash, event, key.secret)
        event.save()
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    return event


@dataclass(frozen=True)
class Verification:
    """The outcome of one check of the chain; `ok` is what a scheduled job alerts on."""

    intact: bool
    checked: int
    broken_sequence: int | None = None
    problem: str = ""
    head_sequence: int = 0
    head_hash: str = GENESIS_HASH
    anchors_checked: int = 0
    anchor_file: str = ""  # where this check wrote the verified head; "" when it did not

    @property
    def ok(self) -> bool:
        return self.intact


def _events_in_order(limit: int | None) -> Iterator[AuditEvent]:
    events = AuditEvent.objects.order_by("sequence")
    if limit is not None:
        # Events appended after the head was read belong to the next check.
        events = events.filter(sequence__lte=limit)
    return events.iterator(chunk_size=2000)


def _walk(
    keys: dict[str, str], expected: dict[int, list[Anchor]], limit: int | None
) -> Verification:
    """Follow the chain from the first event; a failed Verification at the first misfit."""
    previous_hash = GENESIS_HASH
    checked = 0
    for event in _events_in_order(limit):
        sequence = checked + 1
        if event.sequence != sequence:
            return Verification(False, checked, sequence, "missing event")
        if event.previous_hash != previous_hash:
            return Verification(False, checked, sequence, "link to previous event broken")
        secret = keys.get(event.key_id)
        if secret is None:
            return Verification(False, checked, sequence, f"unknown key id {event.key_id!r}")
        if not hmac.compare_digest(compute_hash(previous_hash, event, secret), event.hash):
            return Verification(False, checked, sequence, "content does not match hash")
        for anchor in expected.get(sequence, ()):
            if anchor.hash != event.hash:
                problem = f"hash differs from the anchored head ({anchor.source})"
                return Verification(False, checked, sequence, problem)
        previous_hash = event.hash
        checked = sequence
    return Verification(True, checked, head_sequence=checked, head_hash=previous_hash)


def _check(anchors: list[Anchor]) -> Verification:
    keys = {key.id: key.secret for key in configured_keys()}
    expected: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        expected.setdefault(anchor.counter, []).append(anchor)
    head = AuditChainHead.objects.filter(pk=1).first()
    result = _walk(keys, expected, head.last_sequence if head else None)
    checked = result.checked
    if not result.intact:
        return result
    if head is None and checked:
        return Verification(False, checked, None, "chain head missing")
    if head is not None and head.last_sequence > checked:
        return Verification(False, checked, checked + 1, "events missing at the end")
    longest = max(anchors, key=lambda anchor: anchor.counter, default=None)
    if longest is not None and longest.counter > checked:
        problem = (
            f"chain shorter than the anchored head: {checked} events, {longest.counter} "
            f"anchored ({longest.source})"
        )
        return Verification(False, checked, checked + 1, problem)
    return replace(result, anchors_checked=len(anchors))


def verify_chain(*, anchors: Iterable[Anchor] = (), write_anchor: bool = True) -> Verification:
    """Check the chain against its keys, its head and every anchor (the anchor file's lines
    and `anchors`); when it is intact, append the verified head to the anchor file.

    A broken chain is never anchored: the next check must still see the break."""
    path = settings.WERKWIJZER_AUDIT_ANCHOR_FILE
    try:
        known = [*(anchor_file.read(path) if path else []), *anchors]
    except (AnchorError, OSError) as error:
        return Verification(False, 0, None, f"anchor file unreadable: {error}")
    result = _check(known)
    if not (result.intact and path and write_anchor):
        return result
    try:
        written = anchor_file.append(path, result.head_sequence, result.head_hash)
    except OSError as error:
        return replace(result, intact=False, problem=f"anchor file not writable: {error}")
    return replace(result, anchor_file=written.source)


def verify() -> Verification:
    """The older name of verify_chain(), kept for its callers; the same check."""
    return verify_chain()
