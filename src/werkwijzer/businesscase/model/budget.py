"""Budget impact per payer per year, for five years (no discounting, as budgets are read).

Each year a new cohort is diagnosed. In year k the budget carries year 1 of that year's
cohort, year 2 of last year's, and so on: the budget impact of year k is the sum of the
scenario's extra costs over ist in years 1..k of one cohort (the care offer in year 1).
Positive: the payer spends more than today; negative: the payer saves.
"""

from __future__ import annotations

import numpy as np

from werkwijzer.businesscase.model.cohort import ModelOutput
from werkwijzer.businesscase.model.economics import YEARS


def yearly_extra_cost(ist: ModelOutput, scenario: ModelOutput) -> np.ndarray:
    """One cohort's extra cost per year and party, (years, parties); the offer in year 1."""
    extra = scenario.costs_yearly[0] - ist.costs_yearly[0]
    extra[0] += scenario.offer_costs[0] - ist.offer_costs[0]
    return extra


def budget_impact(ist: ModelOutput, scenario: ModelOutput) -> np.ndarray:
    """Budget impact per calendar year with a new cohort every year, (years, parties).
    Both outputs must come from runs without discounting."""
    extra = yearly_extra_cost(ist, scenario)
    return np.array([extra[: year + 1].sum(axis=0) for year in range(YEARS)])
