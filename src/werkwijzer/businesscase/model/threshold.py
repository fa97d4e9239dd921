"""Threshold analysis: at what effect size does a scenario break even for each party?

The effect is the hazard ratio on return to work for the people the scenario's care offer
reaches (the combined offer, ist included). All effect sizes of the grid run at once along
the draws axis of one cohort run; the break-even point is interpolated between the two
grid values where the net benefit changes sign.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from werkwijzer.businesscase.model.cohort import run_cohort
from werkwijzer.businesscase.model.economics import PARTIES
from werkwijzer.businesscase.model.parameters import ParameterSet
from werkwijzer.businesscase.model.scenarios import ScenarioBook
from werkwijzer.businesscase.model.transitions import build_strata

GRID = np.round(np.linspace(0.8, 2.0, 49), 4)


@dataclass(frozen=True)
class Threshold:
    """Per party: the break-even hazard ratio, or None with `status` saying why.

    status: "break_even" (at `value`), "always" (gains at every effect in the grid),
    "never" (loses at every effect in the grid).
    """

    scenario: str
    party: str
    status: str
    value: float | None
    base_effect: float

    def as_dict(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "party": self.party,
            "status": self.status,
            "break_even_hazard_ratio": None if self.value is None else round(self.value, 3),
            "effect_used": round(self.base_effect, 3),
            "grid": [float(GRID[0]), float(GRID[-1])],
        }


def _crossing(net: np.ndarray) -> tuple[str, float | None]:
    """Where `net` (over GRID) first turns from a loss into a gain."""
    if (net > 0).all():
        return "always", None
    if (net <= 0).all():
        return "never", None
    for index in range(1, net.size):
        low, high = net[index - 1], net[index]
        if low <= 0 < high:
            share = -low / (high - low)
            return "break_even", float(GRID[index - 1] + share * (GRID[index] - GRID[index - 1]))
    return "never", None  # gains at low effects only: no sensible break-even


def run_threshold(parameters: ParameterSet, book: ScenarioBook, scenario: str) -> list[Threshold]:
    rows = GRID.size
    arrays = parameters.arrays(rows)
    ist_offer = book.offer_for("ist")
    ist = run_cohort(arrays, build_strata(parameters.strata, ist_offer), ist_offer).totals
    offer = book.offer_for(scenario)
    varied = replace(offer, rtw_hr=GRID.reshape(-1, 1))
    other = run_cohort(arrays, build_strata(parameters.strata, varied), varied).totals
    net = ist - other
    base = float(np.asarray(offer.rtw_hr))
    return [
        Threshold(scenario, party, *_crossing(net[:, index]), base)
        for index, party in enumerate(PARTIES)
    ]
