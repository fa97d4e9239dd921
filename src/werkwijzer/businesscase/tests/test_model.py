"""The pure model: conservation, money accounting, monotone effects, seeds, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from werkwijzer.businesscase.model.analysis import RunRequest, run_analysis
from werkwijzer.businesscase.model.calibration import validation_table
from werkwijzer.businesscase.model.cohort import run_cohort
from werkwijzer.businesscase.model.economics import PARTIES, coefficients
from werkwijzer.businesscase.model.micro import run_micro
from werkwijzer.businesscase.model.parameters import (
    ParameterError,
    draw_parameters,
    load_parameters,
)
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.model.transitions import WEEKS, State, build_strata

SEED = 20261123


@pytest.fixture(scope="module")
def parameters():
    return load_parameters()


@pytest.fixture(scope="module")
def book():
    return load_scenarios()


def _cohort(parameters, offer, arrays=None):
    strata = build_strata(parameters.strata, offer)
    return run_cohort(arrays or parameters.arrays(1), strata, offer)


def test_every_parameter_has_unit_range_and_source(parameters):
    for spec in parameters.specs.values():
        assert spec.unit and spec.source, spec.name
        assert spec.low <= spec.value <= spec.high, spec.name


@pytest.mark.parametrize("scenario", ["ist", "s2", "all"])
def test_cohort_conserves_people_each_week(parameters, book, scenario):
    rng = np.random.default_rng(SEED)
    arrays = draw_parameters(parameters, 40, rng)
    output = _cohort(parameters, book.offer_for(scenario), arrays)
    totals = output.states.sum(axis=2)
    np.testing.assert_allclose(totals, np.broadcast_to(arrays["cohort_size"], totals.shape))
    assert (output.states >= -1e-9).all()


def test_microsimulation_puts_everyone_in_exactly_one_state_each_week(parameters, book):
    micro = run_micro(parameters, book.offer_for("ist"), persons=5_000, seed=SEED)
    persons_per_week = micro.states[0].sum(axis=1) / micro.scale
    np.testing.assert_allclose(persons_per_week, 5_000)
    assert micro.states.shape == (1, WEEKS, len(State))


def test_microsimulation_agrees_with_the_cohort_model(parameters, book):
    offer = book.offer_for("s2")
    micro = run_micro(parameters, offer, persons=200_000, seed=SEED)
    cohort = _cohort(parameters, offer)
    np.testing.assert_allclose(micro.output.working_share(), cohort.working_share(), atol=0.01)
    np.testing.assert_allclose(micro.output.totals, cohort.totals, rtol=0.03)


def test_microsimulation_is_reproducible_with_a_seed(parameters, book):
    offer = book.offer_for("s1")
    first = run_micro(parameters, offer, persons=3_000, seed=7)
    again = run_micro(parameters, offer, persons=3_000, seed=7)
    other = run_micro(parameters, offer, persons=3_000, seed=8)
    np.testing.assert_array_equal(first.states, again.states)
    np.testing.assert_array_equal(first.output.totals, again.output.totals)
    assert not np.array_equal(first.states, other.states)


def test_psa_is_reproducible_with_a_seed():
    request = RunRequest(scenarios=("ist", "s2"), draws=30, seed=11, tornado=False)
    first, again = run_analysis(request), run_analysis(request)
    np.testing.assert_array_equal(first.psa.net_benefit["s2"], again.psa.net_benefit["s2"])


def test_money_lost_is_fully_shared_out(parameters, book):
    """Per person-week: what the parties lose adds up to the labour cost of the hours not
    worked (transfers between them cancel out), and society's cost is exactly that sum."""
    p = parameters.with_overrides({"replacement_cost_share": 0}).arrays(1)
    strata = build_strata(parameters.strata, book.offer_for("ist"))
    coef = coefficients(p, strata)
    parties = [PARTIES.index(name) for name in ("care", "employer", "public", "person")]
    society = PARTIES.index("society")
    work = np.zeros(len(State))
    work[State.WORKING_FULLY] = 1
    work[State.WORKING_PARTLY] = p["partial_work_fraction"][0, 0]
    for state in (State.WGA_WAGE_RELATED, State.WGA_FOLLOW_UP):
        work[state] = p["wia_partial_work_fraction"][0, 0]
    lost = (1 - work) * (1 + p["employer_charges"][0, 0])
    lost[State.DIED] = 0
    for phase in range(3):
        wage_part = coef.wage[phase][0][..., parties].sum(axis=-1)
        capped_part = coef.capped[phase][0][..., parties].sum(axis=-1)
        np.testing.assert_allclose(wage_part, np.broadcast_to(lost, wage_part.shape), atol=1e-12)
        np.testing.assert_allclose(capped_part, 0, atol=1e-12)
        np.testing.assert_allclose(coef.wage[phase][0][..., society], wage_part, atol=1e-12)


@pytest.mark.parametrize("hazard_ratio", [1.01, 1.1, 1.5, 3.0])
def test_more_return_to_work_never_lowers_employment(parameters, book, hazard_ratio):
    rng = np.random.default_rng(SEED)
    arrays = draw_parameters(parameters, 30, rng)
    ist = book.offers["ist"]
    better = type(ist)(**{**vars(ist), "rtw_hr": ist.rtw_hr * hazard_ratio, "cost_per_person": 0.0})
    base = _cohort(parameters, ist, arrays).states
    more = _cohort(parameters, better, arrays).states
    working = [State.WORKING_FULLY, State.WORKING_PARTLY]
    assert (more[..., working].sum(-1) >= base[..., working].sum(-1) - 1e-6).all()


def test_calibration_targets_are_reproduced(parameters):
    for row in validation_table(parameters, micro_persons=20_000):
        if row.target.use == "calibration":
            assert abs(row.difference) < 0.01, row.target.key


def test_combining_elements_adds_reach_as_independent_chances(book):
    offer = book.offer_for("s1_s2")
    parts = [book.offers[key] for key in ("ist", "s1", "s2")]
    expected = 1 - np.prod([1 - part.reach["employee"] for part in parts])
    assert offer.reach["employee"] == pytest.approx(expected)
    low = min(part.rtw_hr for part in parts)
    high = max(part.rtw_hr for part in parts)
    assert low <= offer.rtw_hr <= high
    assert sum(offer.payers.values()) == pytest.approx(1)


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"annual_wage": -1}, "annual_wage", "negative"),
        ({"wga_rate": 1.2}, "wga_rate", "above_one"),
        ({"relapse_full_weekly": 2}, "relapse_full_weekly", "above_one"),
        ({"annual_wage": None}, "annual_wage", "missing"),
        ({"annual_wage": ""}, "annual_wage", "missing"),
        ({"annual_wage": "veel"}, "annual_wage", "not_a_number"),
        ({"nonsense": 1}, "nonsense", "unknown"),
        ({"wia_iva_share": 0.7, "wia_wga_share": 0.5}, "wia_wga_share", "sum_above_one"),
        ({"extension_weeks": 5}, "extension_weeks", "too_small"),
        ({"extension_weeks": 500}, "extension_weeks", "too_large"),
        ({"rtw_shape": 0}, "rtw_shape", "not_positive"),
    ],
)
def test_bad_parameters_are_rejected_with_their_name(parameters, overrides, name, code):
    with pytest.raises(ParameterError) as caught:
        parameters.with_overrides(overrides)
    assert (name, code) in [(issue.name, issue.code) for issue in caught.value.issues]
    assert name in str(caught.value)


def test_bad_run_requests_are_rejected():
    with pytest.raises(ParameterError) as caught:
        run_analysis(RunRequest(scenarios=("ist", "s9"), draws=-1, overrides={"tax_wedge": 3}))
    names = {issue.name for issue in caught.value.issues}
    assert {"scenario s9", "draws", "tax_wedge"} <= names


def test_analysis_reports_every_party_and_a_sorted_tornado():
    result = run_analysis(RunRequest(scenarios=("s2",), draws=20))
    data = result.to_dict()
    assert [entry["key"] for entry in data["scenarios"]] == ["ist", "s2"]
    assert set(data["scenarios"][1]["net_benefit"]) == set(PARTIES)
    swings = [bar.swing for bar in result.tornado.bars]
    assert swings == sorted(swings, reverse=True)
    assert result.csv_rows()[0] == ["section", "scenario", "item", "period", "value"]


def test_the_validation_table_in_the_docs_is_current(parameters):
    """docs/businesscase.md quotes the model's figures; they must match a fresh run."""
    from pathlib import Path

    from werkwijzer.businesscase.model.calibration import format_model

    docs = Path(__file__).resolve().parents[4] / "docs" / "businesscase.md"
    text = docs.read_text(encoding="utf-8")
    for row in validation_table(parameters, micro_persons=200_000):
        assert f"| {row.target.key} |" in text, row.target.key
        if row.target.metric != "mean_absence_months":  # a microsimulation: by chance
            assert f"| {format_model(row)} |" in text, (row.target.key, format_model(row))
