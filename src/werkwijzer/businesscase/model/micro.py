"""The microsimulation: individual people, each with an age group, tumour group,
employment type, own wage and own path through the states, vectorised with NumPy.

Each week every person draws one random number and moves along the cumulative transition
chances of their stratum and state (the same chances as the cohort model). People are
processed in chunks so the working arrays stay in the processor cache; state is int8 and
random numbers float32, so a million people over 260 weeks fits in well under 1 GB.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from werkwijzer.businesscase.model import economics
from werkwijzer.businesscase.model.cohort import ModelOutput, period_costs, weekly_to_yearly
from werkwijzer.businesscase.model.parameters import ParameterSet
from werkwijzer.businesscase.model.scenarios import Offer
from werkwijzer.businesscase.model.transitions import (
    N_STATES,
    WEEKS,
    State,
    Strata,
    assessment_week,
    build_strata,
    transition_table,
)

CHUNK = 1 << 15


def _chunks(persons: int) -> list[slice]:
    return [slice(start, min(start + CHUNK, persons)) for start in range(0, persons, CHUNK)]


def _week_table(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cumulative chances without the last column (always 1), and per row the interval
    [low, high) of a draw that means "stay in the same state"."""
    cumulative = transition_table(p, strata, offer, week).astype(np.float32)
    same = np.tile(np.arange(N_STATES), strata.size)
    rows = np.arange(cumulative.shape[0])
    high = cumulative[rows, same]
    low = np.where(same > 0, cumulative[rows, np.maximum(same - 1, 0)], np.float32(0.0))
    return np.ascontiguousarray(cumulative[:, :-1]), low, high


def _draw_strata(
    parameters: ParameterSet, offer: Offer, persons: int, rng: np.random.Generator
) -> np.ndarray:
    """Each person's stratum (in the order of build_strata). Whether someone is reached
    comes from a draw of its own, so with the same seed two scenarios simulate the same
    people and differ only in who gets the care offer (common random numbers)."""
    spec = parameters.strata
    dims = (spec.age, spec.tumour, spec.employment)
    age, tumour, job = (
        rng.choice(len(levels), size=persons, p=[level.share for level in levels])
        for levels in dims
    )
    reach = np.array([offer.reach[level.key] for level in spec.employment])
    reached = rng.random(persons) < reach[job]
    index = ((age * len(spec.tumour) + tumour) * len(spec.employment) + job) * 2 + reached
    return index.astype(np.int32)


@dataclass(frozen=True)
class MicroOutput:
    """The aggregate output (as the cohort model gives) plus individual-level results."""

    output: ModelOutput
    persons: int
    seed: int
    median_absence_days: float
    mean_absence_days: float
    returned_share: float
    scale: float

    @property
    def states(self) -> np.ndarray:
        return self.output.states


@dataclass
class _People:
    """Per person: the first row of their stratum, state, wage and first return week.

    `first_return` is -2 for those not on sick leave at diagnosis, -1 while waiting,
    and the week of the first return to work after that.
    """

    row_base: np.ndarray
    state: np.ndarray
    first_return: np.ndarray
    wage: np.ndarray
    excess: np.ndarray
    # Above the maximum daily wage the capped sum differs; only those few need a second
    # weighted count (indices per chunk).
    high: list[np.ndarray]


@dataclass
class _Tally:
    """Per week and (stratum, state) row: persons, their wages and wages above the cap."""

    counts: np.ndarray
    wage_sums: np.ndarray
    excess_sums: np.ndarray


def _draw_people(
    parameters: ParameterSet, offer: Offer, persons: int, rng: np.random.Generator
) -> _People:
    values = parameters.values
    stratum = _draw_strata(parameters, offer, persons, rng)
    wage = economics.draw_wages(values, persons, rng)
    capped = np.minimum(wage, np.float32(values["max_annual_wage"] / 52.0))
    u = rng.random(persons, dtype=np.float32)
    sick, partial = values["initial_sick_share"], values["initial_partial_share"]
    state = np.where(
        u < sick, State.SICK_LEAVE, np.where(u < sick + partial, State.WORKING_PARTLY, 0)
    ).astype(np.int8)
    excess = wage - capped
    return _People(
        row_base=(stratum * N_STATES).astype(np.int32),
        state=state,
        first_return=np.where(state == State.SICK_LEAVE, -1, -2).astype(np.int16),
        wage=wage,
        excess=excess,
        high=[np.flatnonzero(excess[part] > 0) for part in _chunks(persons)],
    )


def _count(tally: _Tally, week: int, people: _People, part: slice, rich: np.ndarray) -> None:
    """Add one chunk's persons and wages in this week to the tally."""
    bins = tally.counts.shape[1]
    rows = people.row_base[part] + people.state[part]
    tally.counts[week] += np.bincount(rows, minlength=bins)
    tally.wage_sums[week] += np.bincount(rows, weights=people.wage[part], minlength=bins)
    excess = people.excess[part][rich]
    tally.excess_sums[week] += np.bincount(rows[rich], weights=excess, minlength=bins)


def _move(
    people: _People,
    part: slice,
    week: int,
    chances: tuple[np.ndarray, np.ndarray, np.ndarray],
    rng: np.random.Generator,
) -> None:
    """Move one chunk to next week's states, and note first returns to work."""
    table, stay_low, stay_high = chances
    current = people.state[part]
    rows = people.row_base[part] + current
    # Most people stay where they are: test that first, search only for movers.
    draw = rng.random(rows.shape[0], dtype=np.float32)
    movers = np.flatnonzero((draw < np.take(stay_low, rows)) | (draw >= np.take(stay_high, rows)))
    new = (np.take(table, rows[movers], axis=0) < draw[movers, None]).sum(axis=1, dtype=np.int8)
    waiting = people.first_return[part]
    back = movers[(new <= State.WORKING_PARTLY) & (waiting[movers] == -1)]
    waiting[back] = week + 1
    current[movers] = new


def _simulate(
    p: dict[str, np.ndarray],
    strata: Strata,
    offer: Offer,
    people: _People,
    weeks: int,
    rng: np.random.Generator,
    progress: Callable[[int], None] | None,
) -> _Tally:
    """Count everyone week by week, moving them on after each week but the last."""
    bins = strata.size * N_STATES
    tally = _Tally(*(np.zeros((weeks, bins)) for _ in range(3)))
    chunks = _chunks(people.state.shape[0])
    for week in range(weeks):
        chances = _week_table(p, strata, offer, week) if week < weeks - 1 else None
        for part, rich in zip(chunks, people.high, strict=True):
            _count(tally, week, people, part, rich)
            if chances is not None:
                _move(people, part, week, chances, rng)
        if progress is not None:
            progress(week + 1)
    return tally


def _aggregate(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, tally: _Tally, scale: float, weeks: int
) -> ModelOutput:
    """The tally, scaled to the cohort and priced, in the cohort model's output shape."""
    capped_sums = tally.wage_sums - tally.excess_sums
    discount = economics.discount_factors(p["discount_rate"], weeks)[0][:, None]
    shape = (1, weeks, strata.size, N_STATES)
    coef = economics.coefficients(p, strata)
    assessment = assessment_week(p)
    phases = [economics.phase(week, assessment) for week in range(weeks)]
    weekly = period_costs(
        (tally.wage_sums * discount * scale).reshape(shape),
        (capped_sums * discount * scale).reshape(shape),
        coef,
        phases,
    )[0]
    occupancy = tally.counts.reshape(weeks, strata.size, N_STATES) * scale
    start = min(offer.start_week, weeks - 1)
    alive_at_start = occupancy[start, :, : State.DIED].sum(axis=1)[None, :]
    return ModelOutput(
        states=occupancy.sum(axis=1)[None],
        costs_yearly=weekly_to_yearly(weekly, weeks)[None],
        offer_costs=economics.offer_costs(offer, strata, alive_at_start, discount.T),
        costs_weekly=weekly,
    )


def run_micro(
    parameters: ParameterSet,
    offer: Offer,
    persons: int,
    seed: int,
    weeks: int = WEEKS,
    progress: Callable[[int], None] | None = None,
) -> MicroOutput:
    """Simulate `persons` people; results are scaled to the cohort size.

    The same seed gives the same result.
    """
    rng = np.random.default_rng(seed)
    p = parameters.arrays(1)
    strata = build_strata(parameters.strata, offer)
    people = _draw_people(parameters, offer, persons, rng)
    tally = _simulate(p, strata, offer, people, weeks, rng, progress)
    scale = parameters.values["cohort_size"] / persons
    first_return = people.first_return
    returned = first_return[first_return >= 0].astype(float) * 7.0
    return MicroOutput(
        output=_aggregate(p, strata, offer, tally, scale, weeks),
        persons=persons,
        seed=seed,
        median_absence_days=float(np.median(returned)) if returned.size else float("nan"),
        mean_absence_days=float(returned.mean()) if returned.size else float("nan"),
        returned_share=float(returned.size / max((first_return != -2).sum(), 1)),
        scale=scale,
    )
