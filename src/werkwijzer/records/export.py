"""The audit log as CSV rows: ids and codes only, the same for the page and the command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Q, QuerySet

from werkwijzer.records.models import AuditEvent

CSV_HEADER = [
    "sequence",
    "occurred_at",
    "actor_id",
    "actor_role",
    "actor_profession",
    "subject_id",
    "on_behalf_of_id",
    "action",
    "resource",
    "reason",
    "hash",
]


def search_events(*, subject: Any = None, actor: Any = None) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor").order_by("-sequence")
    if subject is not None:
        events = events.filter(Q(subject=subject) | Q(on_behalf_of=subject))
    if actor is not None:
        events = events.filter(actor=actor)
    return events


def csv_rows(*, subject: Any = None, actor: Any = None) -> Iterator[list[str]]:
    events = search_events(subject=subject, actor=actor).order_by("sequence")
    for e in events.iterator(chunk_size=2000):
        yield [
            str(e.sequence),
            e.occurred_at.astimezone(dt.UTC).isoformat(),
            str(e.actor_id or ""),
            e.actor_role,
            e.actor_profession,
            str(e.subject_id or ""),
            str(e.on_behalf_of_id or ""),
            e.action,
            e.resource,
            e.reason,
            e.hash,
        ]
