"""States, strata and the weekly transition chances shared by the cohort and micro models.

Both models use the same `edge_probabilities()`: the cohort model moves shares of people
along the edges, the microsimulation draws each person's next state from them. So the two
can only differ by chance, which a test checks.

The clock is the week since diagnosis. The 104-week rule of the Wet verbetering
poortwachter is applied at week 104 to everyone still on sick leave.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from werkwijzer.businesscase.model.parameters import StrataSpec
from werkwijzer.businesscase.model.scenarios import EMPLOYMENT_TYPES, Offer

WEEKS = 260
WIA_WEEK = 104
EARLY_IVA_FROM = 13


class State(IntEnum):
    WORKING_FULLY = 0
    WORKING_PARTLY = 1
    SICK_LEAVE = 2
    WIA_PARTIAL = 3
    WIA_FULL = 4
    UNEMPLOYED = 5
    NOT_WORKING_OTHER = 6
    DIED = 7


N_STATES = len(State)
ALIVE = [state for state in State if state is not State.DIED]
WORKING = (State.WORKING_FULLY, State.WORKING_PARTLY)


@dataclass(frozen=True)
class Strata:
    """Every combination of age group, tumour group, employment type and reached-or-not.

    Arrays have one entry per stratum (S = ages × tumours × employment types × 2).
    """

    spec: StrataSpec
    age: np.ndarray
    tumour: np.ndarray
    employment: np.ndarray
    reached: np.ndarray
    weight: np.ndarray
    rtw_hr: np.ndarray
    stop_hr: np.ndarray
    mortality: np.ndarray

    @property
    def size(self) -> int:
        return int(self.weight.shape[0])

    def employment_is(self, kind: str) -> np.ndarray:
        return self.employment == EMPLOYMENT_TYPES.index(kind)


def build_strata(spec: StrataSpec, offer: Offer) -> Strata:
    ages, tumours, jobs = spec.age, spec.tumour, spec.employment
    grid = np.array(
        [
            (a, t, e, r)
            for a in range(len(ages))
            for t in range(len(tumours))
            for e in range(len(jobs))
            for r in (0, 1)
        ]
    )
    age, tumour, employment, reached = grid.T
    reach = np.array([offer.reach[jobs[e].key] for e in employment])
    weight = (
        np.array([ages[a].share for a in age])
        * np.array([tumours[t].share for t in tumour])
        * np.array([jobs[e].share for e in employment])
        * np.where(reached == 1, reach, 1.0 - reach)
    )
    rtw_hr = (
        np.array([ages[a].rtw_hr for a in age])
        * np.array([tumours[t].rtw_hr for t in tumour])
        * np.array([jobs[e].rtw_hr for e in employment])
    )
    survival = np.array([tumours[t].survival_5y for t in tumour])
    mortality = -np.log(survival) / WEEKS
    stop_hr = np.array([ages[a].stop_hr for a in age])
    return Strata(spec, age, tumour, employment, reached, weight, rtw_hr, stop_hr, mortality)


def rtw_hazard(p: dict[str, np.ndarray], week: int) -> np.ndarray:
    """Weekly return-to-work hazard from a Weibull curve, held flat after week 104."""
    start = min(week, WIA_WEEK)
    shape, scale = p["rtw_shape"], p["rtw_scale_weeks"]
    return (((start + 1) / scale) ** shape - (start / scale) ** shape).astype(float)


Edge = tuple[State, State, np.ndarray]


def _competing(
    origin: State, hazards: list[tuple[State, np.ndarray]], shape: tuple[int, ...]
) -> list[Edge]:
    """Chances to leave `origin` for each target when the hazards compete in one week."""
    total = sum(hazard for _, hazard in hazards)
    total = np.broadcast_to(total, shape)
    leave = -np.expm1(-total)
    ratio = np.divide(leave, total, out=np.zeros(shape), where=total > 0)
    return [(origin, target, np.broadcast_to(hazard, shape) * ratio) for target, hazard in hazards]


def edge_probabilities(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int
) -> list[Edge]:
    """All transitions from week `week` to `week + 1`, as chances of shape (draws, S)."""
    return stable_edges(p, strata, offer, week >= offer.start_week) + sick_edges(
        p, strata, offer, week
    )


def _shape(p: dict[str, np.ndarray], strata: Strata) -> tuple[int, int]:
    return (next(iter(p.values())).shape[0], strata.size)


def _effects(strata: Strata, offer: Offer, active: bool) -> tuple[np.ndarray, np.ndarray]:
    """Hazard ratios of the care offer on return and on relapse, per stratum."""
    reached = (strata.reached == 1) & active
    return np.where(reached, offer.rtw_hr, 1.0), np.where(reached, offer.relapse_hr, 1.0)


def stable_edges(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, active: bool
) -> list[Edge]:
    """Transitions out of every state but sick leave; they do not change with the week,
    only with whether the care offer has started (`active`)."""
    shape = _shape(p, strata)
    rtw_effect, relapse_effect = _effects(strata, offer, active)
    mortality = strata.mortality
    stop = p["stop_working_weekly"] * strata.stop_hr
    job_loss = p["job_loss_weekly"]
    edges: list[Edge] = []
    edges += _competing(
        State.WORKING_FULLY,
        [
            (State.SICK_LEAVE, p["relapse_full_weekly"] * relapse_effect),
            (State.UNEMPLOYED, job_loss),
            (State.NOT_WORKING_OTHER, stop),
            (State.DIED, mortality),
        ],
        shape,
    )
    edges += _competing(
        State.WORKING_PARTLY,
        [
            (State.WORKING_FULLY, p["partial_to_full_weekly"] * strata.rtw_hr * rtw_effect),
            (State.SICK_LEAVE, p["relapse_partial_weekly"] * relapse_effect),
            (State.UNEMPLOYED, job_loss),
            (State.NOT_WORKING_OTHER, stop),
            (State.DIED, mortality),
        ],
        shape,
    )
    edges += _competing(
        State.WIA_PARTIAL,
        [(State.WORKING_PARTLY, p["wia_recovery_weekly"]), (State.DIED, mortality)],
        shape,
    )
    edges += _competing(State.WIA_FULL, [(State.DIED, mortality)], shape)
    edges += _competing(
        State.UNEMPLOYED,
        [
            (State.WORKING_PARTLY, p["reemployment_weekly"] * strata.rtw_hr),
            (State.NOT_WORKING_OTHER, stop),
            (State.DIED, mortality),
        ],
        shape,
    )
    edges += _competing(State.NOT_WORKING_OTHER, [(State.DIED, mortality)], shape)
    return edges


def sick_edges(p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int) -> list[Edge]:
    """Transitions out of sick leave: return to work, early IVA, and at week 104 the
    WIA assessment for everyone still on sick leave."""
    shape = _shape(p, strata)
    mortality = strata.mortality
    if week == WIA_WEEK:
        survive = np.broadcast_to(np.exp(-mortality), shape)
        rest = 1.0 - p["wia_full_share"] - p["wia_partial_share"]
        to_work = rest * p["no_wia_to_work_share"]
        return [
            (State.SICK_LEAVE, State.WIA_FULL, survive * p["wia_full_share"]),
            (State.SICK_LEAVE, State.WIA_PARTIAL, survive * p["wia_partial_share"]),
            (State.SICK_LEAVE, State.WORKING_PARTLY, survive * to_work),
            (State.SICK_LEAVE, State.UNEMPLOYED, survive * (rest - to_work)),
            (State.SICK_LEAVE, State.DIED, 1.0 - survive),
        ]
    rtw_effect, _ = _effects(strata, offer, week >= offer.start_week)
    early = EARLY_IVA_FROM <= week < WIA_WEEK
    early_iva = p["early_iva_weekly"] if early else np.zeros_like(p["early_iva_weekly"])
    return _competing(
        State.SICK_LEAVE,
        [
            (State.WORKING_PARTLY, rtw_hazard(p, week) * strata.rtw_hr * rtw_effect),
            (State.WIA_FULL, early_iva),
            (State.NOT_WORKING_OTHER, p["stop_working_weekly"] * strata.stop_hr),
            (State.DIED, mortality),
        ],
        shape,
    )


def sick_edges_key(offer: Offer, week: int) -> tuple[bool, int]:
    """Weeks with the same key have the same sick-leave transitions (after week 104 the
    return hazard is held flat)."""
    return week >= offer.start_week, min(week, WIA_WEEK + 1)


def initial_distribution(p: dict[str, np.ndarray], strata: Strata) -> np.ndarray:
    """Share of each stratum in each state at diagnosis: shape (states, draws, S)."""
    draws = next(iter(p.values())).shape[0]
    start = np.zeros((N_STATES, draws, strata.size))
    start[State.SICK_LEAVE] = p["initial_sick_share"]
    start[State.WORKING_PARTLY] = p["initial_partial_share"]
    start[State.WORKING_FULLY] = 1.0 - p["initial_sick_share"] - p["initial_partial_share"]
    return start


def transition_table(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int
) -> np.ndarray:
    """Cumulative chances per (stratum, from-state) for one draw: shape (S * states, states).

    Row `s * states + i` holds, for a person of stratum s in state i, the chance of being
    in state 0, 0..1, 0..2, ... next week; the last column is 1.
    """
    matrix = np.zeros((strata.size, N_STATES, N_STATES))
    leaving = np.zeros((strata.size, N_STATES))
    for origin, target, chance in edge_probabilities(p, strata, offer, week):
        matrix[:, origin, target] += chance[0]
        leaving[:, origin] += chance[0]
    for state in State:
        matrix[:, state, state] += 1.0 - leaving[:, state]
    cumulative = np.cumsum(matrix, axis=2)
    cumulative[:, :, -1] = 1.0
    return cumulative.reshape(strata.size * N_STATES, N_STATES)
