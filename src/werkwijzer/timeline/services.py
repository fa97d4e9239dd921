"""The timeline as a service for the page, the API and the command line.

One place checks the input (with messages that name the field) and turns a route into
plain data; the dates themselves come from the pure engine in ``routes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from werkwijzer.core.sources import sources
from werkwijzer.timeline.routes import (
    LANGUAGES,
    MAX_AOV_WAITING_DAYS,
    MAX_EXTENSION_WEEKS,
    Route,
    RouteInputError,
    SickPeriod,
    build_route,
    format_date,
    party_label,
)
from werkwijzer.vocabulary.slugs import slugs

EARLIEST = date(1990, 1, 1)
MAX_HISTORY = 10


class TimelineInputError(ValueError):
    """Input that cannot give a timeline; ``errors`` is ``[{"field", "message"}]``."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class TimelineInput:
    employment: str
    sick_since: date
    contract_end: date | None = None
    history: tuple[SickPeriod, ...] = ()
    extension_weeks: int = 0
    aov_waiting_days: int | None = None


def current_language() -> str:
    language = (get_language() or "nl").split("-")[0]
    return language if language in LANGUAGES else "nl"


def _parse_date(value: Any, field: str, errors: list[dict[str, str]]) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        errors.append({"field": field, "message": _("Enter a date as YYYY-MM-DD.")})
        return None


def _parse_int(value: Any, field: str, low: int, high: int, errors: list) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        errors.append({"field": field, "message": _("Enter a whole number.")})
        return None
    if not low <= number <= high:
        errors.append(
            {
                "field": field,
                "message": _("Enter a number from %(low)s to %(high)s.")
                % {"low": low, "high": high},
            }
        )
        return None
    return number


def parse_period(value: Any, field: str, errors: list[dict[str, str]]) -> SickPeriod | None:
    """An earlier period of sickness written as ``START/END`` (ISO dates)."""
    if isinstance(value, SickPeriod):
        return value
    start_text, separator, end_text = str(value).partition("/")
    if not separator:
        errors.append(
            {
                "field": field,
                "message": _("Write a period as START/END, for example 2025-03-01/2025-04-15."),
            }
        )
        return None
    start = _parse_date(start_text, field, errors)
    end = _parse_date(end_text, field, errors)
    if start is None or end is None:
        if not any(error["field"] == field for error in errors):
            errors.append({"field": field, "message": _("Enter both dates of the period.")})
        return None
    return SickPeriod(start, end)


def parse_input(data: dict[str, Any], history: list[Any] | tuple = ()) -> TimelineInput:
    """Check raw input (strings or dates) from any channel; raises TimelineInputError."""
    errors: list[dict[str, str]] = []
    employment = str(data.get("employment") or "").strip()
    if not employment:
        errors.append({"field": "employment", "message": _("Choose your work situation.")})
    elif employment not in slugs("employment"):
        errors.append(
            {
                "field": "employment",
                "message": _("Unknown work situation. Choose one of: %(choices)s.")
                % {"choices": ", ".join(slugs("employment"))},
            }
        )
    sick_since = _parse_date(data.get("sick_since"), "sick_since", errors)
    if sick_since is None and not any(e["field"] == "sick_since" for e in errors):
        errors.append({"field": "sick_since", "message": _("Enter your first day of sickness.")})
    if sick_since is not None and sick_since < EARLIEST:
        errors.append(
            {"field": "sick_since", "message": _("Enter a first sick day from 1990 onwards.")}
        )
    contract_end = _parse_date(data.get("contract_end"), "contract_end", errors)
    extension = _parse_int(
        data.get("extension_weeks"), "extension_weeks", 0, MAX_EXTENSION_WEEKS, errors
    )
    aov = _parse_int(
        data.get("aov_waiting_days"), "aov_waiting_days", 0, MAX_AOV_WAITING_DAYS, errors
    )
    if len(history) > MAX_HISTORY:
        errors.append(
            {
                "field": "history",
                "message": _("Enter at most %(count)s earlier periods.") % {"count": MAX_HISTORY},
            }
        )
        history = ()
    periods = []
    for number, raw in enumerate(history, start=1):
        period = parse_period(raw, f"history.{number}", errors)
        if period is not None:
            periods.append(period)
    if errors:
        raise TimelineInputError(errors)
    assert sick_since is not None
    return TimelineInput(
        employment=employment,
        sick_since=sick_since,
        contract_end=contract_end,
        history=tuple(periods),
        extension_weeks=extension or 0,
        aov_waiting_days=aov,
    )


def compute(
    situation: TimelineInput, language: str | None = None, today: date | None = None
) -> Route:
    """The route for checked input; impossible histories raise TimelineInputError."""
    try:
        return build_route(
            situation.employment,
            situation.sick_since,
            history=situation.history,
            contract_end=situation.contract_end,
            extension_weeks=situation.extension_weeks,
            aov_waiting_days=situation.aov_waiting_days,
            language=language or current_language(),
            today=today or date.today(),
        )
    except RouteInputError as error:
        raise TimelineInputError(
            [{"field": p.field, "message": p.message} for p in error.problems]
        ) from None


def route_to_dict(route: Route) -> dict[str, Any]:
    """Plain data for JSON: every milestone with its tasks, consequence and source."""
    register = sources()
    return {
        "route": route.kind,
        "employment": route.employment,
        "language": route.language,
        "first_sick_day": route.first_sick_day.isoformat() if route.first_sick_day else None,
        "end_of_waiting": route.end_of_waiting.isoformat() if route.end_of_waiting else None,
        "counted_days_before": route.counted_days_before,
        "notes": list(route.notes),
        "milestones": [
            {
                "code": step.milestone.code,
                "title": step.title,
                "due": step.milestone.due.isoformat(),
                "due_text": format_date(step.milestone.due, route.language),
                "week": step.milestone.week,
                "who": step.milestone.who,
                "who_label": party_label(step.milestone.who, route.language),
                "what": step.milestone.what,
                "optional": step.milestone.optional,
                "tasks": [
                    {"who": t.who, "label": party_label(t.who, route.language), "what": t.what}
                    for t in step.tasks
                ],
                "if_missed": step.if_missed,
                "rule": step.rule,
                "source": register[step.milestone.source].as_dict(),
            }
            for step in route.steps
        ],
    }
