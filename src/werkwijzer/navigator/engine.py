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

import yaml

from werkwijzer.core.sources import source
from werkwijzer.navigator.situation import Situation
from werkwijzer.timeline.routes import format_date
from werkwijzer.timeline.routes import milestones as timeline_milestones
from werkwijzer.vocabulary.slugs import slugs

RULES_FILE = Path(__file__).with_name("rules.yaml")
EMPLOYEES = ("loondienst-vast", "loondienst-tijdelijk", "uitzendkracht")
BENEFITS = ("uitkering-ww", "uitkering-bijstand", "ziektewet")
CHOICE_KEYS = ("role", "employment", "phase", "working")
BOOL_KEYS = ("has_bedrijfsarts", "has_aov")
EARLY_IVA_LAST_WEEK = 68
MAX_NEXT_STEPS = 3
UPCOMING_STEP = {"nl": "Uiterlijk {date}: {what}", "en": "By {date}: {what}"}


# --- derived facts ---------------------------------------------------------------------


def sick_week(sick_since: dt.date, today: dt.date) -> int:
    """The sick-leave week `today` falls in; the first sick day is day 1 of week 1."""
    return (today - sick_since).days // 7 + 1


def derived_flags(situation: Situation, today: dt.date) -> dict[str, bool]:
    """Facts a rule can ask for by name, computed once per situation."""
    employee = situation.employment in EMPLOYEES
    sick = situation.sick_since is not None or situation.working != "volledig"
    week = sick_week(situation.sick_since, today) if situation.sick_since else None
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
        "early_iva_window_open": week is not None and 3 <= week <= EARLY_IVA_LAST_WEEK,
        "early_iva_window_passed": week is not None and week > EARLY_IVA_LAST_WEEK,
        "contract_ends_during_sickness": contract_ends_in_sickness,
        "on_benefit": situation.employment in BENEFITS,
        "no_bedrijfsarts": employee and situation.has_bedrijfsarts is False,
        "aya": 18 <= situation.age <= 39,
    }


# --- rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleHelper:
    slug: str
    priority: int


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


class RuleError(ValueError):
    """A rule in rules.yaml that does not follow the format."""


_CONDITION_KEYS = {*CHOICE_KEYS, *BOOL_KEYS, "concerns", "age", "flags", "not_flags"}


def _check_rule(raw: Mapping[str, Any]) -> Rule:
    rule_id = raw.get("id", "?")
    unknown = set(raw.get("when", {})) - _CONDITION_KEYS
    if unknown:
        raise RuleError(f"rule {rule_id}: unknown condition(s) {sorted(unknown)}")
    for key in CHOICE_KEYS:
        bad = set(raw.get("when", {}).get(key, [])) - set(slugs(key))
        if bad:
            raise RuleError(f"rule {rule_id}: unknown {key} value(s) {sorted(bad)}")
    helpers = tuple(
        RuleHelper(h["slug"], int(h.get("priority", 2))) for h in raw.get("helpers", [])
    )
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
        when=raw.get("when", {}),
        why=raw["why"],
        helpers=helpers,
        topics=tuple(raw.get("topics", [])),
        warning=raw.get("warning"),
        step=step,
        step_priority=int(step.get("priority", 2)) if step else 2,
    )


def parse_rules(raw_rules: Iterable[Mapping[str, Any]]) -> tuple[Rule, ...]:
    rules = tuple(_check_rule(raw) for raw in raw_rules)
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise RuleError("rule ids must be unique")
    return rules


@cache
def default_rules() -> tuple[Rule, ...]:
    return parse_rules(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))


def _rules_for_role(rules: tuple[Rule, ...], role: str) -> list[tuple[int, Rule]]:
    """The rules that can fire for this role, with their position (for stable ordering)."""
    return [
        (index, rule) for index, rule in enumerate(rules) if role in rule.when.get("role", (role,))
    ]


@cache
def _default_rules_for_role(role: str) -> list[tuple[int, Rule]]:
    # Nearly every rule names a role: looking at a quarter of them makes a plan cheaper.
    return _rules_for_role(default_rules(), role)


def _matches(rule: Rule, situation: Situation, flags: Mapping[str, bool]) -> dict[str, Any] | None:
    """The situation facts that made the rule fire, or None when it does not apply."""
    facts: dict[str, Any] = {}
    for key, expected in rule.when.items():
        if key in CHOICE_KEYS:
            value = getattr(situation, key)
            if value not in expected:
                return None
            facts[key] = value
        elif key in BOOL_KEYS:
            value = getattr(situation, key)
            if (value if value is not None else "unknown") != expected:
                return None
            facts[key] = value
        elif key == "concerns":
            shared = [concern for concern in situation.concerns if concern in expected]
            if not shared:
                return None
            facts["concerns"] = shared
        elif key == "age":
            low, high = expected
            if not low <= situation.age <= high:
                return None
            facts["age"] = situation.age
        elif key == "flags":
            if not all(flags[name] for name in expected):
                return None
            facts.update({name: True for name in expected})
        elif key == "not_flags" and any(flags[name] for name in expected):
            return None
    return facts


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
        if situation.employment not in self.applies_to:
            return False
        if self.min_age is not None and situation.age < self.min_age:
            return False
        return self.max_age is None or situation.age <= self.max_age


@dataclass(frozen=True)
class Reason:
    rule: str
    text: str
    facts: Mapping[str, Any]
    source: str

    @property
    def source_info(self):
        return source(self.source)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "text": self.text,
            "facts": dict(self.facts),
            "source": self.source,
        }


@dataclass(frozen=True)
class PlannedHelper:
    slug: str
    title: str
    priority: int
    why: tuple[Reason, ...]
    access: str
    costs: str
    nearby: tuple[Mapping[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "priority": self.priority,
            "why": [reason.as_dict() for reason in self.why],
            "access": self.access,
            "costs": self.costs,
            "nearby": [dict(provider) for provider in self.nearby],
        }


@dataclass(frozen=True)
class PlannedMilestone:
    code: str
    due: dt.date
    week: int | None
    who: str
    what: str
    source: str
    optional: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "due": self.due.isoformat(),
            "week": self.week,
            "who": self.who,
            "what": self.what,
            "optional": self.optional,
            "source": self.source,
        }


@dataclass(frozen=True)
class Notice:
    rule: str
    text: str
    source: str

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text, "source": self.source}


@dataclass(frozen=True)
class Attention:
    """A vulnerable group the person belongs to (from the screening), and whom it brings in."""

    code: str
    rule: str
    label: str
    reason: str
    source: str
    refer: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "label": self.label,
            "reason": self.reason,
            "source": self.source,
            "refer": list(self.refer),
        }


@dataclass(frozen=True)
class Plan:
    situation: Situation
    helpers: tuple[PlannedHelper, ...]
    milestones: tuple[PlannedMilestone, ...]
    topics: tuple[str, ...]
    warnings: tuple[Notice, ...]
    next_steps: tuple[str, ...]
    attention: tuple[Attention, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "situation": self.situation.as_dict(),
            "helpers": [helper.as_dict() for helper in self.helpers],
            "milestones": [milestone.as_dict() for milestone in self.milestones],
            "topics": list(self.topics),
            "warnings": [warning.as_dict() for warning in self.warnings],
            "next_steps": list(self.next_steps),
            "attention": [group.as_dict() for group in self.attention],
            "sources": {key: source(key).as_dict() for key in sorted(self.source_keys())},
        }

    def source_keys(self) -> set[str]:
        """Every source the plan cites; the JSON lists each once and refers to it by key."""
        keys = {reason.source for helper in self.helpers for reason in helper.why}
        keys.update(milestone.source for milestone in self.milestones)
        keys.update(warning.source for warning in self.warnings)
        keys.update(group.source for group in self.attention)
        return keys


def _text(texts: Mapping[str, str], language: str, facts: Mapping[str, Any]) -> str:
    template = texts.get(language) or texts["nl"]
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
    catalogue: Mapping[str, CatalogueEntry],
    rules: tuple[Rule, ...] | None,
    flags: Mapping[str, bool],
) -> _Collected:
    found = _Collected()
    language = situation.language
    if rules is None:
        candidates = _default_rules_for_role(situation.role)
    else:
        candidates = _rules_for_role(rules, situation.role)
    for index, rule in candidates:
        facts = _matches(rule, situation, flags)
        if facts is None:
            continue
        reason = Reason(rule.id, _text(rule.why, language, facts), facts, rule.source)
        for helper in rule.helpers:
            entry = catalogue.get(helper.slug)
            if entry is None or not entry.applies(situation):
                continue
            found.priority[helper.slug] = min(found.priority.get(helper.slug, 9), helper.priority)
            found.first_seen.setdefault(helper.slug, index)
            found.reasons.setdefault(helper.slug, []).append(reason)
        found.topics.update(dict.fromkeys(rule.topics))
        if rule.warning:
            found.warnings.append(
                Notice(rule.id, _text(rule.warning, language, facts), rule.source)
            )
        if rule.step:
            found.steps.append((rule.step_priority, index, _text(rule.step, language, facts)))
    return found


def route_milestones(situation: Situation, today: dt.date) -> tuple[PlannedMilestone, ...]:
    """The sick-leave milestones of the person's route (timeline app), as plan items."""
    return _route_milestones(
        situation.employment,
        situation.sick_since,
        situation.contract_end,
        situation.language,
        today,
    )


@lru_cache(maxsize=4096)
def _route_milestones(
    employment: str,
    sick_since: dt.date | None,
    contract_end: dt.date | None,
    language: str,
    today: dt.date,
) -> tuple[PlannedMilestone, ...]:
    # A pure function of its arguments, so the result can be remembered.
    return tuple(
        PlannedMilestone(
            code=m.code,
            due=m.due,
            week=m.week,
            who=m.who,
            what=m.what,
            source=m.source,
            optional=m.optional,
        )
        for m in timeline_milestones(
            employment, sick_since, contract_end=contract_end, language=language, today=today
        )
    )


MilestoneSource = Callable[[Situation, dt.date], Iterable[PlannedMilestone]]
NearbySource = Callable[[str, str], Iterable[Mapping[str, Any]]]
ScreeningSource = Callable[[Situation], Iterable[Attention]]
# Helpers a vulnerable group's flow chart refers to come after those the rules call urgent.
ATTENTION_PRIORITY = 3


def _add_attention(
    found: _Collected,
    attention: Iterable[Attention],
    situation: Situation,
    catalogue: Mapping[str, CatalogueEntry],
) -> None:
    """Let the screening's flags bring in the helpers of their flow charts, with the reason."""
    first_index = len(found.first_seen) + 1000  # after every rule-found helper of equal priority
    for offset, group in enumerate(attention):
        reason = Reason(group.rule, group.reason, {"group": group.label}, group.source)
        for slug in group.refer:
            entry = catalogue.get(slug)
            if entry is None or not entry.applies(situation):
                continue
            found.priority[slug] = min(found.priority.get(slug, 9), ATTENTION_PRIORITY)
            found.first_seen.setdefault(slug, first_index + offset)
            found.reasons.setdefault(slug, []).append(reason)


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
    found = _collect(situation, catalogue, tuple(rules) if rules is not None else None, flags)
    attention = tuple(screening(situation)) if screening else ()
    _add_attention(found, attention, situation, catalogue)
    ordered = sorted(
        found.priority,
        key=lambda slug: (found.priority[slug], found.first_seen[slug], catalogue[slug].order),
    )
    helpers = tuple(
        PlannedHelper(
            slug=slug,
            title=catalogue[slug].title,
            priority=found.priority[slug],
            why=tuple(found.reasons[slug]),
            access=catalogue[slug].access,
            costs=catalogue[slug].costs,
            nearby=tuple(nearby(slug, situation.postcode)) if nearby and situation.postcode else (),
        )
        for slug in ordered
    )
    planned_milestones = tuple(milestones(situation, today)) if milestones else ()
    steps = [text for _priority, _index, text in sorted(found.steps)]
    upcoming = next((m for m in planned_milestones if m.due >= today and not m.optional), None)
    if upcoming:
        template = UPCOMING_STEP.get(situation.language, UPCOMING_STEP["nl"])
        due = format_date(upcoming.due, situation.language)
        steps.insert(0, template.format(date=due, what=upcoming.what))
    return Plan(
        situation=situation,
        helpers=helpers,
        milestones=planned_milestones,
        topics=tuple(found.topics),
        warnings=tuple(found.warnings),
        next_steps=tuple(dict.fromkeys(steps))[:MAX_NEXT_STEPS],
        attention=attention,
    )
