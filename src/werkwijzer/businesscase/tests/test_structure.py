"""Structural properties of the states and money (issue 22): the Dutch rules hold in every
week, only allowed transitions happen, the parties' costs add up to society's, and the
cancer cohort is not better off than the same people without cancer."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from werkwijzer.businesscase.model.analysis import RunRequest, run_analysis
from werkwijzer.businesscase.model.budget import yearly_extra_cost
from werkwijzer.businesscase.model.cohort import run_cohort
from werkwijzer.businesscase.model.comparison import MEASURES, comparison_run
from werkwijzer.businesscase.model.economics import PARTIES
from werkwijzer.businesscase.model.financing import load_financing
from werkwijzer.businesscase.model.micro import run_micro
from werkwijzer.businesscase.model.parameters import draw_parameters, load_parameters
from werkwijzer.businesscase.model.scenarios import PAYERS, load_scenarios
from werkwijzer.businesscase.model.threshold import run_threshold
from werkwijzer.businesscase.model.transitions import (
    ALLOWED,
    N_STATES,
    WAITING_WEEKS,
    WEEKS,
    State,
    assessment_week,
    build_strata,
    edge_probabilities,
)
from werkwijzer.timeline.routes import numbers

PARAMETERS = load_parameters()
BOOK = load_scenarios()
SEED = 20261123


def _run(parameters, key, arrays=None, cancer=True):
    offer = BOOK.offer_for(key)
    strata = build_strata(parameters.strata, offer, cancer=cancer)
    return run_cohort(arrays or parameters.arrays(1), strata, offer)


def test_legal_weeks_come_from_the_timeline_route_data():
    assert numbers()["waiting_weeks"] == WAITING_WEEKS
    model = Path(__file__).resolve().parents[1] / "model"
    for path in model.glob("*.py"):
        typed = re.findall(r"\b104\b", path.read_text(encoding="utf-8"))
        assert not typed, f"{path.name} types the waiting time instead of reading it"


@pytest.mark.parametrize("extension", [0, 13, 52])
@pytest.mark.parametrize("scenario", ["ist", "s2", "all"])
def test_nobody_is_on_sick_leave_after_the_waiting_time_and_extension(extension, scenario):
    parameters = PARAMETERS.with_overrides({"extension_weeks": extension})
    arrays = draw_parameters(parameters, 25, np.random.default_rng(SEED))
    states = _run(parameters, scenario, arrays).states
    end = assessment_week(arrays)
    assert end == WAITING_WEEKS + extension
    # In the assessment week people are still on sick leave; from the next week nobody.
    assert states[:, end, State.SICK_LEAVE].min() > 0
    assert np.abs(states[:, end + 1 :, State.SICK_LEAVE]).max() < 1e-9
    assert np.abs(states[:, WAITING_WEEKS + 1 :, State.ZIEKTEWET]).max() < 1e-9


def test_nobody_in_the_microsimulation_is_on_sick_leave_after_the_waiting_time():
    micro = run_micro(PARAMETERS, BOOK.offer_for("s2"), persons=20_000, seed=SEED)
    sick = micro.states[0, :, State.SICK_LEAVE]
    assert sick[WAITING_WEEKS] > 0
    assert sick[WAITING_WEEKS + 1 :].max() == 0


@pytest.mark.parametrize("cancer", [True, False])
@pytest.mark.parametrize("extension", [0, 26])
def test_only_allowed_transitions_have_a_chance(cancer, extension):
    parameters = PARAMETERS.with_overrides({"extension_weeks": extension})
    arrays = draw_parameters(parameters, 10, np.random.default_rng(SEED))
    for key in ("ist", "s3", "all"):
        offer = BOOK.offer_for(key)
        strata = build_strata(parameters.strata, offer, cancer=cancer)
        for week in range(WEEKS - 1):
            for origin, target, chance in edge_probabilities(arrays, strata, offer, week):
                if np.max(chance) > 0:
                    assert target in ALLOWED[origin], (week, origin.name, target.name)
                assert np.min(chance) >= 0


def test_every_state_is_reached_and_only_through_the_table():
    """Every state can be reached from the states at diagnosis through the table, and in
    the default run every state holds people in some week."""
    reachable = {State.WORKING_FULLY, State.WORKING_PARTLY, State.SICK_LEAVE}
    frontier = list(reachable)
    while frontier:
        for target in ALLOWED[frontier.pop()]:
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(State)
    states = _run(PARAMETERS, "ist").states[0]
    assert (states.max(axis=0) > 0).all()
    assert len(ALLOWED) == N_STATES


@pytest.mark.parametrize("scenario", ["ist", "s2", "all"])
def test_costs_per_party_add_up_to_the_society_total(scenario):
    society = PARTIES.index("society")
    arrays = draw_parameters(PARAMETERS, 20, np.random.default_rng(SEED))
    cohort = _run(PARAMETERS, scenario, arrays)
    micro = run_micro(PARAMETERS, BOOK.offer_for(scenario), persons=20_000, seed=SEED).output
    for output in (cohort, micro):
        parts = np.delete(output.totals, society, axis=-1).sum(axis=-1)
        np.testing.assert_allclose(parts, output.totals[..., society], rtol=1e-9)
        yearly = np.delete(output.costs_yearly, society, axis=-1).sum(axis=-1)
        np.testing.assert_allclose(yearly, output.costs_yearly[..., society], rtol=1e-9)


def test_cancer_cohort_is_unemployed_at_least_as_often_as_people_without_cancer():
    comparison = comparison_run(PARAMETERS, PARAMETERS.arrays(1))
    cancer, without = comparison.shares("unemployed")
    # In the first months sick employees cannot be dismissed (opzegverbod) while the
    # comparison cohort works and can lose its jobs; from half a year on, and in every
    # week the model reports, the cancer cohort is unemployed at least as often.
    weeks = slice(26, WEEKS)
    assert (cancer[0, weeks] >= without[0, weeks]).all()
    for week in comparison.to_dict()["unemployed"]:
        assert cancer[0, int(week)] >= without[0, int(week)]
    for measure in MEASURES:
        assert comparison.relative_risk(measure)[0, WEEKS - 1] > 1, measure


def test_the_comparison_cohort_starts_at_work_and_gets_no_care_offer():
    without = comparison_run(PARAMETERS, PARAMETERS.arrays(1)).without
    assert without.states[0, 0, State.WORKING_FULLY] == pytest.approx(
        PARAMETERS.values["cohort_size"]
    )
    assert without.offer_costs.sum() == 0


def test_the_break_even_effect_is_where_the_net_benefit_changes_sign():
    found = run_threshold(PARAMETERS, BOOK, "s2")
    society = next(row for row in found if row.party == "society")
    assert society.status == "break_even"
    ist = _run(PARAMETERS, "ist").totals[0]
    offer = BOOK.offer_for("s2")
    for factor, sign in ((0.98, -1), (1.02, 1)):
        varied = replace(offer, rtw_hr=society.value * factor)
        strata = build_strata(PARAMETERS.strata, varied)
        net = ist - run_cohort(PARAMETERS.arrays(1), strata, varied).totals[0]
        assert np.sign(net[PARTIES.index("society")]) == sign
    # Care pays the whole offer in scenario 2 and gains little: no break-even in the grid.
    assert next(row for row in found if row.party == "care").status == "never"


def test_budget_impact_adds_a_cohort_each_year():
    result = run_analysis(RunRequest(scenarios=("s2",), tornado=False))
    budget = result.budget["s2"]
    arrays = PARAMETERS.with_overrides({"discount_rate": 0}).arrays(1)
    extra = yearly_extra_cost(_run(PARAMETERS, "ist", arrays), _run(PARAMETERS, "s2", arrays))
    np.testing.assert_allclose(budget[0], extra[0])
    np.testing.assert_allclose(budget[-1], extra.sum(axis=0))
    care = PARTIES.index("care")
    assert budget[0, care] > 0  # care pays for the KAG in year 1


def test_financing_routes_carry_the_offer_payers_shares():
    fin = load_financing()
    for key, offer in BOOK.offers.items():
        by_party = dict.fromkeys(PAYERS, 0.0)
        for route, share in fin.elements[key]:
            by_party[fin.routes[route].party] += share
        assert by_party == pytest.approx(offer.payers), key


def test_every_effect_has_a_grade_a_range_and_assumptions_are_marked():
    result = run_analysis(RunRequest(scenarios=("all",), tornado=False))
    effects = result.to_dict()["effects"]
    assert {e["element"] for e in effects} == set(BOOK.offers)
    for effect in effects:
        assert effect["low"] <= effect["value"] <= effect["high"]
        assert effect["assumption"] == (effect["grade"] == "assumption")
        if effect["grade"] != "assumption":
            assert effect["source"] != "assumption"
    rows = result.csv_rows()
    assert ["effect", "s1", "rtw_hr", "evidence: assumption", 1.03] in rows
