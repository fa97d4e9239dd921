"""The route as a calendar (.ics): one all-day event per milestone, with its tasks.

By default only the milestones from today on: a calendar full of dates that have passed
reminds nobody of anything (`include_past` gives them all). Every event has a reminder
a few days before. Its UID depends on the milestone, not on its place in the list: the
milestone code, how many of that code came before it (the evaluations repeat) and the
first sick day, hashed, at the site's host name. So a re-import after a rule or an
answer changed updates the same events instead of adding copies.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from werkwijzer.core.site import site_domain
from werkwijzer.core.sources import source
from werkwijzer.timeline.routes import Route, Step, party_label

PRODID = "-//Werkwijzer//Tijdlijn//NL"
# `?alle=1` (or a form field alle=1): the milestones that have passed as well.
ALL_DATES_PARAMETER = "alle"
REMINDER_DAYS = 3
# An all-day event starts at midnight: remind at 9:00, REMINDER_DAYS days before.
REMINDER_BEFORE = timedelta(days=REMINDER_DAYS) - timedelta(hours=9)


def all_dates_asked(*data: Mapping[str, str]) -> bool:
    """Whether the query string or the form asked for the passed milestones too."""
    return any(values.get(ALL_DATES_PARAMETER) in ("1", "on", "true") for values in data)


def milestone_uid(first_sick_day: date | None, code: str, occurrence: int, domain: str) -> str:
    """The same milestone of the same sickness gets the same UID, wherever it is listed."""
    first = first_sick_day.isoformat() if first_sick_day else "none"
    digest = hashlib.sha256(f"{first}|{code}|{occurrence}".encode()).hexdigest()[:32]
    return f"{digest}@{domain}"


def _description(step: Step, route: Route) -> str:
    milestone = step.milestone
    lines = [milestone.what, ""]
    lines += [f"{party_label(task.who, route.language)}: {task.what}" for task in step.tasks]
    lines += [
        "",
        step.if_missed,
        "",
        f"{source(milestone.source).title}: {source(milestone.source).url}",
    ]
    return "\n".join(lines)


def _reminder(summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMINDER_BEFORE)
    alarm.add(
        "description",
        _("In %(days)s days: %(what)s") % {"days": REMINDER_DAYS, "what": summary},
    )
    return alarm


def _event(step: Step, route: Route, uid: str, stamp: datetime) -> Event:
    milestone = step.milestone
    summary = f"{step.title} · {party_label(milestone.who, route.language)}"
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", milestone.due)
    event.add("dtend", milestone.due + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _description(step, route))
    event.add("categories", [milestone.code])
    event.add("transp", "TRANSPARENT")
    event.add_component(_reminder(summary))
    return event


def route_to_ics(
    route: Route,
    stamp: datetime | None = None,
    *,
    today: date | None = None,
    include_past: bool = False,
) -> bytes:
    """The calendar file: the milestones from `today` on, or all with `include_past`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Werkwijzer")
    stamp = stamp or datetime.now(UTC)
    today = today or date.today()
    domain = site_domain()
    seen: Counter[str] = Counter()
    with translation.override(route.language):
        for step in route.steps:
            code = step.milestone.code
            seen[code] += 1  # counted for past ones too, so a UID never shifts with today
            if step.milestone.due < today and not include_past:
                continue
            uid = milestone_uid(route.first_sick_day, code, seen[code], domain)
            calendar.add_component(_event(step, route, uid, stamp))
    return calendar.to_ical()
