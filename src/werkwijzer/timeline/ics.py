"""The route as a calendar (.ics): one all-day event per milestone, with its tasks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from werkwijzer.core.sources import source
from werkwijzer.timeline.routes import Route, party_label

PRODID = "-//Werkwijzer//Tijdlijn//NL"


def route_to_ics(route: Route, stamp: datetime | None = None) -> bytes:
    """The calendar file; the same route gives the same UIDs, so a re-import updates."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Werkwijzer")
    stamp = stamp or datetime.now(UTC)
    first = route.first_sick_day.isoformat() if route.first_sick_day else "none"
    for index, step in enumerate(route.steps, start=1):
        milestone = step.milestone
        lines = [milestone.what, ""]
        lines += [f"{party_label(task.who, route.language)}: {task.what}" for task in step.tasks]
        lines += [
            "",
            step.if_missed,
            "",
            f"{source(milestone.source).title}: {source(milestone.source).url}",
        ]
        event = Event()
        event.add("uid", f"{first}-{route.kind}-{index:02d}-{milestone.code}@werkwijzer")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.due)
        event.add("dtend", milestone.due + timedelta(days=1))
        event.add("summary", f"{step.title} · {party_label(milestone.who, route.language)}")
        event.add("description", "\n".join(lines))
        event.add("categories", [milestone.code])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
