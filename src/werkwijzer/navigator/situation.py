"""A person's situation: parsed and checked from plain data (form, JSON, command line).

Pure Python. Problems are returned as codes with parameters, so each channel can word
them in the visitor's language (see navigator/messages.py) and name the field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from werkwijzer.timeline.routes import (
    EXTENSION_KINDS,
    MAX_EXTENSION_WEEKS,
    RouteInput,
    SickPeriod,
    validate,
)
from werkwijzer.vocabulary.slugs import slug_set, slugs

MIN_AGE, MAX_AGE = 16, 100
EARLIEST_DATE = dt.date(1990, 1, 1)
LANGUAGES = ("nl", "en")
POSTCODE_PATTERN = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})?\s*$")
FIELDS = (
    "role",
    "employment",
    "phase",
    "working",
    "age",
    "concerns",
    "sick_since",
    "has_bedrijfsarts",
    "has_aov",
    "contract_end",
    "postcode",
    "language",
    "earlier_sick_spells",
    "agency_clause",
    "benefit_end",
    "extension_weeks",
    "extension_kind",
    "wia_applied",
    "cancer_type",
    "treatments",
)
SPELLS = "earlier_sick_spells"
MAX_SPELLS = 10
KNOWN_FIELDS = frozenset(FIELDS)
REQUIRED = ("role", "employment", "phase", "working", "age")


@dataclass(frozen=True)
class Situation:
    role: str
    employment: str
    phase: str
    working: str
    age: int
    concerns: tuple[str, ...] = ()
    sick_since: dt.date | None = None
    has_bedrijfsarts: bool | None = None
    has_aov: bool | None = None
    contract_end: dt.date | None = None
    postcode: str | None = None
    language: str = "nl"
    earlier_sick_spells: tuple[SickPeriod, ...] = ()
    agency_clause: bool | None = None
    benefit_end: dt.date | None = None
    extension_weeks: int = 0
    extension_kind: str = "vrijwillig"
    wia_applied: bool | None = None
    # Optional and private (issue 19): only for the person's own plan, never stored
    # unless they save the plan, never on paper or shown to an employer.
    cancer_type: str | None = None
    treatments: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "employment": self.employment,
            "phase": self.phase,
            "working": self.working,
            "age": self.age,
            "concerns": list(self.concerns),
            "sick_since": self.sick_since.isoformat() if self.sick_since else None,
            "has_bedrijfsarts": self.has_bedrijfsarts,
            "has_aov": self.has_aov,
            "contract_end": self.contract_end.isoformat() if self.contract_end else None,
            "postcode": self.postcode,
            "language": self.language,
            "earlier_sick_spells": [
                {"from": spell.start.isoformat(), "to": spell.end.isoformat()}
                for spell in self.earlier_sick_spells
            ],
            "agency_clause": self.agency_clause,
            "benefit_end": self.benefit_end.isoformat() if self.benefit_end else None,
            "extension_weeks": self.extension_weeks,
            "extension_kind": self.extension_kind,
            "wia_applied": self.wia_applied,
            "cancer_type": self.cancer_type,
            "treatments": list(self.treatments),
        }


def route_input(situation: Situation) -> RouteInput:
    """What the sick-leave route needs of a situation: the timeline takes the same."""
    return RouteInput(
        employment=situation.employment,
        sick_since=situation.sick_since,
        history=situation.earlier_sick_spells,
        contract_end=situation.contract_end,
        agency_clause=situation.agency_clause,
        benefit_end=situation.benefit_end,
        extension_weeks=situation.extension_weeks,
        extension_kind=situation.extension_kind,
        wia_applied=situation.wia_applied,
        role=situation.role,
    )


@dataclass(frozen=True)
class Problem:
    # `field` is the public name (API, forms, messages), so dataclasses.field is qualified.
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class InvalidSituation(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


def _optional_choice(data: Mapping, name: str, section: str, problems: list[Problem]) -> str | None:
    if data.get(name) in (None, ""):
        return None
    return _choice(data, name, section, problems)


def _choice(data: Mapping, name: str, section: str, problems: list[Problem]) -> str | None:
    value = data.get(name)
    if value in (None, ""):
        problems.append(Problem(name, "required"))
        return None
    if not isinstance(value, str) or value not in slug_set(section):
        problems.append(Problem(name, "not_a_choice", {"choices": slugs(section)}))
        return None
    return value


def _age(data: Mapping, problems: list[Problem]) -> int | None:
    value = data.get("age")
    if value in (None, ""):
        problems.append(Problem("age", "required"))
        return None
    if isinstance(value, bool):
        value = None
    elif isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        problems.append(Problem("age", "not_a_number"))
        return None
    if not MIN_AGE <= value <= MAX_AGE:
        problems.append(Problem("age", "out_of_range", {"min": MIN_AGE, "max": MAX_AGE}))
        return None
    return value


def _slug_list(data: Mapping, name: str, section: str, problems: list[Problem]) -> tuple[str, ...]:
    value = data.get(name, [])
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        value = [part for part in (item.strip() for item in value.split(",")) if part]
    if not isinstance(value, list | tuple):
        problems.append(Problem(name, "not_a_list"))
        return ()
    allowed = slug_set(section)
    unknown = [item for item in value if not isinstance(item, str) or item not in allowed]
    if unknown:
        problems.append(Problem(name, "unknown_items", {"items": [str(i) for i in unknown][:5]}))
        return ()
    # Keep the vocabulary's order: the same answers always give the same plan.
    order = slugs(section)
    return tuple(sorted(set(value), key=order.index))


def _concerns(data: Mapping, problems: list[Problem]) -> tuple[str, ...]:
    return _slug_list(data, "concerns", "concerns", problems)


def _date(
    data: Mapping,
    name: str,
    today: dt.date,
    problems: list[Problem],
    *,
    future_ok: bool,
    field_name: str | None = None,
) -> dt.date | None:
    """A date from ``data[name]``; problems name ``field_name`` (default: ``name``)."""
    value = data.get(name)
    name = field_name or name
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        parsed = value
    else:
        try:
            parsed = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            problems.append(Problem(name, "not_a_date"))
            return None
    if parsed < EARLIEST_DATE:
        problems.append(Problem(name, "too_early", {"earliest": EARLIEST_DATE.isoformat()}))
        return None
    if not future_ok and parsed > today:
        problems.append(Problem(name, "in_future"))
        return None
    return parsed


def _spells(data: Mapping, today: dt.date, problems: list[Problem]) -> tuple[SickPeriod, ...]:
    """Earlier spells: a list of ``{"from": ISO date, "to": ISO date}``. Whether they fit
    together (order, overlap, future) is checked with the route (``_route_problems``)."""
    value = data.get(SPELLS)
    if value in (None, ""):
        return ()
    if not isinstance(value, list | tuple):
        problems.append(Problem(SPELLS, "not_a_list"))
        return ()
    if len(value) > MAX_SPELLS:
        problems.append(Problem(SPELLS, "too_many", {"max": MAX_SPELLS}))
        return ()
    spells = []
    for number, item in enumerate(value, start=1):
        name = f"{SPELLS}.{number}"
        if not isinstance(item, Mapping):
            problems.append(Problem(name, "spell_not_object", {"n": number}))
            continue
        start = _date(item, "from", today, problems, future_ok=True, field_name=name)
        end = _date(item, "to", today, problems, future_ok=True, field_name=name)
        if start is None or end is None:
            if not any(problem.field == name for problem in problems):
                problems.append(Problem(name, "spell_incomplete", {"n": number}))
            continue
        spells.append(SickPeriod(start, end))
    return tuple(spells)


def _extension_weeks(data: Mapping, problems: list[Problem]) -> int:
    value = data.get("extension_weeks")
    if value in (None, ""):
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(Problem("extension_weeks", "not_a_number"))
        return 0
    if not 0 <= value <= MAX_EXTENSION_WEEKS:
        problems.append(
            Problem("extension_weeks", "out_of_range", {"min": 0, "max": MAX_EXTENSION_WEEKS})
        )
        return 0
    return value


def _extension_kind(data: Mapping, problems: list[Problem]) -> str:
    value = data.get("extension_kind")
    if value in (None, ""):
        return "vrijwillig"
    if value not in EXTENSION_KINDS:
        problems.append(Problem("extension_kind", "not_a_choice", {"choices": EXTENSION_KINDS}))
        return "vrijwillig"
    return value


def _route_problems(situation: Situation, today: dt.date) -> list[Problem]:
    """The route's own checks (spells that do not fit, a clause for a non-agency worker,
    an extension that cannot be): worded by the route, in the situation's language."""
    found = validate(
        route_input(situation), today=today, language=situation.language, history_field=SPELLS
    )
    return [Problem(p.field, "route", {"message": p.message}) for p in found]


def _bool(data: Mapping, name: str, problems: list[Problem]) -> bool | None:
    value = data.get(name)
    if value in (None, "", "unknown"):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "ja", "yes", "1", "on"):
        return True
    if isinstance(value, str) and value.lower() in ("false", "nee", "no", "0", "off"):
        return False
    problems.append(Problem(name, "not_a_bool"))
    return None


def _postcode(data: Mapping, problems: list[Problem]) -> str | None:
    value = data.get("postcode")
    if value in (None, ""):
        return None
    match = POSTCODE_PATTERN.match(str(value)) if isinstance(value, str | int) else None
    if not match:
        problems.append(Problem("postcode", "invalid_postcode"))
        return None
    digits, letters = match.groups()
    return f"{digits}{letters.upper()}" if letters else digits


def _language(data: Mapping, problems: list[Problem]) -> str:
    value = data.get("language") or "nl"
    if value not in LANGUAGES:
        problems.append(Problem("language", "not_a_choice", {"choices": LANGUAGES}))
        return "nl"
    return value


class _Details(TypedDict):
    """The situation's optional answers, parsed (the required ones are checked apart)."""

    concerns: tuple[str, ...]
    sick_since: dt.date | None
    has_bedrijfsarts: bool | None
    has_aov: bool | None
    contract_end: dt.date | None
    postcode: str | None
    language: str
    earlier_sick_spells: tuple[SickPeriod, ...]
    agency_clause: bool | None
    benefit_end: dt.date | None
    extension_weeks: int
    extension_kind: str
    wia_applied: bool | None
    cancer_type: str | None
    treatments: tuple[str, ...]


def _details(data: Mapping, today: dt.date, problems: list[Problem]) -> _Details:
    return _Details(
        concerns=_concerns(data, problems),
        sick_since=_date(data, "sick_since", today, problems, future_ok=False),
        has_bedrijfsarts=_bool(data, "has_bedrijfsarts", problems),
        has_aov=_bool(data, "has_aov", problems),
        contract_end=_date(data, "contract_end", today, problems, future_ok=True),
        postcode=_postcode(data, problems),
        language=_language(data, problems),
        earlier_sick_spells=_spells(data, today, problems),
        agency_clause=_bool(data, "agency_clause", problems),
        benefit_end=_date(data, "benefit_end", today, problems, future_ok=True),
        extension_weeks=_extension_weeks(data, problems),
        extension_kind=_extension_kind(data, problems),
        wia_applied=_bool(data, "wia_applied", problems),
        cancer_type=_optional_choice(data, "cancer_type", "cancer_type", problems),
        treatments=_slug_list(data, "treatments", "treatment", problems),
    )


def parse_situation(data: Any, today: dt.date | None = None) -> Situation:
    """Check plain data and build a Situation, or raise InvalidSituation with every problem."""
    today = today or dt.date.today()
    if not isinstance(data, Mapping):
        raise InvalidSituation([Problem("body", "not_an_object")])
    problems: list[Problem] = [
        Problem(str(name), "unknown_field") for name in data if name not in KNOWN_FIELDS
    ]
    role = _choice(data, "role", "role", problems)
    employment = _choice(data, "employment", "employment", problems)
    phase = _choice(data, "phase", "phase", problems)
    working = _choice(data, "working", "working", problems)
    age = _age(data, problems)
    details = _details(data, today, problems)
    # A required value is None only with a problem for it; naming them narrows the types.
    if (
        problems
        or role is None
        or employment is None
        or phase is None
        or working is None
        or age is None
    ):
        raise InvalidSituation(problems)
    if role == "werkgever":
        # An employer may not ask about the diagnosis or the treatment: a plan made by an
        # employer never holds them, whatever was sent.
        details["cancer_type"] = None
        details["treatments"] = ()
    situation = Situation(
        role=role, employment=employment, phase=phase, working=working, age=age, **details
    )
    problems = _route_problems(situation, today)
    if problems:
        raise InvalidSituation(problems)
    return situation


def _spells_schema() -> dict[str, Any]:
    return {
        "type": "array",
        "maxItems": MAX_SPELLS,
        "description": "Earlier spells of sickness; spells less than 4 weeks apart "
        "count together with the current one (samentelling).",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["from", "to"],
            "properties": {
                "from": {"type": "string", "format": "date"},
                "to": {"type": "string", "format": "date"},
            },
        },
    }


def situation_json_schema() -> dict[str, Any]:
    """The JSON Schema of a situation, for the OpenAPI document."""

    def enum(section: str) -> dict[str, Any]:
        return {"type": "string", "enum": list(slugs(section))}

    date = {"type": ["string", "null"], "format": "date"}
    flag = {"type": ["boolean", "null"]}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED),
        "properties": {
            "role": enum("role"),
            "employment": enum("employment"),
            "phase": enum("phase"),
            "working": enum("working"),
            "age": {"type": "integer", "minimum": MIN_AGE, "maximum": MAX_AGE},
            "concerns": {"type": "array", "items": enum("concerns"), "uniqueItems": True},
            "sick_since": {**date, "description": "First sick day; not in the future."},
            "has_bedrijfsarts": flag,
            "has_aov": flag,
            "contract_end": {
                **date,
                "description": "Last day of a fixed-term contract; for a job seeker, of the "
                "previous contract.",
            },
            "earlier_sick_spells": _spells_schema(),
            "agency_clause": {
                **flag,
                "description": "uitzendkracht only: the contract has an uitzendbeding.",
            },
            "benefit_end": {**date, "description": "uitkering-ww only: last day of the WW."},
            "extension_weeks": {"type": "integer", "minimum": 0, "maximum": MAX_EXTENSION_WEEKS},
            "extension_kind": {"type": "string", "enum": list(EXTENSION_KINDS)},
            "wia_applied": {**flag, "description": "Has the WIA been applied for?"},
            "cancer_type": {
                "type": ["string", "null"],
                "enum": [*slugs("cancer_type"), None],
                "description": "Optional: the kind of cancer, for the person's own plan. "
                "Ignored when the role is werkgever.",
            },
            "treatments": {
                "type": "array",
                "items": enum("treatment"),
                "uniqueItems": True,
                "description": "Optional: the treatments. Ignored when the role is werkgever.",
            },
            "postcode": {"type": ["string", "null"], "pattern": r"^[1-9][0-9]{3} ?[A-Za-z]{0,2}$"},
            "language": {"type": "string", "enum": list(LANGUAGES), "default": "nl"},
        },
    }
