"""The wegwijzer's rules engine: a Situation and the helper catalogue in, a Plan out.

Pure Python, no Django. Rules are data (rules.yaml): each has an id, a source, a
condition and what it adds (helpers with a priority, topics, a warning, a next step),
with its reason in every language. An expert can read and change them without code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import orjson

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import Source, source
from werkwijzer.navigator.situation import Situation, route_input
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks
from werkwijzer.timeline.routes import (
    EARLY_IVA_FIRST_DAY,
    EARLY_IVA_LAST_WEEK,
    EVALUATION_EVERY_WEEKS,
    RouteInput,
    counted_sick_day,
    format_date,
    route_for,
)
from werkwijzer.timeline.routes import title as milestone_title
from werkwijzer.vocabulary.slugs import EMPLOYEE_CONTRACTS, slugs

RULES_FILE = Path(__file__).with_name("rules.yaml")
BENEFITS = ("uitkering-ww", "uitkering-bijstand", "ziektewet")
CHOICE_KEYS = ("role", "employment", "phase", "working")
BOOL_KEYS = ("has_bedrijfsarts", "has_aov")
MAX_NEXT_STEPS = 3
UPCOMING_STEP = {"nl": "Uiterlijk {date}: {what}", "en": "By {date}: {what}"}
# Due today, "Uiterlijk" would read oddly; the repeating evaluation is named, not numbered.
TODAY_STEP = {"nl": "Vandaag: {what}", "en": "Today: {what}"}
EVALUATION_STEP = {
    "nl": "Uiterlijk {date}: de volgende evaluatie van het plan van aanpak. Bespreek samen hoe "
    "het gaat en pas het plan aan als dat nodig is.",
    "en": "By {date}: the next review of the plan of action. Discuss together how it goes "
    "and adjust the plan when needed.",
}


# --- derived facts ---------------------------------------------------------------------


def sick_week(sick_since: dt.date, today: dt.date) -> int:
    """The sick-leave week `today` falls in; the first sick day is day 1 of week 1."""
    return (today - sick_since).days // 7 + 1


def counted_sick_days(situation: Situation, today: dt.date) -> int | None:
    """Sick days counted up to today, with earlier spells that count (samentelling), so
    the plan's "over a year" and "early IVA" agree with the timeline's dates."""
    if situation.sick_since is None:
        return None
    return counted_sick_day(situation.sick_since, situation.earlier_sick_spells, today)


def derived_flags(situation: Situation, today: dt.date) -> dict[str, bool]:
    """Facts a rule can ask for by name, computed once per situation."""
    agency_clause = situation.employment == "uitzendkracht" and situation.agency_clause is True
    # With an uitzendbeding the contract ends at sickness: no employer pays or guides, so
    # the employee rules must not fire (the route is the Ziektewet, UWV is the party).
    employee = situation.employment in EMPLOYEE_CONTRACTS and not agency_clause
    sick = situation.sick_since is not None or situation.working != "volledig"
    day = counted_sick_days(situation, today)
    week = None if day is None else (day - 1) // 7 + 1
    contract_ends_in_sickness = bool(
        situation.employment in ("loondienst-tijdelijk", "uitzendkracht")
        and situation.contract_end
        and sick
        and situation.contract_end >= (situation.sick_since or today)
    )
    return {
        "employee": employee,
        "sick": sick,
        "sick_leave_known": situation.sick_since is not None,
        "sick_over_a_year": week is not None and week > 52,
        "early_iva_window_open": day is not None
        and week is not None
        and day >= EARLY_IVA_FIRST_DAY
        and week <= EARLY_IVA_LAST_WEEK,
        "early_iva_window_passed": week is not None and week > EARLY_IVA_LAST_WEEK,
        "contract_ends_during_sickness": contract_ends_in_sickness or (agency_clause and sick),
        "on_benefit": situation.employment in BENEFITS,
        "no_bedrijfsarts": employee and situation.has_bedrijfsarts is False,
        "agency_no_clause": situation.employment == "uitzendkracht"
        and situation.agency_clause is False,
        "aya": 18 <= situation.age <= 39,
    }


# The names rules.yaml may use under flags/not_flags (the keys of derived_flags).
FLAG_NAMES = frozenset(
    {
        "employee",
        "sick",
        "sick_leave_known",
        "sick_over_a_year",
        "early_iva_window_open",
        "early_iva_window_passed",
        "contract_ends_during_sickness",
        "on_benefit",
        "no_bedrijfsarts",
        "agency_no_clause",
        "aya",
    }
)


# --- rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleHelper:
    slug: str
    priority: int
    # The reason for this helper when the rule's own reason speaks of others too, so
    # that each helper's card explains that helper.
    why: Mapping[str, str] | None = None
    source: str | None = None  # the source of that reason, when not the rule's


@dataclass(frozen=True)
class Condition:
    """A rule's `when`, compiled once so that checking a situation costs little.

    Choices (role, employment, phase, working) are checked when the rules for a
    combination of them are picked (`candidate_rules`); the rest per situation."""

    choices: Mapping[str, frozenset[str]]
    bools: tuple[tuple[str, Any], ...] = ()
    concerns: frozenset[str] | None = None
    age: tuple[int, int] | None = None
    flags: frozenset[str] = frozenset()
    not_flags: frozenset[str] = frozenset()

    @classmethod
    def from_when(cls, when: Mapping[str, Any]) -> Condition:
        concerns = when.get("concerns")
        age = when.get("age")
        return cls(
            choices={key: frozenset(when[key]) for key in CHOICE_KEYS if key in when},
            bools=tuple((key, when[key]) for key in BOOL_KEYS if key in when),
            concerns=frozenset(concerns) if concerns is not None else None,
            age=(int(age[0]), int(age[1])) if age is not None else None,
            flags=frozenset(when.get("flags", ())),
            not_flags=frozenset(when.get("not_flags", ())),
        )

    def allows(self, choices: Mapping[str, str]) -> bool:
        return all(choices[key] in allowed for key, allowed in self.choices.items())

    @property
    def is_static(self) -> bool:
        """True when only choices and flags decide: then its facts, when it fires, are
        known once the choices are."""
        return not self.bools and self.concerns is None and self.age is None

    def flags_hold(self, true_flags: frozenset[str]) -> bool:
        return self.flags <= true_flags and not self.not_flags & true_flags

    def static_facts(self, choices: Mapping[str, str]) -> dict[str, Any]:
        return {**{key: choices[key] for key in self.choices}, **dict.fromkeys(self.flags, True)}

    def facts(self, situation: Situation, true_flags: frozenset[str]) -> dict[str, Any] | None:
        """The situation facts that made the rule fire, or None when it does not apply.

        Only call it for a situation whose choices the condition `allows`."""
        if not self.flags_hold(true_flags):
            return None
        for key, expected in self.bools:
            value = getattr(situation, key)
            if (value if value is not None else "unknown") != expected:
                return None
        if self.age is not None and not self.age[0] <= situation.age <= self.age[1]:
            return None
        if self.concerns is not None:
            shared = [concern for concern in situation.concerns if concern in self.concerns]
            if not shared:
                return None
        # It fires: name the facts it looked at, in the reason.
        facts: dict[str, Any] = {key: getattr(situation, key) for key in self.choices}
        facts.update((key, getattr(situation, key)) for key, _expected in self.bools)
        if self.concerns is not None:
            facts["concerns"] = shared
        if self.age is not None:
            facts["age"] = situation.age
        facts.update(dict.fromkeys(self.flags, True))
        return facts


@dataclass(frozen=True)
class Rule:
    id: str
    source: str
    when: Mapping[str, Any]
    why: Mapping[str, str]
    helpers: tuple[RuleHelper, ...] = ()
    topics: tuple[str, ...] = ()
    warning: Mapping[str, str] | None = None
    step: Mapping[str, str] | None = None
    step_priority: int = 2
    condition: Condition = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "condition", Condition.from_when(self.when))


class RuleError(ValueError):
    """A rule in rules.yaml that does not follow the format."""


_CONDITION_KEYS = {*CHOICE_KEYS, *BOOL_KEYS, "concerns", "age", "flags", "not_flags"}


def _check_rule(raw: Mapping[str, Any]) -> Rule:
    rule_id = raw.get("id", "?")
    when = raw.get("when", {})
    unknown = set(when) - _CONDITION_KEYS
    if unknown:
        raise RuleError(f"rule {rule_id}: unknown condition(s) {sorted(unknown)}")
    for key in CHOICE_KEYS:
        bad = set(when.get(key, [])) - set(slugs(key))
        if bad:
            raise RuleError(f"rule {rule_id}: unknown {key} value(s) {sorted(bad)}")
    bad_flags = {*when.get("flags", []), *when.get("not_flags", [])} - FLAG_NAMES
    if bad_flags:
        raise RuleError(f"rule {rule_id}: unknown flag(s) {sorted(bad_flags)}")
    helpers = tuple(
        RuleHelper(
            h["slug"], int(h.get("priority", 2)), _optional_texts(h.get("why")), h.get("source")
        )
        for h in raw.get("helpers", [])
    )
    for helper in helpers:
        if helper.source:
            source(helper.source)  # raises on an unknown source key
    bad_helpers = {h.slug for h in helpers} - set(slugs("helpers"))
    bad_topics = set(raw.get("topics", [])) - set(slugs("topics"))
    if bad_helpers or bad_topics:
        raise RuleError(f"rule {rule_id}: unknown slugs {sorted(bad_helpers | bad_topics)}")
    if "nl" not in raw.get("why", {}):
        raise RuleError(f"rule {rule_id}: a Dutch reason ('why: nl:') is required")
    source(raw["source"])  # raises on an unknown source key
    step = raw.get("step")
    return Rule(
        id=rule_id,
        source=raw["source"],
        when=when,
        why=_texts(raw["why"]),
        helpers=helpers,
        topics=tuple(raw.get("topics", [])),
        warning=_optional_texts(raw.get("warning")),
        step=_optional_texts(step),
        step_priority=int(step.get("priority", 2)) if step else 2,
    )


def _texts(texts: Mapping[str, Any]) -> dict[str, str]:
    """A rule's texts per language with their legal weeks ({{ week:key }}) filled in from
    the timeline's route data, so that a rule never states a week of its own. Other keys
    (a step's priority) are read apart."""
    return {key: resolve_weeks(v) for key, v in texts.items() if isinstance(v, str)}


def _optional_texts(texts: Mapping[str, Any] | None) -> dict[str, str] | None:
    return None if texts is None else _texts(texts)


def parse_rules(raw_rules: Iterable[Mapping[str, Any]]) -> tuple[Rule, ...]:
    rules = tuple(_check_rule(raw) for raw in raw_rules)
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise RuleError("rule ids must be unique")
    return rules


@cache
def default_rules() -> tuple[Rule, ...]:
    return parse_rules(yamlfile.load(RULES_FILE.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Outcome:
    """What a fired rule adds to the plan in one language, given the facts it fired on."""

    reason: Reason
    warning: Notice | None
    step: str | None
    helper_reasons: Mapping[str, Reason] = field(default_factory=dict)

    @classmethod
    def of(cls, rule: Rule, language: str, facts: Mapping[str, Any]) -> Outcome:
        return cls(
            reason=Reason(rule.id, _text(rule.why, language, facts), facts, rule.source),
            warning=Notice(rule.id, _text(rule.warning, language, facts), rule.source)
            if rule.warning
            else None,
            step=_text(rule.step, language, facts) if rule.step else None,
            helper_reasons={
                helper.slug: Reason(
                    rule.id,
                    _text(helper.why, language, facts),
                    facts,
                    helper.source or rule.source,
                )
                for helper in rule.helpers
                if helper.why
            },
        )

    def reason_for(self, slug: str) -> Reason:
        return self.helper_reasons.get(slug, self.reason)


# A rule that can fire for the situation's choices, with its position in the rules file
# (for stable ordering) and, for a static rule, its outcome worked out in advance.
Candidate = tuple[int, Rule, Outcome | None]


def _candidates(
    rules: Iterable[Rule], choices: Mapping[str, str], language: str
) -> tuple[Candidate, ...]:
    return tuple(
        (
            index,
            rule,
            Outcome.of(rule, language, rule.condition.static_facts(choices))
            if rule.condition.is_static
            else None,
        )
        for index, rule in enumerate(rules)
        if rule.condition.allows(choices)
    )


def candidate_rules(rules: Iterable[Rule], situation: Situation) -> tuple[Candidate, ...]:
    """The rules that can fire given the situation's role, employment, phase and working."""
    choices = {key: getattr(situation, key) for key in CHOICE_KEYS}
    return _candidates(rules, choices, situation.language)


@cache
def _default_candidates(
    role: str, employment: str, phase: str, working: str, language: str
) -> tuple[Candidate, ...]:
    # A few hundred combinations exist; each keeps a fraction of the rules, and most of
    # those need only their flags checked per plan.
    choices = {"role": role, "employment": employment, "phase": phase, "working": working}
    return _candidates(default_rules(), choices, language)


# --- the plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueEntry:
    """What the engine needs to know of one helper, in one language."""

    slug: str
    title: str
    access: str
    costs: str
    applies_to: frozenset[str]
    order: int = 0
    min_age: int | None = None
    max_age: int | None = None

    def applies(self, situation: Situation) -> bool:
        return self.applies_to_person(situation.employment, situation.age)

    def applies_to_person(self, employment: str, age: int) -> bool:
        if employment not in self.applies_to:
            return False
        if self.min_age is not None and age < self.min_age:
            return False
        return self.max_age is None or age <= self.max_age


class Catalogue(dict[str, CatalogueEntry]):
    """The helper catalogue in one language, built once and not changed afterwards, so
    it can remember which helpers apply to each work situation and age."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._applicable: dict[tuple[str, int], frozenset[str]] = {}

    def applicable(self, employment: str, age: int) -> frozenset[str]:
        found = self._applicable.get((employment, age))
        if found is None:
            found = frozenset(
                slug for slug, entry in self.items() if entry.applies_to_person(employment, age)
            )
            self._applicable[employment, age] = found
        return found


def applicable_helpers(
    catalogue: Mapping[str, CatalogueEntry], situation: Situation
) -> frozenset[str]:
    """The slugs of the helpers that apply to the situation's work and age."""
    if isinstance(catalogue, Catalogue):
        return catalogue.applicable(situation.employment, situation.age)
    return frozenset(slug for slug, entry in catalogue.items() if entry.applies(situation))


# The plan's JSON is its dataclasses written field by field (orjson writes dates as ISO
# dates and tuples as arrays): the fields below are the API's shape, and a field added
# here appears in the JSON. Plan.to_json() is the one place that turns a plan into JSON.


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


def _text(texts: Mapping[str, str], language: str, facts: Mapping[str, Any]) -> str:
    template = texts.get(language) or texts["nl"]
    if "{" not in template:  # most texts name no fact: no need to format
        return template
    values = {key: ", ".join(v) if isinstance(v, list) else v for key, v in facts.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return template


@dataclass
class _Collected:
    priority: dict[str, int] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, list[Reason]] = field(default_factory=dict)
    topics: dict[str, None] = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)
    steps: list[tuple[int, int, str]] = field(default_factory=list)


def _collect(
    situation: Situation,
    usable: frozenset[str],
    rules: tuple[Rule, ...] | None,
    flags: Mapping[str, bool],
) -> _Collected:
    """What the rules that fire add, keeping only helpers in `usable`."""
    found = _Collected()
    if rules is None:
        candidates = _default_candidates(
            situation.role,
            situation.employment,
            situation.phase,
            situation.working,
            situation.language,
        )
    else:
        candidates = candidate_rules(rules, situation)
    true_flags = frozenset(name for name, value in flags.items() if value)
    for index, rule, static_outcome in candidates:
        if static_outcome is not None:
            if not rule.condition.flags_hold(true_flags):
                continue
            outcome = static_outcome
        else:
            facts = rule.condition.facts(situation, true_flags)
            if facts is None:
                continue
            outcome = Outcome.of(rule, situation.language, facts)
        for helper in rule.helpers:
            if helper.slug not in usable:
                continue
            found.priority[helper.slug] = min(found.priority.get(helper.slug, 9), helper.priority)
            found.first_seen.setdefault(helper.slug, index)
            found.reasons.setdefault(helper.slug, []).append(outcome.reason_for(helper.slug))
        found.topics.update(dict.fromkeys(rule.topics))
        if outcome.warning:
            found.warnings.append(outcome.warning)
        if outcome.step:
            found.steps.append((rule.step_priority, index, outcome.step))
    return found


@dataclass(frozen=True)
class PlannedRoute:
    """The sick-leave route of a plan: which one, its milestones and its warnings."""

    kind: str | None
    milestones: tuple[PlannedMilestone, ...] = ()
    alerts: tuple[Notice, ...] = ()


def route_milestones(situation: Situation, today: dt.date) -> PlannedRoute:
    """The person's sick-leave route (timeline app) as plan items: the plan passes the
    same RouteInput as the timeline page, so both give the same dates."""
    return _planned_route(route_input(situation), situation.language, today)


@lru_cache(maxsize=4096)
def _planned_route(given: RouteInput, language: str, today: dt.date) -> PlannedRoute:
    # A pure function of its arguments, so the result can be remembered.
    if given.employment == "zzp":
        return PlannedRoute(None)  # the plan does not ask the policy's waiting time
    route = route_for(given, language=language, today=today)
    milestones = tuple(
        PlannedMilestone(
            code=m.code,
            due=m.due,
            week=m.week,
            who=m.who,
            what=m.what,
            source=m.source,
            optional=m.optional,
        )
        for m in route.milestones
    )
    alerts = tuple(Notice(f"route-{a.key}", a.text, a.source) for a in route.alerts)
    return PlannedRoute(route.kind if milestones else None, milestones, alerts)


MilestoneSource = Callable[[Situation, dt.date], "PlannedRoute | Iterable[PlannedMilestone]"]
NearbySource = Callable[[str, str], Iterable[Mapping[str, Any]]]
ScreeningSource = Callable[[Situation], Iterable[Attention]]
# Helpers a vulnerable group's flow chart refers to come after those the rules call urgent.
ATTENTION_PRIORITY = 3


# The group's reason speaks of the group, not of the helper it brings in: the sentence
# after it names the helper, so that the helper's card explains that helper.
ATTENTION_HELPER = {
    "nl": "{reason} Daarom staat ook deze hulp in je plan: {title}.",
    "en": "{reason} That is why your plan also includes: {title}.",
}


@lru_cache(maxsize=4096)
def _attention_reason(group: Attention, title: str, language: str) -> Reason:
    # Groups come from the screening's cache, so the same few reasons recur.
    template = ATTENTION_HELPER.get(language, ATTENTION_HELPER["nl"])
    text = template.format(reason=group.reason, title=title)
    return Reason(group.rule, text, {"group": group.label}, group.source)


def _add_attention(
    found: _Collected,
    attention: Iterable[Attention],
    usable: frozenset[str],
    catalogue: Mapping[str, CatalogueEntry],
    language: str,
) -> None:
    """Let the screening's flags bring in the helpers of their flow charts, with the reason."""
    first_index = len(found.first_seen) + 1000  # after every rule-found helper of equal priority
    for offset, group in enumerate(attention):
        for slug in group.refer:
            if slug not in usable:
                continue
            reason = _attention_reason(group, catalogue[slug].title, language)
            found.priority[slug] = min(found.priority.get(slug, 9), ATTENTION_PRIORITY)
            found.first_seen.setdefault(slug, first_index + offset)
            found.reasons.setdefault(slug, []).append(reason)


def _upcoming_step(milestone: PlannedMilestone, today: dt.date, language: str) -> str:
    """The next dated step, as the first thing to do."""
    if milestone.code == "evaluatie":
        templates = EVALUATION_STEP
    else:
        templates = TODAY_STEP if milestone.due == today else UPCOMING_STEP
    template = templates.get(language, templates["nl"])
    return template.format(date=format_date(milestone.due, language), what=milestone.what)


def plan(
    situation: Situation,
    catalogue: Mapping[str, CatalogueEntry],
    *,
    today: dt.date,
    rules: Iterable[Rule] | None = None,
    milestones: MilestoneSource | None = None,
    nearby: NearbySource | None = None,
    screening: ScreeningSource | None = None,
) -> Plan:
    """Apply every rule to the situation and build the personal plan."""
    flags = derived_flags(situation, today)
    usable = applicable_helpers(catalogue, situation)
    found = _collect(situation, usable, tuple(rules) if rules is not None else None, flags)
    attention = tuple(screening(situation)) if screening else ()
    _add_attention(found, attention, usable, catalogue, situation.language)
    ordered = sorted(
        found.priority,
        key=lambda slug: (found.priority[slug], found.first_seen[slug], catalogue[slug].order),
    )
    postcode = situation.postcode
    helpers = []
    for slug in ordered:
        entry = catalogue[slug]
        near = tuple(nearby(slug, postcode)) if nearby is not None and postcode else ()
        reasons = tuple(found.reasons[slug])
        priority = found.priority[slug]
        helpers.append(
            PlannedHelper(slug, entry.title, priority, reasons, entry.access, entry.costs, near)
        )
    route = _route(situation, today, milestones)
    planned_milestones = route.milestones
    steps = [text for _priority, _index, text in sorted(found.steps)]
    upcoming = next((m for m in planned_milestones if m.due >= today and not m.optional), None)
    if upcoming:
        steps.insert(0, _upcoming_step(upcoming, today, situation.language))
    return Plan(
        situation=situation,
        helpers=tuple(helpers),
        milestones=planned_milestones,
        topics=tuple(found.topics),
        warnings=(*route.alerts, *found.warnings),
        next_steps=tuple(dict.fromkeys(steps))[:MAX_NEXT_STEPS],
        attention=attention,
        route=route.kind,
    )


def _route(situation: Situation, today: dt.date, source: MilestoneSource | None) -> PlannedRoute:
    """The route from the milestone source; a test's source may give bare milestones."""
    if source is None:
        return PlannedRoute(None)
    found = source(situation, today)
    if isinstance(found, PlannedRoute):
        return found
    return PlannedRoute(None, tuple(found))


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
