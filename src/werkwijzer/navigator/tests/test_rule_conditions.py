"""The compiled rule conditions decide exactly as a plain reading of `when` does.

The engine checks a rule's choices once per combination of them and most rules' facts in
advance (engine.Condition, engine._default_candidates); this test reads every rule's
`when` the slow, obvious way and compares, for many situations."""

import datetime as dt

import pytest
from hypothesis import given, settings

from werkwijzer.navigator.catalogue import Catalogue, applicable_helpers
from werkwijzer.navigator.engine import _collect
from werkwijzer.navigator.rules import (
    FLAG_NAMES,
    RuleError,
    candidate_rules,
    default_rules,
    derived_flags,
    parse_rules,
)
from werkwijzer.navigator.situation import parse_situation
from werkwijzer.navigator.tests.conftest import file_catalogue
from werkwijzer.navigator.tests.test_engine_properties import TODAY, situations


def plainly_fires(when: dict, situation, flags: dict) -> dict | None:
    """The facts a rule fires on, read straight from its `when`; None when it does not."""
    facts = {}
    for key, expected in when.items():
        if key in ("role", "employment", "phase", "working"):
            if getattr(situation, key) not in expected:
                return None
            facts[key] = getattr(situation, key)
        elif key in ("has_bedrijfsarts", "has_aov"):
            value = getattr(situation, key)
            if (value if value is not None else "unknown") != expected:
                return None
            facts[key] = value
        elif key == "concerns":
            shared = [c for c in situation.concerns if c in expected]
            if not shared:
                return None
            facts[key] = shared
        elif key == "age":
            if not expected[0] <= situation.age <= expected[1]:
                return None
            facts[key] = situation.age
        elif key == "flags":
            if not all(flags[name] for name in expected):
                return None
            facts.update(dict.fromkeys(expected, True))
        elif key == "not_flags" and any(flags[name] for name in expected):
            return None
    return facts


@settings(max_examples=400, deadline=None)
@given(situations)
def test_every_rule_fires_exactly_when_its_conditions_say_so(data):
    situation = parse_situation(data, today=TODAY)
    flags = derived_flags(situation, TODAY)
    true_flags = frozenset(name for name, value in flags.items() if value)
    expected = {rule.id: plainly_fires(rule.when, situation, flags) for rule in default_rules()}
    fired = {}
    for _index, rule, static in candidate_rules(default_rules(), situation):
        if static is not None:
            if rule.condition.flags_hold(true_flags):
                fired[rule.id] = dict(static.reason.facts)
        elif (facts := rule.condition.facts(situation, true_flags)) is not None:
            fired[rule.id] = facts
    assert fired == {rule_id: facts for rule_id, facts in expected.items() if facts is not None}


@settings(max_examples=200, deadline=None)
@given(situations)
def test_the_remembered_default_rules_give_the_same_plan_as_rules_passed_in(data):
    situation = parse_situation(data, today=TODAY)
    usable = applicable_helpers(file_catalogue(situation.language), situation)
    flags = derived_flags(situation, TODAY)
    remembered = _collect(situation, usable, None, flags)
    passed_in = _collect(situation, usable, default_rules(), flags)
    assert remembered == passed_in


@settings(max_examples=200, deadline=None)
@given(situations)
def test_the_catalogue_remembers_exactly_the_helpers_that_apply(data):
    situation = parse_situation(data, today=TODAY)
    plain = file_catalogue(situation.language)
    remembering = Catalogue(plain)
    expected = {slug for slug, entry in plain.items() if entry.applies(situation)}
    assert applicable_helpers(remembering, situation) == expected
    assert applicable_helpers(remembering, situation) == expected  # asked again: remembered
    assert applicable_helpers(plain, situation) == expected


def test_flag_names_are_the_derived_flags():
    situation = parse_situation(
        {
            "role": "werkende",
            "employment": "zzp",
            "phase": "diagnose",
            "working": "volledig",
            "age": 40,
        }
    )
    assert set(derived_flags(situation, dt.date(2026, 1, 1))) == FLAG_NAMES


def test_an_unknown_flag_is_refused_with_the_rule_id():
    raw = {
        "id": "X-1",
        "source": "kanker-nl-wie-kan-helpen",
        "when": {"flags": ["sick", "very-sick"]},
        "why": {"nl": "x"},
    }
    with pytest.raises(RuleError, match=r"X-1: unknown flag\(s\) \['very-sick'\]"):
        parse_rules([raw])
