"""The sick-leave routes: from a work situation and a sick-leave history to dated milestones.

Pure Python (no Django import), so the wegwijzer, the API, the command line and the
tests all use the same rules. Every date rule is a small function with a rule id; the
texts (Dutch B1 and English) live in ``routes.yaml`` beside this module. docs/timeline.md
lists every rule with its source.

Date convention (issue 2): the first sick day is day 1; week n runs from day 7(n-1)+1 to
day 7n; "at the latest in week n" is due on ``sick_since + 7n - 1`` days, unless the
official rule names another day.

Evaluations of the plan of action are emitted as separate milestones with code
``evaluatie``: one every 6 weeks after the plan (weeks 14, 20, ... 98), so a calendar
export gets every one of them.

Periods of sickness with less than 4 weeks (28 days) between them count together: the
sick days are added up and the days in between do not count, so every later date moves.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from werkwijzer.vocabulary.slugs import slugs

ROUTES_FILE = Path(__file__).with_name("routes.yaml")
LANGUAGES = ("nl", "en")
PARTIES = ("werknemer", "werkgever", "bedrijfsarts", "uwv", "verzekeraar")

POORTWACHTER_EMPLOYMENT = frozenset({"loondienst-vast", "loondienst-tijdelijk", "uitzendkracht"})
ZIEKTEWET_EMPLOYMENT = frozenset({"uitkering-ww", "ziektewet"})
NO_ROUTE_EMPLOYMENT = frozenset({"zzp", "werkzoekend", "student", "uitkering-bijstand"})

WAITING_WEEKS = 104  # wachttijd WIA / loondoorbetaling
RECOVERY_GAP_DAYS = 28  # periods less than 4 weeks apart count together
MAX_EXTENSION_WEEKS = 52
MAX_AOV_WAITING_DAYS = 730
WW_WEEKS = 13  # sick on WW: the WW continues for the first 13 weeks
CONTRACT_AFTERCARE_DAYS = 28  # sick within 4 weeks after the contract: still Ziektewet
EVALUATION_EVERY_WEEKS = 6

MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


@dataclass(frozen=True)
class Milestone:
    code: str  # a milestone slug from vocabulary.yaml
    due: date
    week: int | None  # sick-leave week the due date falls in, when it has one
    who: str  # main party: "werknemer", "werkgever", "bedrijfsarts", "uwv", "verzekeraar"
    what: str  # one or two B1 sentences in the requested language
    source: str  # key in core/sources.yaml
    optional: bool = False


@dataclass(frozen=True)
class SickPeriod:
    """An earlier, closed period of sickness: ``start`` is the first sick day, ``end``
    the last sick day (the day before the recovery)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Task:
    who: str
    what: str


@dataclass(frozen=True)
class Step:
    """A milestone with what each party does and what happens when it is missed."""

    milestone: Milestone
    title: str
    tasks: tuple[Task, ...]
    if_missed: str
    rule: str


@dataclass(frozen=True)
class Problem:
    """A reason the input cannot be a real history; ``field`` names the input."""

    field: str
    code: str
    message: str


class RouteInputError(ValueError):
    """Raised for impossible input; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Route:
    kind: str  # "poortwachter", "ziektewet", "zzp" or "geen"
    employment: str
    language: str
    first_sick_day: date | None  # first day of the periods that count together
    end_of_waiting: date | None  # last day of the 104 weeks (plus any extension)
    counted_days_before: int  # sick days from earlier periods that count
    steps: tuple[Step, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def milestones(self) -> list[Milestone]:
        return [step.milestone for step in self.steps]


# --------------------------------------------------------------------------- data


@cache
def _data() -> dict[str, Any]:
    with ROUTES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _order() -> dict[str, int]:
    return {code: index for index, code in enumerate(slugs("milestones"))}


def party_label(party: str, language: str = "nl") -> str:
    return _data()["parties"][party][language]


def title(code: str, language: str = "nl") -> str:
    return _data()["titles"][code][language]


def note(key: str, language: str = "nl", **values: Any) -> str:
    return _data()["notes"][key][language].format(**values)


def format_date(value: date, language: str = "nl") -> str:
    """A date as people write it: "3 maart 2026" or "3 March 2026"."""
    return f"{value.day} {MONTHS[language][value.month - 1]} {value.year}"


def _problem(field_name: str, code: str, language: str, **values: Any) -> Problem:
    text = _data()["problems"][code][language]
    shown = {k: format_date(v, language) if isinstance(v, date) else v for k, v in values.items()}
    return Problem(field_name, code, text.format(**shown))


# --------------------------------------------------------------------------- clock


@dataclass(frozen=True)
class SickClock:
    """Maps counted sick days to calendar dates across periods that count together."""

    earlier: tuple[SickPeriod, ...]  # closed periods that count, oldest first
    current: date  # first day of the current, open period

    @property
    def first_day(self) -> date:
        return self.earlier[0].start if self.earlier else self.current

    @property
    def days_before(self) -> int:
        return sum(period.days for period in self.earlier)

    def day(self, n: int) -> date:
        """The calendar date of counted sick day ``n`` (day 1 is the first sick day)."""
        remaining = n
        for period in self.earlier:
            if remaining <= period.days:
                return period.start + timedelta(days=remaining - 1)
            remaining -= period.days
        return self.current + timedelta(days=remaining - 1)

    def end_of_week(self, week: int) -> date:
        """The due date of "at the latest in week n": counted day 7n."""
        return self.day(7 * week)

    def week_of(self, when: date) -> int | None:
        """The sick-leave week a date falls in; None for a day between periods."""
        counted = 0
        for period in self.earlier:
            if when < period.start:
                return None
            if when <= period.end:
                return (counted + (when - period.start).days) // 7 + 1
            counted += period.days
        if when < self.current:
            return None
        return (counted + (when - self.current).days) // 7 + 1


def counted_periods(history: tuple[SickPeriod, ...], current: date) -> tuple[SickPeriod, ...]:
    """The earlier periods that count with the current one (rule samentelling-4-weken):
    walking back from the current sickness, a period counts when less than 4 weeks of
    recovery lie between it and the next one."""
    chain: list[SickPeriod] = []
    next_start = current
    for period in sorted(history, key=lambda p: p.start, reverse=True):
        recovered_days = (next_start - period.end).days - 1
        if recovered_days >= RECOVERY_GAP_DAYS:
            break
        chain.append(period)
        next_start = period.start
    return tuple(reversed(chain))


def next_working_day(value: date) -> date:
    """The same day on Monday to Friday; otherwise the Monday after."""
    while value.weekday() >= 5:
        value += timedelta(days=1)
    return value


def last_working_day(value: date, not_before: date) -> date:
    """The same day on Monday to Friday; otherwise the Friday before (never before
    ``not_before``)."""
    candidate = value
    while candidate.weekday() >= 5:
        candidate -= timedelta(days=1)
    return max(candidate, not_before)


# --------------------------------------------------------------------------- steps


def _step(
    route: str,
    code: str,
    due: date,
    clock: SickClock,
    language: str,
    rule: str,
    *,
    optional: bool = False,
    **values: Any,
) -> Step:
    entry = _data()["routes"][route][code]
    shown = {k: format_date(v, language) if isinstance(v, date) else v for k, v in values.items()}
    what = entry["what"][language].format(**shown)
    tasks = tuple(
        Task(party, entry["tasks"][party][language])
        for party in PARTIES
        if party in entry.get("tasks", {})
    )
    milestone = Milestone(
        code=code,
        due=due,
        week=clock.week_of(due),
        who=entry["who"],
        what=what,
        source=entry["source"],
        optional=optional,
    )
    title_text = title(code, language)
    if code == "evaluatie":
        title_text = f"{title_text} ({values['n']})"
    return Step(milestone, title_text, tasks, entry["missed"][language], rule)


def _poortwachter_steps(
    clock: SickClock, language: str, extension_weeks: int, until: date | None
) -> list[Step]:
    """Rules pw-1 .. pw-9: the Wet verbetering poortwachter. ``until`` is the last day the
    employer is responsible (a contract end); steps after it are left out."""
    route = "poortwachter"
    end_week = WAITING_WEEKS + extension_weeks
    steps = [
        _step(route, "ziekmelding", clock.end_of_week(1), clock, language, "pw-1-ziekmelding"),
        _step(route, "probleemanalyse", clock.end_of_week(6), clock, language, "pw-2-week-6"),
        _step(route, "plan-van-aanpak", clock.end_of_week(8), clock, language, "pw-3-week-8"),
    ]
    week, number = 8 + EVALUATION_EVERY_WEEKS, 1
    while week < end_week:
        due = clock.end_of_week(week)
        steps.append(_step(route, "evaluatie", due, clock, language, "pw-4-evaluatie", n=number))
        week += EVALUATION_EVERY_WEEKS
        number += 1
    uwv_report = next_working_day(clock.end_of_week(42) + timedelta(days=1))
    steps += [
        _step(route, "ziekmelding-uwv", uwv_report, clock, language, "pw-5-week-42"),
        _step(
            route, "eerstejaarsevaluatie", clock.end_of_week(52), clock, language, "pw-6-week-52"
        ),
        _step(
            route,
            "wia-aanvraag",
            clock.end_of_week(end_week - 11),
            clock,
            language,
            "pw-7-wia-week-93",
        ),
        _step(
            route,
            "einde-loondoorbetaling",
            clock.end_of_week(end_week),
            clock,
            language,
            "pw-8-week-104",
        ),
        _iva_step(route, clock, language),
    ]
    if until is not None:
        steps = [step for step in steps if step.milestone.due <= until]
    return steps


def _iva_step(route: str, clock: SickClock, language: str) -> Step:
    """Rule iva-1: early IVA, employee only, from week 3 up to and including week 68."""
    start = clock.day(15)
    return _step(
        route,
        "vervroegde-iva",
        clock.end_of_week(68),
        clock,
        language,
        "iva-1-week-3-68",
        optional=True,
        start=start,
    )


def _uwv_steps(clock: SickClock, language: str, after: date | None) -> list[Step]:
    """Rules zw-3 .. zw-5: UWV's part of the Ziektewet route; EZWb only while it is still
    ahead (after ``after``, the day UWV takes over)."""
    route = "ziektewet"
    steps = []
    ezwb = clock.end_of_week(52)
    if after is None or ezwb > after:
        steps.append(
            _step(route, "eerstejaars-ziektewet-beoordeling", ezwb, clock, language, "zw-3-ezwb")
        )
    steps += [
        _step(route, "wia-aanvraag", clock.end_of_week(93), clock, language, "zw-4-wia-week-93"),
        _step(
            route,
            "einde-ziektewet",
            clock.end_of_week(WAITING_WEEKS),
            clock,
            language,
            "zw-5-week-104",
        ),
        _iva_step(route, clock, language),
    ]
    return steps


def _zzp_steps(sick_since: date, aov_waiting_days: int, language: str) -> list[Step]:
    """Rules zzp-1, zzp-2: report to the insurer; payment after the policy's waiting time."""
    clock = SickClock((), sick_since)
    return [
        _step("zzp", "aov-melding", sick_since, clock, language, "zzp-1-melding"),
        _step(
            "zzp",
            "aov-uitkering",
            sick_since + timedelta(days=aov_waiting_days),
            clock,
            language,
            "zzp-2-wachttijd",
        ),
    ]


# --------------------------------------------------------------------------- validation


def validate(
    sick_since: date | None,
    history: tuple[SickPeriod, ...] = (),
    *,
    contract_end: date | None = None,
    extension_weeks: int = 0,
    aov_waiting_days: int | None = None,
    today: date | None = None,
    language: str = "nl",
) -> list[Problem]:
    """Every reason the history is impossible, each naming its field (empty when fine)."""
    problems: list[Problem] = []
    if today is not None and sick_since is not None and sick_since > today:
        problems.append(_problem("sick_since", "current-in-future", language, date=sick_since))
    ordered = sorted(enumerate(history, start=1), key=lambda item: item[1].start)
    for number, period in enumerate(history, start=1):
        name = f"history.{number}"
        if period.end < period.start:
            problems.append(
                _problem(
                    name,
                    "period-ends-before-start",
                    language,
                    n=number,
                    start=period.start,
                    end=period.end,
                )
            )
        if today is not None and max(period.start, period.end) > today:
            problems.append(
                _problem(
                    name,
                    "period-in-future",
                    language,
                    n=number,
                    date=max(period.start, period.end),
                )
            )
        if sick_since is not None and period.end >= sick_since:
            problems.append(
                _problem(name, "period-after-current", language, n=number, date=sick_since)
            )
    for (first_number, first), (second_number, second) in itertools.pairwise(ordered):
        if second.start <= first.end:
            low, high = sorted((first_number, second_number))
            problems.append(_problem(f"history.{high}", "periods-overlap", language, n=low, m=high))
    if not 0 <= extension_weeks <= MAX_EXTENSION_WEEKS:
        problems.append(_problem("extension_weeks", "extension-range", language))
    if aov_waiting_days is not None and not 0 <= aov_waiting_days <= MAX_AOV_WAITING_DAYS:
        problems.append(_problem("aov_waiting_days", "aov-range", language))
    return problems


# --------------------------------------------------------------------------- routes


def _sorted(steps: list[Step]) -> tuple[Step, ...]:
    order = _order()

    def key(step: Step) -> tuple[date, int]:
        return step.milestone.due, order.get(step.milestone.code, len(order))

    return tuple(sorted(steps, key=key))


def build_route(
    employment: str,
    sick_since: date | None,
    *,
    history: tuple[SickPeriod, ...] = (),
    contract_end: date | None = None,
    extension_weeks: int = 0,
    aov_waiting_days: int | None = None,
    language: str = "nl",
    today: date | None = None,
) -> Route:
    """The whole route for a situation: steps with tasks and consequences, and notes.

    Raises ``RouteInputError`` (with every problem) for an impossible history, and
    ``ValueError`` for an unknown employment type or language.
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; use one of {LANGUAGES}")
    if employment not in slugs("employment"):
        raise ValueError(f"Unknown employment {employment!r}")
    problems = validate(
        sick_since,
        history,
        contract_end=contract_end,
        extension_weeks=extension_weeks,
        aov_waiting_days=aov_waiting_days,
        today=today,
        language=language,
    )
    if problems:
        raise RouteInputError(problems)

    def empty(kind: str, *keys: str) -> Route:
        notes = tuple(note(key, language) for key in keys)
        return Route(kind, employment, language, sick_since, None, 0, (), notes)

    if sick_since is None:
        return empty("geen")
    if employment == "zzp":
        if aov_waiting_days is None:
            return empty("zzp", "zzp", "zzp-no-aov")
        steps = _zzp_steps(sick_since, aov_waiting_days, language)
        return Route(
            "zzp",
            employment,
            language,
            sick_since,
            None,
            0,
            _sorted(steps),
            (note("zzp", language),),
        )
    if employment in NO_ROUTE_EMPLOYMENT:
        return empty("geen", "geen")

    clock = SickClock(counted_periods(history, sick_since), sick_since)
    notes: list[str] = []
    if clock.earlier:
        notes.append(note("samentelling", language))
    end_of_waiting = clock.end_of_week(WAITING_WEEKS)

    if employment in POORTWACHTER_EMPLOYMENT:
        if contract_end is not None and contract_end < clock.first_day:
            if (sick_since - contract_end).days > CONTRACT_AFTERCARE_DAYS:
                return empty("geen", "no-ziektewet-after-contract")
            steps = [
                _step("ziektewet", "ziekmelding", clock.day(2), clock, language, "zw-1-melding")
            ]
            steps.append(
                _step(
                    "ziektewet", "ziektewet-uitkering", clock.day(1), clock, language, "zw-2-start"
                )
            )
            steps += _uwv_steps(clock, language, None)
            notes.append(note("ziektewet-after-contract", language))
            return Route(
                "ziektewet", employment, language, clock.first_day, end_of_waiting,
                clock.days_before, _sorted(steps), tuple(notes),
            )  # fmt: skip
        if contract_end is not None and contract_end < end_of_waiting:
            if extension_weeks:
                raise RouteInputError(
                    [_problem("extension_weeks", "extension-ziektewet", language)]
                )
            steps = _poortwachter_steps(clock, language, 0, contract_end)
            report_day = last_working_day(contract_end, clock.first_day)
            steps.append(
                _step(
                    "ziektewet",
                    "einde-contract",
                    report_day,
                    clock,
                    language,
                    "zw-6-einde-contract",
                )
            )
            steps.append(
                _step(
                    "ziektewet",
                    "ziektewet-uitkering",
                    contract_end + timedelta(days=1),
                    clock,
                    language,
                    "zw-2-start",
                )
            )
            steps = [s for s in steps if s.milestone.code != "vervroegde-iva"]
            steps += _uwv_steps(clock, language, contract_end)
            notes.append(note("ziektewet-contract", language))
            kind = "ziektewet"
        else:
            steps = _poortwachter_steps(clock, language, extension_weeks, None)
            end_of_waiting = clock.end_of_week(WAITING_WEEKS + extension_weeks)
            notes.insert(0, note("poortwachter", language))
            if extension_weeks:
                notes.append(note("verlenging", language, weeks=extension_weeks))
            kind = "poortwachter"
    else:  # uitkering-ww, ziektewet: UWV from the start
        if extension_weeks:
            raise RouteInputError([_problem("extension_weeks", "extension-ziektewet", language)])
        steps = []
        if employment == "uitkering-ww":
            steps.append(
                _step("ziektewet", "ziekmelding", clock.day(2), clock, language, "zw-1-melding")
            )
            steps.append(
                _step(
                    "ziektewet",
                    "ziektewet-uitkering",
                    clock.day(7 * WW_WEEKS + 1),
                    clock,
                    language,
                    "zw-2-na-13-weken-ww",
                )
            )
            notes.append(note("ziektewet-ww", language))
        else:
            notes.append(note("ziektewet-vangnet", language))
        steps += _uwv_steps(clock, language, None)
        kind = "ziektewet"

    if today is not None:
        closed = [
            s for s in steps if s.milestone.code == "vervroegde-iva" and s.milestone.due < today
        ]
        if closed:
            steps = [s for s in steps if s not in closed]
            notes.append(note("iva-closed", language))
    return Route(
        kind,
        employment,
        language,
        clock.first_day,
        end_of_waiting,
        clock.days_before,
        _sorted(steps),
        tuple(notes),
    )


def milestones(
    employment: str,
    sick_since: date | None,
    *,
    contract_end: date | None = None,
    language: str = "nl",
    today: date | None = None,
) -> list[Milestone]:
    """The milestones of a situation, sorted by due date (ties in vocabulary order).

    Empty for zzp, werkzoekend, student, uitkering-bijstand and when ``sick_since`` is
    None. ``today`` (when given) only drops the early-IVA option once its window (week 68)
    has closed; without it the result depends on the arguments alone. A ``sick_since``
    after ``today`` raises ``RouteInputError``.
    """
    if employment == "zzp":
        return []
    route = build_route(
        employment, sick_since, contract_end=contract_end, language=language, today=today
    )
    return route.milestones
