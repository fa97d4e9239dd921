"""Reads and writes of the events catalogue, for its pages, other apps and providers.

Lists are filtered in Python: the catalogue holds hundreds of coming events, not
millions, and the JSON lists (audiences, topics) are filtered the same way on SQLite
and PostgreSQL then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from werkwijzer.directory import moderation
from werkwijzer.events.models import Event

TOPIC_EVENTS = 3  # shown under a topic or a plan


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    audience: str = ""
    topic: str = ""
    where: str = ""  # "online", "place" or ""
    free: bool = False

    def allows(self, event: Event) -> bool:
        return (
            (not self.kind or event.kind == self.kind)
            and (not self.audience or self.audience in event.audiences)
            and (not self.topic or self.topic in event.topics)
            and (self.where != "online" or event.online)
            and (self.where != "place" or not event.online)
            and (not self.free or event.is_free)
        )


def coming(now: dt.datetime | None = None) -> QuerySet[Event]:
    """Published events that have not ended, the first first."""
    now = now or timezone.now()
    return Event.objects.filter(published=True, ends_at__gte=now).order_by("starts_at", "pk")


def upcoming(filters: Filters, now: dt.datetime | None = None) -> list[Event]:
    return [event for event in coming(now) if filters.allows(event)]


def visible(pk: int) -> Event | None:
    """A published event (also one that has ended: its page still says what it was)."""
    return Event.objects.filter(pk=pk, published=True).first()


def event_summary(event: Event) -> dict[str, Any]:
    return {
        "pk": event.pk,
        "title": event.title,
        "url": event.get_absolute_url(),
        "kind": event.get_kind_display(),
        "starts_at": event.starts_at,
        "online": event.online,
        "city": event.city,
        "costs": event.costs,
        "demo": event.is_demo,
    }


def events_for_topics(
    topics: list[str] | tuple[str, ...], limit: int = TOPIC_EVENTS, audience: str = ""
) -> list[dict[str, Any]]:
    """Coming events about any of these topics (for a topic page or a plan), in the order
    they start; `audience` keeps those for that role."""
    wanted = set(topics)
    found = []
    for event in coming():
        if wanted.intersection(event.topics) and (not audience or audience in event.audiences):
            found.append(event_summary(event))
            if len(found) == limit:
                break
    return found


# --- providers keep their own events ------------------------------------------------


def keepable_entries(user: Any) -> list[Any]:
    """The verified directory entries this professional owns (an editor approved the
    ownership and checked the entry): the providers they may add events for."""
    return [entry for entry in moderation.owned_entries(user) if entry.verified_on]


def events_of(user: Any) -> QuerySet[Event]:
    entries = [entry.pk for entry in keepable_entries(user)]
    return Event.objects.filter(provider_id__in=entries).order_by("-starts_at", "pk")


def may_keep(user: Any, event: Event) -> bool:
    return event.provider_id is not None and any(
        entry.pk == event.provider_id for entry in keepable_entries(user)
    )
