"""The wegwijzer's rules: read from rules.yaml, checked, and matched to a situation.

Pure Python, no Django. Rules are data (rules.yaml): each has an id, a source, a
condition and what it adds (helpers with a priority, topics, a warning, a next step),
with its reason in every language. An expert can read and change them without code.
A condition may ask for derived facts by name (`derived_flags`); a rule that fires gives
an `Outcome` in the situation's language. The engine (navigator.engine) puts the
outcomes of every rule together into a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import source
from werkwijzer.navigator.plan import Notice, Reason
from werkwijzer.navigator.situation import Situation
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks
from werkwijzer.timeline.routes import EARLY_IVA_FIRST_DAY, EARLY_IVA_LAST_WEEK, counted_sick_day
from werkwijzer.vocabulary.slugs import EMPLOYEE_CONTRACTS, slugs

RULES_FILE = Path(__file__).with_name("rules.yaml")
BENEFITS = ("uitkering-ww", "uitkering-bijstand", "ziektewet")
CHOICE_KEYS = ("role", "employment", "phase", "working")
BOOL_KEYS = ("has_bedrijfsarts", "has_aov")


# --- derived facts ---------------------------------------------------------------------


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


def candidate_rules(rules: Iterable[Rule] | None, situation: Situation) -> tuple[Candidate, ...]:
    """The rules that can fire given the situation's role, employment, phase and working:
    of `rules`, or of rules.yaml when it is None (worked out once per combination)."""
    if rules is None:
        return _default_candidates(
            situation.role,
            situation.employment,
            situation.phase,
            situation.working,
            situation.language,
        )
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


def fired(candidate: Candidate, situation: Situation, true_flags: frozenset[str]) -> Outcome | None:
    """What a candidate rule adds when it fires for the situation, or None when it does not."""
    _index, rule, static_outcome = candidate
    if static_outcome is not None:
        return static_outcome if rule.condition.flags_hold(true_flags) else None
    facts = rule.condition.facts(situation, true_flags)
    return None if facts is None else Outcome.of(rule, situation.language, facts)


def _text(texts: Mapping[str, str], language: str, facts: Mapping[str, Any]) -> str:
    template = texts.get(language) or texts["nl"]
    if "{" not in template:  # most texts name no fact: no need to format
        return template
    values = {key: ", ".join(v) if isinstance(v, list) else v for key, v in facts.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return template
