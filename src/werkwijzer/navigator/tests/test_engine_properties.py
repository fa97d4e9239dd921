"""Properties that must hold for every valid situation (hypothesis)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from werkwijzer.navigator.engine import plan, route_milestones
from werkwijzer.navigator.situation import EARLIEST_DATE, parse_situation
from werkwijzer.navigator.tests.conftest import file_catalogue
from werkwijzer.vocabulary.slugs import slugs

TODAY = dt.date(2026, 11, 23)
NO_ROUTE = {"zzp", "werkzoekend", "student"}

situations = st.fixed_dictionaries(
    {
        "role": st.sampled_from(slugs("role")),
        "employment": st.sampled_from(slugs("employment")),
        "phase": st.sampled_from(slugs("phase")),
        "working": st.sampled_from(slugs("working")),
        "age": st.integers(16, 100),
        "concerns": st.lists(st.sampled_from(slugs("concerns")), unique=True),
        "sick_since": st.none() | st.dates(EARLIEST_DATE, TODAY).map(dt.date.isoformat),
        "has_bedrijfsarts": st.sampled_from([None, True, False]),
        "has_aov": st.sampled_from([None, True, False]),
        "contract_end": st.none()
        | st.dates(EARLIEST_DATE, dt.date(2030, 12, 31)).map(dt.date.isoformat),
        "language": st.sampled_from(["nl", "en"]),
    }
)


def make(data):
    situation = parse_situation(data, today=TODAY)
    return situation, plan(
        situation, file_catalogue(situation.language), today=TODAY, milestones=route_milestones
    )


@settings(max_examples=300, deadline=None)
@given(situations)
def test_every_valid_situation_gets_at_least_one_helper(data):
    _situation, result = make(data)
    assert result.helpers


@settings(max_examples=300, deadline=None)
@given(situations)
def test_helpers_apply_to_the_employment_type_and_age(data):
    situation, result = make(data)
    catalogue = file_catalogue()
    for helper in result.helpers:
        assert catalogue[helper.slug].applies(situation), helper.slug


@settings(max_examples=200, deadline=None)
@given(situations)
def test_no_milestones_for_zzp_werkzoekend_and_students(data):
    situation, result = make(data)
    if situation.employment in NO_ROUTE or situation.sick_since is None:
        assert result.milestones == ()


@settings(max_examples=200, deadline=None)
@given(situations, st.randoms())
def test_ordering_is_stable_and_independent_of_input_order(data, random):
    _situation, first = make(data)
    shuffled = dict(data, concerns=random.sample(data["concerns"], len(data["concerns"])))
    _situation, second = make(shuffled)
    assert first.as_dict() == second.as_dict()
    priorities = [helper.priority for helper in first.helpers]
    assert priorities == sorted(priorities)


@settings(max_examples=200, deadline=None)
@given(situations)
def test_every_helper_has_a_reason_with_a_rule_and_a_source(data):
    _situation, result = make(data)
    for helper in result.helpers:
        assert helper.why
        for reason in helper.why:
            assert reason.rule and reason.text and reason.source_info.url
    assert len(result.next_steps) <= 3
    assert len(set(result.topics)) == len(result.topics)
    assert set(result.topics) <= set(slugs("topics"))
