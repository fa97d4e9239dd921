"""Properties that must hold for every valid situation (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from werkwijzer.navigator.engine import plan, route_milestones
from werkwijzer.navigator.situation import parse_situation
from werkwijzer.navigator.tests.conftest import file_catalogue
from werkwijzer.navigator.tests.strategies import TODAY
from werkwijzer.navigator.tests.strategies import situations as valid_situations
from werkwijzer.vocabulary.slugs import slugs

NO_ROUTE = {"zzp", "student"}
situations = valid_situations()


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
def test_no_milestones_for_zzp_students_and_job_seekers_without_a_recent_contract(data):
    situation, result = make(data)
    no_contract = situation.employment == "werkzoekend" and situation.contract_end is None
    if situation.employment in NO_ROUTE or situation.sick_since is None or no_contract:
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
