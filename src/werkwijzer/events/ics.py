"""One event as a calendar file (.ics), as the timeline writes its milestones: the
same PRODID family, a UID at the site's host name that stays the same for the event,
and a reminder the day before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from werkwijzer.core.site import absolute_url, site_domain
from werkwijzer.events.models import Event

PRODID = "-//Werkwijzer//Bijeenkomsten//NL"


def event_uid(event: Event, domain: str) -> str:
    return f"event-{event.pk}@{domain}"


def _where(event: Event) -> str:
    if event.online:
        return _("Online")
    return ", ".join(part for part in (event.place, event.city) if part)


def _description(event: Event) -> str:
    lines = [event.summary, "", f"{_('Organiser')}: {event.organiser}"]
    lines += [f"{_('Costs')}: {event.costs}"]
    if event.url:
        lines += [f"{_('Sign up or read more')}: {event.url}"]
    lines += ["", absolute_url(event.get_absolute_url())]
    if event.is_demo:
        demo = _("Example, not real: this event is made up to show how Werkwijzer works.")
        lines = [demo, "", *lines]
    return "\n".join(lines)


def event_to_ics(event: Event, stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    entry = CalendarEvent()
    title = f"{_('Example, not real')}: {event.title}" if event.is_demo else event.title
    entry.add("uid", event_uid(event, site_domain()))
    entry.add("dtstamp", stamp or datetime.now(UTC))
    entry.add("dtstart", event.starts_at.astimezone(UTC))
    entry.add("dtend", event.ends_at.astimezone(UTC))
    entry.add("summary", title)
    entry.add("description", _description(event))
    entry.add("location", _where(event))
    if event.url:
        entry.add("url", event.url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -timedelta(days=1))
    alarm.add("description", _("Tomorrow: %(title)s") % {"title": title})
    entry.add_component(alarm)
    calendar.add_component(entry)
    return calendar.to_ical()
