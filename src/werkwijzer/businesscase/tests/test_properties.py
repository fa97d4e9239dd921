"""Properties over many parameter sets (hypothesis): people are conserved, money is fully
shared out, and more return to work never means fewer people at work."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from werkwijzer.businesscase.model.cohort import run_cohort
from werkwijzer.businesscase.model.parameters import ParameterError, load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.model.transitions import State, build_strata

PARAMETERS = load_parameters()
BOOK = load_scenarios()
VARIED = [spec for spec in PARAMETERS.specs.values() if spec.high > spec.low]


@st.composite
def parameter_sets(draw):
    overrides = {
        spec.name: draw(st.floats(spec.low, spec.high, allow_nan=False)) for spec in VARIED
    }
    try:
        return PARAMETERS.with_overrides(overrides)
    except ParameterError:
        assume(False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parameters=parameter_sets(),
    scenario=st.sampled_from(sorted(BOOK.scenarios)),
    ratio=st.floats(1.0, 3.0),
)
def test_more_return_to_work_never_lowers_employment(parameters, scenario, ratio):
    offer = BOOK.offer_for(scenario)
    better = replace(offer, rtw_hr=offer.rtw_hr * ratio, cost_per_person=0.0)
    arrays = parameters.arrays(1)
    base = run_cohort(arrays, build_strata(parameters.strata, offer), offer)
    more = run_cohort(arrays, build_strata(parameters.strata, better), better)
    for output in (base, more):
        np.testing.assert_allclose(output.states.sum(axis=2), parameters.values["cohort_size"])
        assert (output.states >= -1e-9).all()
    working = [State.WORKING_FULLY, State.WORKING_PARTLY]
    assert (more.states[..., working].sum(-1) >= base.states[..., working].sum(-1) - 1e-6).all()
    # Society never loses production when only return to work improves.
    assert more.costs_yearly[0, :, -1].sum() <= base.costs_yearly[0, :, -1].sum() + 1e-3
