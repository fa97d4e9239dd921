"""The comparison cohort: the same people (age groups, jobs) without cancer.

It runs through the same states and rules, starting at work, with the sickness inflow,
mortality and job loss of people without cancer (parameters `comparison_*`,
`job_loss_weekly` without `cancer_job_loss_hr`) and without the care offer. Sex is not a
dimension of the model: the comparison matches the cohort's age groups and employment
types, not its mix of men and women (docs/businesscase.md). The model then reports relative
risks beside the absolute shares.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from werkwijzer.businesscase.model.cohort import ModelOutput, run_cohort
from werkwijzer.businesscase.model.parameters import ParameterSet
from werkwijzer.businesscase.model.scenarios import EMPLOYMENT_TYPES, load_scenarios
from werkwijzer.businesscase.model.transitions import (
    DISABILITY_BENEFIT,
    WORKING,
    State,
    build_strata,
)

# The outcomes compared, as the states that count (shares of the living).
MEASURES: dict[str, tuple[State, ...]] = {
    "unemployed": (State.UNEMPLOYED,),
    "not_working": tuple(s for s in State if s not in WORKING and s is not State.DIED),
    "disability_benefit": DISABILITY_BENEFIT,
}
MIN_SHARE = 0.001
REPORT_WEEKS = (*(52 * year for year in range(1, 5)), 259)  # years 1-4 and the last week


def living_share(output: ModelOutput, states: tuple[State, ...]) -> np.ndarray:
    """Share of the living people in `states`, (draws, weeks)."""
    alive = output.states[..., : State.DIED].sum(axis=-1)
    return output.states[..., list(states)].sum(axis=-1) / np.maximum(alive, 1e-12)


@dataclass(frozen=True)
class ComparisonResult:
    cancer: ModelOutput
    without: ModelOutput

    def shares(self, measure: str) -> tuple[np.ndarray, np.ndarray]:
        states = MEASURES[measure]
        return living_share(self.cancer, states), living_share(self.without, states)

    def relative_risk(self, measure: str) -> np.ndarray:
        """Cancer against without; NaN where the comparison share is below MIN_SHARE (a
        ratio over almost nobody says nothing: nobody without cancer reaches the WIA in
        the first two years)."""
        cancer, without = self.shares(measure)
        return np.where(without >= MIN_SHARE, cancer / np.maximum(without, 1e-12), np.nan)

    def to_dict(self) -> dict[str, dict[str, dict[str, float | None]]]:
        # The relative risk is None where it says nothing (see relative_risk).
        data: dict[str, dict[str, dict[str, float | None]]] = {}
        for measure in MEASURES:
            cancer, without = self.shares(measure)
            rr = self.relative_risk(measure)
            data[measure] = {
                str(week): {
                    "cancer": round(float(cancer[0, week]), 4),
                    "without_cancer": round(float(without[0, week]), 4),
                    "relative_risk": None
                    if np.isnan(rr[0, week])
                    else round(float(rr[0, week]), 3),
                }
                for week in REPORT_WEEKS
            }
        return data


def comparison_run(
    parameters: ParameterSet,
    arrays: dict[str, np.ndarray],
    cancer: ModelOutput | None = None,
) -> ComparisonResult:
    """The current situation for the cancer cohort and the same people without cancer."""
    offer = load_scenarios().offer_for("ist")
    if cancer is None:
        cancer = run_cohort(arrays, build_strata(parameters.strata, offer), offer)
    nobody = replace(offer, reach={kind: 0.0 for kind in EMPLOYMENT_TYPES}, cost_per_person=0.0)
    strata = build_strata(parameters.strata, nobody, cancer=False)
    return ComparisonResult(cancer, run_cohort(arrays, strata, nobody))
