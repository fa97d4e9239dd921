"""The plan's types and its JSON: what the engine gives back for one situation.

Pure Python, no Django. The plan's JSON is its dataclasses written field by field
(orjson writes dates as ISO dates and tuples as arrays): the fields below are the API's
shape, and a field added here appears in the JSON. Plan.to_json() is the one place that
turns a plan into JSON. The plan in short (issue 15) arranges the same types for the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson

from werkwijzer.core.sources import Source, source
from werkwijzer.navigator.situation import Situation
from werkwijzer.timeline.routes import EVALUATION_EVERY_WEEKS
from werkwijzer.timeline.routes import title as milestone_title


@dataclass(frozen=True)
class Reason:
    rule: str
    text: str
    facts: Mapping[str, Any]
    source: str

    @property
    def source_info(self) -> Source:
        return source(self.source)


@dataclass(frozen=True)
class PlannedHelper:
    slug: str
    title: str
    priority: int
    why: tuple[Reason, ...]
    access: str
    costs: str
    nearby: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class PlannedMilestone:
    code: str
    due: dt.date
    week: int | None
    who: str
    what: str
    source: str
    optional: bool = False


@dataclass(frozen=True)
class Notice:
    rule: str
    text: str
    source: str


@dataclass(frozen=True)
class Attention:
    """A vulnerable group the person belongs to (from the screening), and whom it brings in."""

    code: str
    rule: str
    label: str
    reason: str
    source: str
    refer: tuple[str, ...] = ()


@cache
def _source_json(key: str) -> dict[str, str]:
    return source(key).as_dict()


@dataclass(frozen=True)
class Plan:
    situation: Situation
    helpers: tuple[PlannedHelper, ...]
    milestones: tuple[PlannedMilestone, ...]
    topics: tuple[str, ...]
    warnings: tuple[Notice, ...]
    next_steps: tuple[str, ...]
    attention: tuple[Attention, ...] = ()
    route: str | None = None  # "poortwachter", "ziektewet", "bijstand", "geen" or None

    def to_json(self) -> bytes:
        """The plan as UTF-8 JSON, with every cited source once under `sources`."""
        return orjson.dumps(
            {
                "situation": self.situation.as_dict(),  # spells as {from, to}, as sent
                "helpers": self.helpers,
                "milestones": self.milestones,
                "topics": self.topics,
                "warnings": self.warnings,
                "next_steps": self.next_steps,
                "attention": self.attention,
                "route": self.route,
                "sources": {key: _source_json(key) for key in sorted(self.source_keys())},
            }
        )

    def as_dict(self) -> dict[str, Any]:
        """The plan as plain data: exactly what `to_json` writes."""
        return orjson.loads(self.to_json())

    def source_keys(self) -> set[str]:
        """Every source the plan cites; the JSON lists each once and refers to it by key."""
        keys = {reason.source for helper in self.helpers for reason in helper.why}
        keys.update(milestone.source for milestone in self.milestones)
        keys.update(warning.source for warning in self.warnings)
        keys.update(group.source for group in self.attention)
        return keys


# --- the plan in short (issue 15) ---------------------------------------------------------

FIRST_HELPERS = (3, 5)  # the fewest and the most helpers shown first
REPEATING = "evaluatie"  # the plan of action's review, every few weeks until the WIA


def first_helpers(
    helpers: tuple[PlannedHelper, ...],
) -> tuple[tuple[PlannedHelper, ...], tuple[PlannedHelper, ...]]:
    """The helpers that matter most now and the rest, for later or when needed.

    Every helper a rule calls urgent (priority 1) comes first, but never more than five;
    with fewer than three urgent ones, the next in priority order fill up to three."""
    fewest, most = FIRST_HELPERS
    urgent = sum(1 for helper in helpers if helper.priority == 1)
    count = max(fewest, min(most, urgent))
    return helpers[:count], helpers[count:]


@dataclass(frozen=True)
class DateRow:
    """One row of the plan's dates. A repeating milestone is one row with its next date
    (or its last, when all are past), how often it comes back and its title."""

    milestone: PlannedMilestone
    every_weeks: int | None = None
    title: str = ""


@dataclass(frozen=True)
class DateOverview:
    upcoming: tuple[DateRow, ...]
    past: tuple[DateRow, ...]


def date_overview(
    milestones: Iterable[PlannedMilestone], today: dt.date, language: str
) -> DateOverview:
    """The plan's milestones in date order, split at today, with the repeating review
    shown once, at its next date."""
    milestones = tuple(milestones)
    repeats = [m for m in milestones if m.code == REPEATING]
    shown = next((m for m in repeats if m.due >= today), repeats[-1] if repeats else None)
    rows = [
        DateRow(m, EVALUATION_EVERY_WEEKS, milestone_title(REPEATING, language))
        if m.code == REPEATING
        else DateRow(m)
        for m in milestones
        if m.code != REPEATING or m is shown
    ]
    return DateOverview(
        upcoming=tuple(row for row in rows if row.milestone.due >= today),
        past=tuple(row for row in rows if row.milestone.due < today),
    )
