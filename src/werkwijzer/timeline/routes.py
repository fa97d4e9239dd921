"""The sick-leave routes: from a work situation and a sick-leave history to dated milestones.

Pure Python (no Django import), so the wegwijzer plan, the timeline page, the APIs, the
command lines and the tests all use the same rules: both channels call ``build_route``
with a ``RouteInput`` and so give the same dates. Every date rule is a small function
with a rule id; the legal numbers (weeks, days, percentages, amounts) and the texts live
in ``routes.yaml`` beside this module, so a number is written once and every text that
names it is filled in from it. docs/timeline.md lists which route applies to whom and
every rule with its source.

Date convention: the first sick day is day 1; week n runs from day 7(n-1)+1 to day 7n;
"at the latest in week n" is due on counted sick day 7n, unless the official rule names
another day. Periods of sickness with less than 4 weeks between them count together
(samentelling): the sick days are added up and the days in between do not count.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from werkwijzer.core import yamlfile
from werkwijzer.vocabulary.slugs import EMPLOYEE_CONTRACTS, slugs

ROUTES_FILE = Path(__file__).with_name("routes.yaml")
LANGUAGES = ("nl", "en")
PARTIES = ("werknemer", "werkgever", "bedrijfsarts", "uwv", "verzekeraar", "gemeente")

ZIEKTEWET_EMPLOYMENT = frozenset({"uitkering-ww", "ziektewet"})
NO_ROUTE_EMPLOYMENT = frozenset({"zzp", "werkzoekend", "student", "uitkering-bijstand"})
AGENCY = "uitzendkracht"
EXTENSION_KINDS = ("vrijwillig", "loonsanctie")
# Whose words a text is written in; the naaste reads about their own work as "je".
AUDIENCES = {
    "werkende": "werkende",
    "naaste": "werkende",
    "werkgever": "werkgever",
    "professional": "professional",
}
_FALLBACK = {
    "werkende": ("werkende",),
    "werkgever": ("werkgever", "professional"),
    "professional": ("professional",),
}


@cache
def _data() -> dict[str, Any]:
    with ROUTES_FILE.open(encoding="utf-8") as handle:
        return yamlfile.load(handle)


@cache
def numbers() -> dict[str, int]:
    """The legal numbers of the routes (routes.yaml ``numbers``): the one place for them.

    Other apps that state a legal week in a text (articles, FAQ) take it from here."""
    return {key: entry["value"] for key, entry in _data()["numbers"].items()}


def number_source(key: str) -> str:
    """The source key that states a legal number."""
    return _data()["numbers"][key]["source"]


_N = numbers()
WAITING_WEEKS = _N["waiting_weeks"]  # wachttijd WIA / loondoorbetaling
RECOVERY_GAP_DAYS = 7 * _N["recovery_gap_weeks"]  # periods less than 4 weeks apart count
WW_WEEKS = _N["ww_weeks"]  # sick on WW: the WW continues for the first 13 weeks
CONTRACT_AFTERCARE_DAYS = 7 * _N["aftercare_weeks"]  # sick within 4 weeks after the end
EVALUATION_EVERY_WEEKS = _N["evaluation_every_weeks"]
EARLY_IVA_FIRST_DAY = 7 * _N["iva_after_weeks"] + 1  # "na minimaal 3 weken ziekte"
EARLY_IVA_LAST_WEEK = _N["iva_last_week"]
WIA_LEAD_WEEKS = _N["wia_lead_weeks"]
MIN_EXTENSION_WEEKS = _N["extension_min_weeks"]
MAX_SANCTION_WEEKS = _N["sanction_max_weeks"]
# Input guards, not legal limits: an agreed extension has no legal maximum (UWV), but this
# tool does not plan further ahead than this; an AOV waiting period is set by the policy.
MAX_EXTENSION_WEEKS = 104
MAX_AOV_WAITING_DAYS = 730

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


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True)
class Milestone:
    code: str  # a milestone slug from vocabulary.yaml
    due: date
    week: int | None  # sick-leave week the due date falls in, when it has one
    who: str  # main party, one of PARTIES
    what: str  # one or two B1 sentences in the requested language, for the reader's role
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
class Alert:
    """A warning that belongs on top of a plan: ``key`` names it in routes.yaml."""

    key: str
    text: str
    source: str


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
class RouteInput:
    """Everything a route depends on, as the plan and the timeline both pass it."""

    employment: str
    sick_since: date | None
    history: tuple[SickPeriod, ...] = ()  # earlier spells of sickness
    contract_end: date | None = None  # last day of the (last) contract
    agency_clause: bool | None = None  # uitzendbeding; only for uitzendkracht
    benefit_end: date | None = None  # last day of the WW benefit; only for uitkering-ww
    extension_weeks: int = 0
    extension_kind: str = "vrijwillig"  # or "loonsanctie" (imposed by UWV)
    aov_waiting_days: int | None = None
    wia_applied: bool | None = None
    role: str = "werkende"  # whose words the texts use: see AUDIENCES


@dataclass(frozen=True)
class Route:
    kind: str  # "poortwachter", "ziektewet", "bijstand", "zzp" or "geen"
    employment: str
    language: str
    first_sick_day: date | None  # first day of the periods that count together
    end_of_waiting: date | None  # last day of the 104 weeks (plus any extension)
    counted_days_before: int  # sick days from earlier periods that count
    steps: tuple[Step, ...]
    notes: tuple[str, ...] = ()
    alerts: tuple[Alert, ...] = ()

    @property
    def milestones(self) -> list[Milestone]:
        return [step.milestone for step in self.steps]


# --------------------------------------------------------------------------- texts


@cache
def _order() -> dict[str, int]:
    return {code: index for index, code in enumerate(slugs("milestones"))}


def _pick(block: Mapping[str, Any], audience: str, language: str) -> str:
    """The text of a block for a reader: plain ``{nl, en}`` or one per audience."""
    if language in block:
        return block[language]
    for key in _FALLBACK[audience]:
        if key in block:
            return block[key][language]
    raise KeyError(f"no text for {audience!r}")


def _fill(template: str, values: Mapping[str, Any], language: str) -> str:
    shown = {k: format_date(v, language) if isinstance(v, date) else v for k, v in values.items()}
    return template.format_map(shown)


def party_label(party: str, language: str = "nl") -> str:
    return _data()["parties"][party][language]


def title(code: str, language: str = "nl") -> str:
    return _fill(_data()["titles"][code][language], _N, language)


def note(key: str, language: str = "nl", role: str = "werkende", **values: Any) -> str:
    block = _data()["notes"][key]
    return _fill(_pick(block, AUDIENCES[role], language), {**_N, **values}, language)


def format_date(value: date, language: str = "nl") -> str:
    """A date as people write it: "3 maart 2026" or "3 March 2026"."""
    return f"{value.day} {MONTHS[language][value.month - 1]} {value.year}"


def _problem(field_name: str, code: str, language: str, **values: Any) -> Problem:
    return Problem(field_name, code, _fill(_data()["problems"][code][language], values, language))


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

    def counted_day(self, when: date) -> int | None:
        """The counted sick day a date is; None for a day before or between periods."""
        counted = 0
        for period in self.earlier:
            if when < period.start:
                return None
            if when <= period.end:
                return counted + (when - period.start).days + 1
            counted += period.days
        if when < self.current:
            return None
        return counted + (when - self.current).days + 1

    def week_of(self, when: date) -> int | None:
        """The sick-leave week a date falls in; None for a day between periods."""
        day = self.counted_day(when)
        return None if day is None else (day - 1) // 7 + 1

    def next_sick_day(self, when: date) -> date:
        """``when`` itself when it is a sick day, else the first sick day after it."""
        if self.counted_day(when) is not None:
            return when
        later = [p.start for p in self.earlier if p.start > when] + [self.current]
        return max(min(later), when)


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


def sick_clock(sick_since: date, history: tuple[SickPeriod, ...] = ()) -> SickClock:
    return SickClock(counted_periods(history, sick_since), sick_since)


def counted_sick_day(sick_since: date, history: tuple[SickPeriod, ...], today: date) -> int:
    """How many sick days count up to and including ``today`` (with samentelling)."""
    return sick_clock(sick_since, history).counted_day(today) or 0


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


@dataclass(frozen=True)
class _Context:
    """What every step of one route needs: the clock, the reader and the numbers."""

    clock: SickClock
    language: str
    audience: str
    values: Mapping[str, Any]  # the legal numbers plus end_week, wia_week and ext

    def step(
        self,
        route: str,
        key: str,
        due: date,
        rule: str,
        *,
        code: str | None = None,
        optional: bool = False,
        **extra: Any,
    ) -> Step:
        """A step from routes.yaml ``routes.<route>.<key>``; ``code`` when the milestone
        code differs from the text key (a variant text of the same milestone)."""
        code = code or key
        entry = _data()["routes"][route][key]
        values = {**self.values, **extra}
        tasks = tuple(
            Task(party, _fill(entry["tasks"][party][self.language], values, self.language))
            for party in PARTIES
            if party in entry.get("tasks", {})
        )
        milestone = Milestone(
            code=code,
            due=due,
            week=self.clock.week_of(due),
            who=entry["who"],
            what=_fill(_pick(entry["what"], self.audience, self.language), values, self.language),
            source=entry["source"],
            optional=optional,
        )
        heading = title(code, self.language)
        if code == "evaluatie":
            heading = f"{heading} ({extra['n']})"
        missed = _fill(_pick(entry["missed"], self.audience, self.language), values, self.language)
        return Step(milestone, heading, tasks, missed, rule)

    def note(self, key: str) -> str:
        block = _data()["notes"][key]
        return _fill(_pick(block, self.audience, self.language), self.values, self.language)

    def alert(self, key: str) -> Alert:
        block = _data()["alerts"][key]
        text = _fill(_pick(block, self.audience, self.language), self.values, self.language)
        return Alert(key, text, block["source"])


def _poortwachter_steps(ctx: _Context, until: date | None, kind: str) -> list[Step]:
    """Rules pw-1 .. pw-8 and iva-1: the Wet verbetering poortwachter. ``until`` is the
    last day the employer is responsible (a contract end); steps after it are left out.
    ``kind`` is the extension: "" (none), "vrijwillig" or "loonsanctie"."""
    clock, route = ctx.clock, "poortwachter"
    end_week, wia_week = ctx.values["end_week"], ctx.values["wia_week"]
    steps = [
        ctx.step(route, "ziekmelding", clock.end_of_week(_N["report_week"]), "pw-1-ziekmelding"),
        ctx.step(route, "probleemanalyse", clock.end_of_week(_N["analysis_week"]), "pw-2-week-6"),
        ctx.step(route, "plan-van-aanpak", clock.end_of_week(_N["plan_week"]), "pw-3-week-8"),
    ]
    week, number = _N["plan_week"] + EVALUATION_EVERY_WEEKS, 1
    while week < end_week:
        due = clock.end_of_week(week)
        steps.append(ctx.step(route, "evaluatie", due, "pw-4-evaluatie", n=number))
        week += EVALUATION_EVERY_WEEKS
        number += 1
    uwv_report = next_working_day(clock.end_of_week(_N["uwv_report_week"]) + timedelta(days=1))
    wia_key = "wia-aanvraag-verlengd" if kind == "vrijwillig" else "wia-aanvraag"
    wia_rule = "verlenging-wia" if kind == "vrijwillig" else "pw-7-wia-week-93"
    steps += [
        ctx.step(route, "ziekmelding-uwv", uwv_report, "pw-5-week-42"),
        ctx.step(
            route, "eerstejaarsevaluatie", clock.end_of_week(_N["first_year_week"]), "pw-6-week-52"
        ),
        ctx.step(route, wia_key, clock.end_of_week(wia_week), wia_rule, code="wia-aanvraag"),
        ctx.step(route, "einde-loondoorbetaling", clock.end_of_week(end_week), "pw-8-week-104"),
        _iva_step(ctx, route),
    ]
    if until is not None:
        steps = [step for step in steps if step.milestone.due <= until]
    return steps


def _iva_step(ctx: _Context, route: str) -> Step:
    """Rule iva-1: early IVA, employee only, after 3 weeks of sickness (counted day 22)
    up to and including week 68."""
    return ctx.step(
        route,
        "vervroegde-iva",
        ctx.clock.end_of_week(EARLY_IVA_LAST_WEEK),
        "iva-1-na-3-weken-tot-week-68",
        optional=True,
        start=ctx.clock.day(EARLY_IVA_FIRST_DAY),
    )


def _uwv_steps(ctx: _Context, after: date | None) -> list[Step]:
    """Rules zw-3 .. zw-7: UWV's part of the Ziektewet route. The plan of action and the
    EZWb only while still ahead of ``after`` (the day UWV takes over)."""
    clock, route = ctx.clock, "ziektewet"
    steps = []
    plan_due = clock.end_of_week(_N["zw_plan_week"])
    if after is None or plan_due > after:
        steps.append(ctx.step(route, "uwv-plan-van-aanpak", plan_due, "zw-7-plan-van-aanpak"))
    ezwb = clock.end_of_week(_N["ezwb_week"])
    if after is None or ezwb > after:
        steps.append(ctx.step(route, "eerstejaars-ziektewet-beoordeling", ezwb, "zw-3-ezwb"))
    steps += [
        ctx.step(route, "wia-aanvraag", clock.end_of_week(ctx.values["wia_week"]), "zw-4-wia"),
        ctx.step(route, "einde-ziektewet", clock.end_of_week(WAITING_WEEKS), "zw-5-week-104"),
        _iva_step(ctx, route),
    ]
    return steps


def _uwv_report_day(clock: SickClock) -> date:
    """Rule zw-1: report sick to UWV at the latest on day 2 of the current sickness (the
    report is about this sickness, also when earlier spells count for the weeks)."""
    return clock.current + timedelta(days=_N["zw_report_day"] - 1)


def _report_to_uwv(ctx: _Context, starts: date, rule: str) -> list[Step]:
    """Rules zw-1 and zw-2: report sick to UWV by day 2; the benefit starts on ``starts``."""
    return [
        ctx.step("ziektewet", "ziekmelding", _uwv_report_day(ctx.clock), "zw-1-melding"),
        ctx.step("ziektewet", "ziektewet-uitkering", starts, rule),
    ]


def _zzp_steps(sick_since: date, aov_waiting_days: int, ctx: _Context) -> list[Step]:
    """Rules zzp-1, zzp-2: report to the insurer; payment after the policy's waiting time."""
    return [
        ctx.step("zzp", "aov-melding", sick_since, "zzp-1-melding"),
        ctx.step(
            "zzp",
            "aov-uitkering",
            sick_since + timedelta(days=aov_waiting_days),
            "zzp-2-wachttijd",
        ),
    ]


# --------------------------------------------------------------------------- validation


def _history_problems(
    sick_since: date | None,
    history: tuple[SickPeriod, ...],
    today: date | None,
    language: str,
    prefix: str,
) -> list[Problem]:
    problems: list[Problem] = []
    for number, period in enumerate(history, start=1):
        name = f"{prefix}.{number}"
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
        latest = max(period.start, period.end)
        if today is not None and latest > today:
            problems.append(_problem(name, "period-in-future", language, n=number, date=latest))
        if sick_since is not None and period.end >= sick_since:
            problems.append(
                _problem(name, "period-after-current", language, n=number, date=sick_since)
            )
    ordered = sorted(enumerate(history, start=1), key=lambda item: item[1].start)
    for (first_number, first), (second_number, second) in itertools.pairwise(ordered):
        if second.start <= first.end:
            low, high = sorted((first_number, second_number))
            problems.append(
                _problem(f"{prefix}.{high}", "periods-overlap", language, n=low, m=high)
            )
    return problems


def _extension_problems(given: RouteInput, language: str) -> list[Problem]:
    weeks, kind = given.extension_weeks, given.extension_kind
    if kind not in EXTENSION_KINDS:
        return [_problem("extension_kind", "extension-kind", language)]
    if not weeks:
        return []
    if kind == "vrijwillig" and not MIN_EXTENSION_WEEKS <= weeks <= MAX_EXTENSION_WEEKS:
        return [
            _problem(
                "extension_weeks",
                "extension-range",
                language,
                min=MIN_EXTENSION_WEEKS,
                max=MAX_EXTENSION_WEEKS,
            )
        ]
    if kind == "loonsanctie" and not 1 <= weeks <= MAX_SANCTION_WEEKS:
        return [_problem("extension_weeks", "sanction-range", language, max=MAX_SANCTION_WEEKS)]
    if not _employer_pays(given):
        return [_problem("extension_weeks", "extension-ziektewet", language)]
    return []


def _employer_pays(given: RouteInput) -> bool:
    """True when an employer pays wages during sickness (the Poortwachter route)."""
    if given.employment not in EMPLOYEE_CONTRACTS:
        return False
    return not (given.employment == AGENCY and given.agency_clause is True)


def validate(
    given: RouteInput,
    *,
    today: date | None = None,
    language: str = "nl",
    history_field: str = "history",
) -> list[Problem]:
    """Every reason the input is impossible, each naming its field (empty when fine).
    ``history_field`` is how the channel calls the earlier spells in its field names."""
    sick_since = given.sick_since
    problems: list[Problem] = []
    if today is not None and sick_since is not None and sick_since > today:
        problems.append(_problem("sick_since", "current-in-future", language, date=sick_since))
    problems += _history_problems(sick_since, given.history, today, language, history_field)
    problems += _extension_problems(given, language)
    if given.agency_clause is True and given.employment != AGENCY:
        problems.append(_problem("agency_clause", "agency-clause-not-agency", language))
    if given.benefit_end is not None and given.employment != "uitkering-ww":
        problems.append(_problem("benefit_end", "benefit-end-not-ww", language))
    if (
        given.employment == "werkzoekend"
        and given.contract_end is not None
        and sick_since is not None
        and given.contract_end >= sick_since
    ):
        problems.append(
            _problem("contract_end", "contract-after-sickness-jobseeker", language, date=sick_since)
        )
    aov = given.aov_waiting_days
    if aov is not None and not 0 <= aov <= MAX_AOV_WAITING_DAYS:
        problems.append(
            _problem("aov_waiting_days", "aov-range", language, max=MAX_AOV_WAITING_DAYS)
        )
    return problems


# --------------------------------------------------------------------------- routes


def _sorted(steps: list[Step]) -> tuple[Step, ...]:
    order = _order()

    def key(step: Step) -> tuple[date, int]:
        return step.milestone.due, order.get(step.milestone.code, len(order))

    return tuple(sorted(steps, key=key))


@dataclass
class _Draft:
    """A route while it is built: the parts each route function adds to."""

    kind: str
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    end_of_waiting: date | None = None
    wia_due: date | None = None  # the WIA deadline, when the route has one


def _context(clock: SickClock, given: RouteInput, language: str) -> _Context:
    ext = given.extension_weeks if _employer_pays(given) else 0
    end_week = WAITING_WEEKS + ext
    wia_week = WAITING_WEEKS - WIA_LEAD_WEEKS
    if given.extension_kind == "vrijwillig":
        wia_week += ext  # an agreed extension moves the application; a sanction does not
    values = {**_N, "end_week": end_week, "wia_week": wia_week, "ext": ext}
    return _Context(clock, language, AUDIENCES[given.role], values)


def _ziektewet_draft(ctx: _Context, steps: list[Step], *notes: str) -> _Draft:
    clock = ctx.clock
    draft = _Draft("ziektewet", steps, [ctx.note(key) for key in notes])
    draft.end_of_waiting = clock.end_of_week(WAITING_WEEKS)
    draft.wia_due = clock.end_of_week(ctx.values["wia_week"])
    return draft


def _after_end_draft(ctx: _Context, ended: date, note_key: str) -> _Draft:
    """Sick after a contract or the WW ended: within 4 weeks the Ziektewet may still pay
    (nawerking, rule zw-8-nawerking); later there is no route. What counts is the first
    day of the current sickness."""
    current = ctx.clock.current
    if (current - ended).days > CONTRACT_AFTERCARE_DAYS:
        return _Draft("geen", notes=[ctx.note("no-ziektewet-after-contract")])
    steps = _report_to_uwv(ctx, current, "zw-8-nawerking") + _uwv_steps(ctx, None)
    return _ziektewet_draft(ctx, steps, note_key)


def _contract_end_draft(ctx: _Context, contract_end: date) -> _Draft:
    """Rule zw-6: the contract ends during sickness; employer steps until the end date,
    then the Ziektewet from the next sick day."""
    clock = ctx.clock
    steps = _poortwachter_steps(ctx, contract_end, "")
    steps = [step for step in steps if step.milestone.code != "vervroegde-iva"]
    report_day = last_working_day(contract_end, clock.first_day)
    steps.append(ctx.step("ziektewet", "einde-contract", report_day, "zw-6-einde-contract"))
    starts = clock.next_sick_day(contract_end + timedelta(days=1))
    steps.append(ctx.step("ziektewet", "ziektewet-uitkering", starts, "zw-2-start"))
    steps += _uwv_steps(ctx, contract_end)
    return _ziektewet_draft(ctx, steps, "ziektewet-contract")


def _employee_draft(ctx: _Context, given: RouteInput) -> _Draft:
    """Employees (and agency workers without an agency clause)."""
    clock, contract_end = ctx.clock, given.contract_end
    if contract_end is not None and contract_end < clock.first_day:
        return _after_end_draft(ctx, contract_end, "ziektewet-after-contract")
    end_of_waiting = clock.end_of_week(ctx.values["end_week"])
    if contract_end is not None and contract_end < end_of_waiting:
        if given.extension_weeks:
            problem = _problem(
                "contract_end", "extension-contract", ctx.language, date=contract_end
            )
            raise RouteInputError([problem])
        return _contract_end_draft(ctx, contract_end)
    kind = given.extension_kind if given.extension_weeks else ""
    draft = _Draft("poortwachter", _poortwachter_steps(ctx, None, kind), [ctx.note("poortwachter")])
    if given.employment == AGENCY:
        if given.agency_clause is None:
            draft.alerts.append(ctx.alert("agency-unknown"))
        else:
            draft.notes.append(ctx.note("uitzend-zonder-beding"))
    if kind:
        draft.notes.append(ctx.note("verlenging" if kind == "vrijwillig" else "loonsanctie"))
    draft.end_of_waiting = end_of_waiting
    draft.wia_due = clock.end_of_week(ctx.values["wia_week"])
    return draft


def _agency_clause_draft(ctx: _Context, given: RouteInput) -> _Draft:
    """Rule uz-1: an agency worker with an agency clause; the contract ends at sickness,
    so the Ziektewet applies from the first day of the current sickness and UWV is the
    party (earlier spells still count for the weeks)."""
    if given.contract_end is not None and given.contract_end < ctx.clock.first_day:
        return _after_end_draft(ctx, given.contract_end, "ziektewet-after-contract")
    day1 = ctx.clock.current
    steps = [
        ctx.step("uitzendbeding", "einde-contract", day1, "uz-1-uitzendbeding"),
        ctx.step("ziektewet", "ziektewet-uitkering", day1, "uz-1-uitzendbeding"),
    ]
    return _ziektewet_draft(ctx, steps + _uwv_steps(ctx, None), "uitzendbeding")


def _ww_draft(ctx: _Context, benefit_end: date | None) -> _Draft:
    """Rules zw-1, zw-2-ww: sick on WW; the WW continues 13 weeks (or until it ends), then
    the Ziektewet. Sick after the WW ended: nawerking."""
    clock = ctx.clock
    if benefit_end is not None and benefit_end < clock.first_day:
        return _after_end_draft(ctx, benefit_end, "ziektewet-after-ww")
    switch = clock.day(7 * WW_WEEKS + 1)
    rule = "zw-2-na-13-weken-ww"
    if benefit_end is not None and benefit_end + timedelta(days=1) < switch:
        switch, rule = clock.next_sick_day(benefit_end + timedelta(days=1)), "zw-2-ww-eindigt"
    steps = [
        ctx.step("ziektewet", "ziekmelding", _uwv_report_day(clock), "zw-1-melding"),
        ctx.step(
            "ziektewet", "ziektewet-uitkering-na-ww", switch, rule, code="ziektewet-uitkering"
        ),
    ]
    return _ziektewet_draft(ctx, steps + _uwv_steps(ctx, None), "ziektewet-ww")


def _bijstand_draft(ctx: _Context) -> _Draft:
    """Rules bs-1, bs-2: bijstand; tell the municipality, ask for an exemption."""
    day1 = ctx.clock.current
    steps = [
        ctx.step("bijstand", "ziekmelding-gemeente", day1, "bs-1-inlichtingenplicht"),
        ctx.step("bijstand", "ontheffing-arbeidsplicht", day1, "bs-2-ontheffing", optional=True),
    ]
    return _Draft("bijstand", steps, [ctx.note("bijstand")])


def _draft(ctx: _Context, given: RouteInput) -> _Draft:
    """Which route applies (docs/timeline.md, "Which route")."""
    employment = given.employment
    if employment == "ziektewet":
        steps = _uwv_steps(ctx, None)
        return _ziektewet_draft(ctx, steps, "ziektewet-vangnet")
    if employment == "uitkering-ww":
        return _ww_draft(ctx, given.benefit_end)
    if employment == "uitkering-bijstand":
        return _bijstand_draft(ctx)
    if employment == "werkzoekend" and given.contract_end is not None:
        return _after_end_draft(ctx, given.contract_end, "ziektewet-after-contract")
    if employment == AGENCY and given.agency_clause is True:
        return _agency_clause_draft(ctx, given)
    if employment in EMPLOYEE_CONTRACTS:
        return _employee_draft(ctx, given)
    return _Draft("geen", notes=[ctx.note("geen")])


def _late_wia(draft: _Draft, ctx: _Context, given: RouteInput, today: date) -> None:
    """Rule wia-2-te-laat: the WIA deadline has passed and no application is known; a
    step for today and a warning. A loonsanctie means UWV already has the application."""
    if draft.wia_due is None or today <= draft.wia_due or given.wia_applied is True:
        return
    if given.extension_weeks and given.extension_kind == "loonsanctie":
        return
    draft.steps.append(ctx.step("late", "wia-alsnog-aanvragen", today, "wia-2-te-laat"))
    past_end = draft.end_of_waiting is not None and today > draft.end_of_waiting
    draft.alerts.append(ctx.alert("wia-after-end" if past_end else "wia-late"))


def _close_iva(draft: _Draft, ctx: _Context, today: date) -> None:
    closed = [
        s for s in draft.steps if s.milestone.code == "vervroegde-iva" and s.milestone.due < today
    ]
    if closed:
        draft.steps = [s for s in draft.steps if s not in closed]
        draft.notes.append(ctx.note("iva-closed"))


def route_for(
    given: RouteInput,
    *,
    language: str = "nl",
    today: date | None = None,
    history_field: str = "history",
) -> Route:
    """The whole route for a situation: steps with tasks and consequences, notes, alerts.

    Raises ``RouteInputError`` (with every problem) for impossible input, and
    ``ValueError`` for an unknown employment type, role or language. ``today`` (when
    given) checks dates against it, drops the early-IVA option once its window closed
    and adds the late-WIA step; without it the result depends on the input alone.
    ``history_field`` is the channel's name for the earlier spells in problem fields.
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; use one of {LANGUAGES}")
    if given.employment not in slugs("employment"):
        raise ValueError(f"Unknown employment {given.employment!r}")
    if given.role not in AUDIENCES:
        raise ValueError(f"Unknown role {given.role!r}")
    problems = validate(given, today=today, language=language, history_field=history_field)
    if problems:
        raise RouteInputError(problems)
    audience = AUDIENCES[given.role]
    sick_since = given.sick_since
    if sick_since is None:
        return Route("geen", given.employment, language, None, None, 0, ())
    if given.employment == "zzp":
        return _zzp_route(given, sick_since, language, audience)
    clock = sick_clock(sick_since, given.history)
    ctx = _context(clock, given, language)
    draft = _draft(ctx, given)
    if clock.earlier and draft.kind in ("poortwachter", "ziektewet"):
        draft.notes.append(ctx.note("samentelling"))
    if today is not None:
        _close_iva(draft, ctx, today)
        _late_wia(draft, ctx, given, today)
    first = clock.first_day if draft.kind in ("poortwachter", "ziektewet") else sick_since
    before = clock.days_before if draft.kind in ("poortwachter", "ziektewet") else 0
    return Route(
        draft.kind,
        given.employment,
        language,
        first,
        draft.end_of_waiting,
        before,
        _sorted(draft.steps),
        tuple(draft.notes),
        tuple(draft.alerts),
    )


def _zzp_route(given: RouteInput, sick_since: date, language: str, audience: str) -> Route:
    ctx = _Context(SickClock((), sick_since), language, audience, _N)
    notes = [ctx.note("zzp")]
    steps: tuple[Step, ...] = ()
    if given.aov_waiting_days is None:
        notes.append(ctx.note("zzp-no-aov"))
    else:
        steps = _sorted(_zzp_steps(sick_since, given.aov_waiting_days, ctx))
    return Route("zzp", given.employment, language, sick_since, None, 0, steps, tuple(notes))


def build_route(
    employment: str,
    sick_since: date | None,
    *,
    language: str = "nl",
    today: date | None = None,
    **options: Any,
) -> Route:
    """``route_for`` with the input as keyword arguments (the fields of ``RouteInput``)."""
    return route_for(
        RouteInput(employment=employment, sick_since=sick_since, **options),
        language=language,
        today=today,
    )


def milestones(
    employment: str,
    sick_since: date | None,
    *,
    language: str = "nl",
    today: date | None = None,
    **options: Any,
) -> list[Milestone]:
    """The milestones of a situation, sorted by due date (ties in vocabulary order).

    Empty for zzp (the plan does not know the policy's waiting time; the timeline asks
    for it), student, werkzoekend without a recent contract and when ``sick_since`` is
    None. A ``sick_since`` after ``today`` raises ``RouteInputError``.
    """
    if employment == "zzp":
        return []
    return build_route(employment, sick_since, language=language, today=today, **options).milestones


def with_role(given: RouteInput, role: str) -> RouteInput:
    """The same situation, read by someone else: the dates stay, the words change."""
    return replace(given, role=role)
