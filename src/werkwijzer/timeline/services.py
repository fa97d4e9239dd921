"""The timeline as a service for the page, the API and the command line.

One place checks the input (with messages that name the field) and turns a route into
plain data; the dates themselves come from the pure engine in ``routes.py``, which the
wegwijzer plan calls with the same ``RouteInput``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from werkwijzer.core.i18n import current_language
from werkwijzer.core.sources import sources
from werkwijzer.timeline.routes import (
    EXTENSION_KINDS,
    MAX_AOV_WAITING_DAYS,
    MAX_EXTENSION_WEEKS,
    Route,
    RouteInput,
    RouteInputError,
    SickPeriod,
    format_date,
    party_label,
    route_for,
)
from werkwijzer.vocabulary.slugs import slugs

EARLIEST = date(1990, 1, 1)
MAX_HISTORY = 10
TRUE_WORDS = ("true", "ja", "yes", "1", "on")
FALSE_WORDS = ("false", "nee", "no", "0", "off")

# The checked input of the timeline is the engine's own input: the plan builds the same.
TimelineInput = RouteInput


class TimelineInputError(ValueError):
    """Input that cannot give a timeline; ``errors`` is ``[{"field", "message"}]``."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))
        self.errors = errors


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


def _parse_bool(value: Any, field: str, errors: list[dict[str, str]]) -> bool | None:
    if value in (None, "", "unknown"):
        return None
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    errors.append({"field": field, "message": _("Answer yes or no.")})
    return None


def _choice(value: Any, field: str, choices: Iterable[str], errors: list) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if text not in choices:
        errors.append(
            {
                "field": field,
                "message": _("Choose one of: %(choices)s.") % {"choices": ", ".join(choices)},
            }
        )
        return None
    return text


def parse_period(value: Any, field: str, errors: list[dict[str, str]]) -> SickPeriod | None:
    """An earlier period of sickness: ``START/END`` (ISO dates) or ``{"from", "to"}``."""
    if isinstance(value, SickPeriod):
        return value
    if isinstance(value, dict):
        start_text, end_text, separator = value.get("from"), value.get("to"), "/"
    else:
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


def _employment(data: dict[str, Any], errors: list[dict[str, str]]) -> str:
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
    return employment


def _sick_since(data: dict[str, Any], errors: list[dict[str, str]]) -> date | None:
    sick_since = _parse_date(data.get("sick_since"), "sick_since", errors)
    if sick_since is None and not any(e["field"] == "sick_since" for e in errors):
        errors.append({"field": "sick_since", "message": _("Enter your first day of sickness.")})
    if sick_since is not None and sick_since < EARLIEST:
        errors.append(
            {"field": "sick_since", "message": _("Enter a first sick day from 1990 onwards.")}
        )
    return sick_since


def _periods(history: Any, field: str, errors: list[dict[str, str]]) -> tuple[SickPeriod, ...]:
    if history in (None, ""):
        return ()
    if not isinstance(history, list | tuple):
        errors.append({"field": field, "message": _("Give a list of periods.")})
        return ()
    if len(history) > MAX_HISTORY:
        errors.append(
            {
                "field": field,
                "message": _("Enter at most %(count)s earlier periods.") % {"count": MAX_HISTORY},
            }
        )
        return ()
    periods = (parse_period(raw, f"{field}.{n}", errors) for n, raw in enumerate(history, 1))
    return tuple(period for period in periods if period is not None)


# The situation fields the timeline reads, besides the earlier sick spells: the API and
# the command take exactly these.
INPUT_FIELDS = (
    "employment",
    "sick_since",
    "contract_end",
    "agency_clause",
    "benefit_end",
    "extension_weeks",
    "extension_kind",
    "wia_applied",
    "aov_waiting_days",
    "role",
)


def parse_input(
    data: dict[str, Any], history: Any = (), *, history_field: str = "history"
) -> RouteInput:
    """Check raw input (strings or dates) from any channel; raises TimelineInputError.
    ``history`` holds the earlier spells; ``history_field`` names them in errors."""
    errors: list[dict[str, str]] = []
    employment = _employment(data, errors)
    sick_since = _sick_since(data, errors)
    extension = _parse_int(
        data.get("extension_weeks"), "extension_weeks", 0, MAX_EXTENSION_WEEKS, errors
    )
    given: dict[str, Any] = {
        "contract_end": _parse_date(data.get("contract_end"), "contract_end", errors),
        "benefit_end": _parse_date(data.get("benefit_end"), "benefit_end", errors),
        "agency_clause": _parse_bool(data.get("agency_clause"), "agency_clause", errors),
        "wia_applied": _parse_bool(data.get("wia_applied"), "wia_applied", errors),
        "extension_kind": _choice(
            data.get("extension_kind"), "extension_kind", EXTENSION_KINDS, errors
        )
        or "vrijwillig",
        "role": _choice(data.get("role"), "role", slugs("role"), errors) or "werkende",
        "aov_waiting_days": _parse_int(
            data.get("aov_waiting_days"), "aov_waiting_days", 0, MAX_AOV_WAITING_DAYS, errors
        ),
        "history": _periods(history, history_field, errors),
    }
    if errors:
        raise TimelineInputError(errors)
    assert sick_since is not None
    return RouteInput(
        employment=employment, sick_since=sick_since, extension_weeks=extension or 0, **given
    )


def compute(
    situation: RouteInput,
    language: str | None = None,
    today: date | None = None,
    *,
    history_field: str = "history",
) -> Route:
    """The route for checked input; impossible histories raise TimelineInputError."""
    try:
        return route_for(
            situation,
            language=language or current_language(),
            today=today or date.today(),
            history_field=history_field,
        )
    except RouteInputError as error:
        raise TimelineInputError(
            [{"field": p.field, "message": p.message} for p in error.problems]
        ) from None


def _steps_to_list(route: Route) -> list[dict[str, Any]]:
    register = sources()
    return [
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
    ]


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
        "alerts": [
            {"key": a.key, "text": a.text, "source": register[a.source].as_dict()}
            for a in route.alerts
        ],
        "milestones": _steps_to_list(route),
    }
