"""The cohort (Markov) model: shares of people move between states week by week.

All draws of a probabilistic sensitivity analysis run at once: every array has a leading
`draws` axis, and the strata (age × tumour × employment × reached) a trailing one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from werkwijzer.businesscase.model import economics
from werkwijzer.businesscase.model.economics import YEARS, Coefficients
from werkwijzer.businesscase.model.scenarios import Offer
from werkwijzer.businesscase.model.transitions import (
    N_STATES,
    WEEKS,
    Edge,
    State,
    Strata,
    assessment_week,
    initial_distribution,
    sick_edges,
    sick_edges_key,
    stable_edges,
)

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ModelOutput:
    """What a model run gives, for one scenario.

    states: persons per state each week, (draws, weeks, states)
    costs_yearly: discounted costs per party per year, (draws, years, parties)
    costs_weekly: discounted costs per party per week, (weeks, parties), one draw only
    offer_costs: the care offer's cost per party, (draws, parties)
    """

    states: np.ndarray
    costs_yearly: np.ndarray
    offer_costs: np.ndarray
    costs_weekly: np.ndarray | None = None

    @property
    def totals(self) -> np.ndarray:
        """Total discounted cost per party over the horizon, (draws, parties)."""
        return self.costs_yearly.sum(axis=1) + self.offer_costs

    def working_share(self) -> np.ndarray:
        """Share of living people at work (fully or partly), (draws, weeks)."""
        alive = self.states[..., : State.DIED].sum(axis=-1)
        working = self.states[..., State.WORKING_FULLY] + self.states[..., State.WORKING_PARTLY]
        return working / np.maximum(alive, 1e-12)


def period_costs(
    wage: np.ndarray, capped: np.ndarray, coef: Coefficients, phases: list[int]
) -> np.ndarray:
    """Costs per period from wage sums of shape (draws, periods, S, states)."""
    result = np.zeros((wage.shape[0], wage.shape[1], economics.N_PARTIES))
    for index, ph in enumerate(phases):
        result[:, index] = np.einsum("dsi,dsip->dp", wage[:, index], coef.wage[ph])
        result[:, index] += np.einsum("dsi,dsip->dp", capped[:, index], coef.capped[ph])
    return result


def weekly_to_yearly(weekly: np.ndarray, weeks: int) -> np.ndarray:
    """Sum a (..., weeks, parties) array into five years of 52 weeks."""
    years = np.zeros((*weekly.shape[:-2], YEARS, weekly.shape[-1]))
    for year in range(YEARS):
        years[..., year, :] = weekly[..., year * 52 : min((year + 1) * 52, weeks), :].sum(axis=-2)
    return years


def year_phases(assessment: int) -> list[int]:
    """One phase per year for the yearly sums (the PSA): the phase of the year's middle
    week. Only the weekly costs (one draw) follow a phase change within a year exactly."""
    return [economics.phase(year * 52 + 26, assessment) for year in range(YEARS)]


@dataclass(frozen=True)
class CompiledEdges:
    """Edges prepared for `step`: per origin the chance to stay, and the moves."""

    stay: list[tuple[int, np.ndarray]]
    moves: list[Edge]


def compile_edges(edges: list[Edge]) -> CompiledEdges:
    leaving: dict[int, np.ndarray] = {}
    for origin, _target, chance in edges:
        leaving[origin] = leaving[origin] + chance if origin in leaving else chance.copy()
    return CompiledEdges([(origin, 1.0 - out) for origin, out in leaving.items()], edges)


def step(occupancy: np.ndarray, parts: list[CompiledEdges]) -> np.ndarray:
    """Move people along the edges for one week; occupancy has shape (states, draws, S)."""
    moved = np.empty_like(occupancy)
    origins = {origin for part in parts for origin, _ in part.stay}
    for state in range(occupancy.shape[0]):
        if state not in origins:
            moved[state] = occupancy[state]
    for part in parts:
        for origin, stay in part.stay:
            np.multiply(occupancy[origin], stay, out=moved[origin])
    flow = np.empty_like(occupancy[0])
    for part in parts:
        for origin, target, chance in part.moves:
            np.multiply(occupancy[origin], chance, out=flow)
            moved[target] += flow
    return moved


def _costs(
    coef: economics.Coefficients,
    yearly: np.ndarray,
    weekly: np.ndarray | None,
    wages: tuple[np.ndarray, np.ndarray],
    assessment: int,
    weeks: int,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Costs per party and year from the discounted person-weeks per state; for a single
    draw also per week (the weekly phases are exact then, the yearly ones an average)."""
    wage_factor, capped_factor = (wage[:, :, None, None] for wage in wages)
    if weekly is None:
        costs = period_costs(
            yearly * wage_factor, yearly * capped_factor, coef, year_phases(assessment)
        )
        return costs, None
    phases = [economics.phase(week, assessment) for week in range(weeks)]
    costs_weekly = period_costs(weekly * wage_factor, weekly * capped_factor, coef, phases)[0]
    return weekly_to_yearly(costs_weekly, weeks)[None], costs_weekly


def run_cohort(
    p: dict[str, np.ndarray],
    strata: Strata,
    offer: Offer,
    weeks: int = WEEKS,
    progress: Progress | None = None,
) -> ModelOutput:
    """Run the cohort model for every draw in `p` (arrays of shape (draws, 1))."""
    draws = next(iter(p.values())).shape[0]
    occupancy = initial_distribution(p, strata) * strata.weight * p["cohort_size"]
    discount = economics.discount_factors(p["discount_rate"], weeks)
    coef = economics.coefficients(p, strata)
    states = np.zeros((draws, weeks, N_STATES))
    keep_weekly = draws == 1
    weekly = np.zeros((weeks, N_STATES, strata.size)) if keep_weekly else None
    yearly = np.zeros((YEARS, N_STATES, draws, strata.size))
    alive_at_start = occupancy[: State.DIED].sum(axis=0)
    stable: dict[tuple[bool, bool], CompiledEdges] = {}
    assessment = assessment_week(p)
    sick_key: tuple[bool, int] | None = None
    sick: CompiledEdges | None = None
    weighted = np.empty_like(occupancy)
    for week in range(weeks):
        states[:, week] = occupancy.sum(axis=2).T
        if week == offer.start_week:
            alive_at_start = occupancy[: State.DIED].sum(axis=0)
        if weekly is not None:
            weekly[week] = occupancy[:, 0] * discount[0, week]
        np.multiply(occupancy, discount[None, :, week, None], out=weighted)
        yearly[min(week // 52, YEARS - 1)] += weighted
        if week == weeks - 1:
            break
        status = (week >= offer.start_week, week >= assessment)
        if status not in stable:
            stable[status] = compile_edges(stable_edges(p, strata, offer, *status))
        # Sick-leave chances change every week until the WIA assessment and are empty
        # after it; keep only the last ones, so memory does not grow with the weeks.
        key = sick_edges_key(p, offer, week)
        if sick is None or key != sick_key:
            sick_key, sick = key, compile_edges(sick_edges(p, strata, offer, week))
        occupancy = step(occupancy, [stable[status], sick])
        if progress is not None:
            progress(week + 1)
    yearly = np.moveaxis(yearly, (0, 1), (1, 3))  # (draws, years, S, states)
    if weekly is not None:
        weekly = np.moveaxis(weekly, 1, 2)[None]  # (1, weeks, S, states)
    costs_yearly, costs_weekly = _costs(
        coef, yearly, weekly, economics.wage_moments(p), assessment, weeks
    )
    offer_costs = economics.offer_costs(offer, strata, alive_at_start, discount)
    return ModelOutput(states, costs_yearly, offer_costs, costs_weekly)
