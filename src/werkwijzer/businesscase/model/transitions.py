"""States, strata and the weekly transition chances shared by the cohort and micro models.

Both models use the same `edge_probabilities()`: the cohort model moves shares of people
along the edges, the microsimulation draws each person's next state from them. So the two
can only differ by chance, which a test checks.

The clock is the week since diagnosis. The Dutch rules the states follow, with their legal
weeks read from the timeline's route data (`werkwijzer.timeline.routes.numbers()`, the one
place for them; never typed here):

- Sick leave of an employee ends after the waiting time (`waiting_weeks`) plus an agreed
  extension (`extension_weeks`) in the WIA assessment: IVA, WGA (first the wage-related
  benefit, then the follow-up phase), or less than 35% disabled (back to work, or
  unemployed with WW). Nobody is on sick leave after that week.
- A flexible (fixed-term or agency) contract can end during sickness: the person moves to
  the Ziektewet, which ends in the same WIA assessment at the end of the waiting time.
- A permanent contract cannot be ended during sickness (opzegverbod); job loss is possible
  after a return to work (and at the WIA assessment below 35%).
- Early IVA for a poor prognosis is possible from `iva_after_weeks` to `iva_last_week`,
  more often in tumour groups with a poor survival.
- A self-employed person (zzp) has no wage continuation and no WIA: long sickness goes on
  as "long-term unfit (zzp)" after the same week, paid by an AOV insurer for those insured.
- Someone who falls sick again after the first period has ended starts a new period
  ("sick again"); its own WIA assessment lies a full waiting time later, mostly beyond the
  horizon, so it is not modelled (docs/businesscase.md).
- Death from every state, the same hazard in every scenario.

`ALLOWED` is the transition table: a test checks that no edge outside it ever has a chance.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from werkwijzer.businesscase.model.parameters import StrataSpec
from werkwijzer.businesscase.model.scenarios import EMPLOYMENT_TYPES, Offer
from werkwijzer.timeline.routes import number_source, numbers

WEEKS = 260
_LEGAL = numbers()
WAITING_WEEKS: int = int(_LEGAL["waiting_weeks"])
EARLY_IVA_FROM: int = int(_LEGAL["iva_after_weeks"])
EARLY_IVA_UNTIL: int = int(_LEGAL["iva_last_week"])
MIN_EXTENSION_WEEKS: int = int(_LEGAL["extension_min_weeks"])
# The legal weeks the model uses, with the source key that states each (for the docs, the
# page and the validate command).
LEGAL_WEEKS = {
    key: (int(_LEGAL[key]), number_source(key))
    for key in ("waiting_weeks", "iva_after_weeks", "iva_last_week", "extension_min_weeks")
}
# Kept for readers of the old name: the end of the waiting time without an extension.
WIA_WEEK = WAITING_WEEKS


class State(IntEnum):
    WORKING_FULLY = 0
    WORKING_PARTLY = 1
    SICK_LEAVE = 2
    ZIEKTEWET = 3
    SICK_AGAIN = 4
    ZZP_LONG_SICK = 5
    WGA_WAGE_RELATED = 6
    WGA_FOLLOW_UP = 7
    IVA = 8
    UNEMPLOYED = 9
    NOT_WORKING_OTHER = 10
    DIED = 11


N_STATES = len(State)
ALIVE = [state for state in State if state is not State.DIED]
WORKING = (State.WORKING_FULLY, State.WORKING_PARTLY)
WGA = (State.WGA_WAGE_RELATED, State.WGA_FOLLOW_UP)
DISABILITY_BENEFIT = (State.WGA_WAGE_RELATED, State.WGA_FOLLOW_UP, State.IVA)
SICK = (State.SICK_LEAVE, State.ZIEKTEWET, State.SICK_AGAIN, State.ZZP_LONG_SICK)

S = State
# The transition table: from each state, the states one can be in next week (besides
# staying). Only these edges exist; a test checks every week's chances against it.
ALLOWED: dict[State, frozenset[State]] = {
    S.WORKING_FULLY: frozenset({S.SICK_LEAVE, S.SICK_AGAIN, S.UNEMPLOYED, S.NOT_WORKING_OTHER, S.DIED}),
    S.WORKING_PARTLY: frozenset(
        {S.WORKING_FULLY, S.SICK_LEAVE, S.SICK_AGAIN, S.UNEMPLOYED, S.NOT_WORKING_OTHER, S.DIED}
    ),
    S.SICK_LEAVE: frozenset(
        {S.WORKING_PARTLY, S.ZIEKTEWET, S.ZZP_LONG_SICK, S.WGA_WAGE_RELATED, S.IVA,
         S.UNEMPLOYED, S.NOT_WORKING_OTHER, S.DIED}
    ),
    S.ZIEKTEWET: frozenset({S.UNEMPLOYED, S.WGA_WAGE_RELATED, S.IVA, S.NOT_WORKING_OTHER, S.DIED}),
    S.SICK_AGAIN: frozenset({S.WORKING_PARTLY, S.NOT_WORKING_OTHER, S.DIED}),
    S.ZZP_LONG_SICK: frozenset({S.WORKING_PARTLY, S.NOT_WORKING_OTHER, S.DIED}),
    S.WGA_WAGE_RELATED: frozenset({S.WGA_FOLLOW_UP, S.WORKING_PARTLY, S.DIED}),
    S.WGA_FOLLOW_UP: frozenset({S.WORKING_PARTLY, S.DIED}),
    S.IVA: frozenset({S.DIED}),
    S.UNEMPLOYED: frozenset({S.WORKING_PARTLY, S.NOT_WORKING_OTHER, S.DIED}),
    S.NOT_WORKING_OTHER: frozenset({S.DIED}),
    S.DIED: frozenset(),
}  # fmt: skip


@dataclass(frozen=True)
class Strata:
    """Every combination of age group, tumour group, employment type and reached-or-not.

    Arrays have one entry per stratum (S = ages × tumours × employment types × 2).
    `cancer` is False for the comparison cohort: the same people without cancer.
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
    prognosis: np.ndarray
    cancer: bool = True

    @property
    def size(self) -> int:
        return int(self.weight.shape[0])

    def employment_is(self, kind: str) -> np.ndarray:
        return self.employment == EMPLOYMENT_TYPES.index(kind)


def build_strata(spec: StrataSpec, offer: Offer, cancer: bool = True) -> Strata:
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
    # Early IVA follows the prognosis: the tumour group's mortality against the cohort's.
    mean_mortality = float(np.sum(np.array([t.share for t in tumours]) * -np.log(
        np.array([t.survival_5y for t in tumours])) / WEEKS))  # fmt: skip
    prognosis = mortality / mean_mortality if mean_mortality > 0 else np.ones_like(mortality)
    stop_hr = np.array([ages[a].stop_hr for a in age])
    return Strata(
        spec, age, tumour, employment, reached, weight, rtw_hr, stop_hr, mortality, prognosis,
        cancer,
    )  # fmt: skip


def assessment_week(p: dict[str, np.ndarray]) -> int:
    """The week of the WIA assessment of employees on sick leave: the waiting time plus the
    agreed extension (a fixed parameter: the same in every draw)."""
    return WAITING_WEEKS + round(float(np.asarray(p["extension_weeks"]).flat[0]))


def rtw_hazard(p: dict[str, np.ndarray], week: int) -> np.ndarray:
    """Weekly return-to-work hazard from a Weibull curve, held flat after the waiting time."""
    start = min(week, WAITING_WEEKS)
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
    active = week >= offer.start_week
    after = week >= assessment_week(p)
    return stable_edges(p, strata, offer, active, after) + sick_edges(p, strata, offer, week)


def _shape(p: dict[str, np.ndarray], strata: Strata) -> tuple[int, int]:
    return (next(iter(p.values())).shape[0], strata.size)


def _effects(strata: Strata, offer: Offer, active: bool) -> tuple[np.ndarray, np.ndarray]:
    """Hazard ratios of the care offer on return and on relapse, per stratum."""
    reached = (strata.reached == 1) & active
    return np.where(reached, offer.rtw_hr, 1.0), np.where(reached, offer.relapse_hr, 1.0)


def _sickness_inflow(p: dict[str, np.ndarray], strata: Strata) -> tuple[np.ndarray, np.ndarray]:
    """Weekly chance of falling sick from full and from partial work."""
    if not strata.cancer:
        return p["comparison_sick_weekly"], p["comparison_sick_weekly"]
    return p["relapse_full_weekly"], p["relapse_partial_weekly"]


def stable_edges(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, active: bool, after: bool = False
) -> list[Edge]:
    """Transitions out of every state but sick leave and the Ziektewet; they change only
    with whether the care offer has started (`active`) and whether the first sickness
    period has ended (`after`: a new sickness is then a new period)."""
    shape = _shape(p, strata)
    rtw_effect, relapse_effect = _effects(strata, offer, active)
    mortality = strata.mortality if strata.cancer else p["comparison_mortality_weekly"]
    stop = p["stop_working_weekly"] * strata.stop_hr
    job_loss = p["job_loss_weekly"] * (p["cancer_job_loss_hr"] if strata.cancer else 1.0)
    sick_full, sick_partial = _sickness_inflow(p, strata)
    sick = State.SICK_AGAIN if after else State.SICK_LEAVE
    flat_return = rtw_hazard(p, WAITING_WEEKS) * strata.rtw_hr * rtw_effect
    edges: list[Edge] = []
    edges += _competing(
        State.WORKING_FULLY,
        [
            (sick, sick_full * relapse_effect),
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
            (sick, sick_partial * relapse_effect),
            (State.UNEMPLOYED, job_loss),
            (State.NOT_WORKING_OTHER, stop),
            (State.DIED, mortality),
        ],
        shape,
    )
    edges += _out_of_work_edges(p, strata, shape, mortality, stop, flat_return)
    return edges


def _out_of_work_edges(
    p: dict[str, np.ndarray],
    strata: Strata,
    shape: tuple[int, int],
    mortality: np.ndarray,
    stop: np.ndarray,
    flat_return: np.ndarray,
) -> list[Edge]:
    """Transitions out of the states after work: sick again, long-term unfit (zzp), WGA,
    IVA, unemployed and not working for other reasons."""
    edges: list[Edge] = []
    for state in (State.SICK_AGAIN, State.ZZP_LONG_SICK):
        edges += _competing(
            state,
            [
                (State.WORKING_PARTLY, flat_return),
                (State.NOT_WORKING_OTHER, stop),
                (State.DIED, mortality),
            ],
            shape,
        )
    edges += _competing(
        State.WGA_WAGE_RELATED,
        [
            (State.WGA_FOLLOW_UP, 1.0 / p["wga_wage_related_weeks"]),
            (State.WORKING_PARTLY, p["wia_recovery_weekly"]),
            (State.DIED, mortality),
        ],
        shape,
    )
    edges += _competing(
        State.WGA_FOLLOW_UP,
        [(State.WORKING_PARTLY, p["wia_recovery_weekly"]), (State.DIED, mortality)],
        shape,
    )
    edges += _competing(State.IVA, [(State.DIED, mortality)], shape)
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


def _assessment(
    p: dict[str, np.ndarray], strata: Strata, origin: State, survive: np.ndarray
) -> list[Edge]:
    """The WIA assessment at the end of the waiting time: IVA, WGA or below 35%. Employees
    below 35% go back to work (partly) or become unemployed; people on the Ziektewet have no
    employer to go back to. The self-employed have no WIA: long sickness goes on as
    long-term unfit."""
    iva, wga = p["wia_iva_share"], p["wia_wga_share"]
    below = 1.0 - iva - wga
    zzp = strata.employment_is("self_employed")[None, :]
    employee = ~zzp
    to_work = below * p["no_wia_to_work_share"] if origin is State.SICK_LEAVE else 0.0 * below
    shape = survive.shape
    edges = [
        (origin, State.IVA, np.broadcast_to(survive * iva * employee, shape)),
        (origin, State.WGA_WAGE_RELATED, np.broadcast_to(survive * wga * employee, shape)),
        (origin, State.UNEMPLOYED, np.broadcast_to(survive * (below - to_work) * employee, shape)),
        (origin, State.DIED, 1.0 - survive),
    ]
    if origin is State.SICK_LEAVE:
        edges.append(
            (origin, State.WORKING_PARTLY, np.broadcast_to(survive * to_work * employee, shape))
        )
        edges.append((origin, State.ZZP_LONG_SICK, np.broadcast_to(survive * zzp, shape)))
    return edges  # fmt: skip


def sick_edges(p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int) -> list[Edge]:
    """Transitions out of sick leave and the Ziektewet: return to work, a flexible contract
    that ends, early IVA, and the WIA assessment at the end of the waiting time."""
    shape = _shape(p, strata)
    mortality = strata.mortality if strata.cancer else p["comparison_mortality_weekly"]
    survive = np.broadcast_to(np.exp(-mortality), shape)
    wia = assessment_week(p)
    edges: list[Edge] = []
    if week == wia:
        edges += _assessment(p, strata, State.SICK_LEAVE, survive)
    if week == WAITING_WEEKS:
        edges += _assessment(p, strata, State.ZIEKTEWET, survive)
    if week > max(wia, WAITING_WEEKS):
        return edges
    rtw_effect, _ = _effects(strata, offer, week >= offer.start_week)
    returning = rtw_hazard(p, week) * strata.rtw_hr * rtw_effect
    zero = np.zeros_like(p["early_iva_weekly"])
    early = EARLY_IVA_FROM <= week <= EARLY_IVA_UNTIL and strata.cancer
    zzp = strata.employment_is("self_employed")
    early_iva = (p["early_iva_weekly"] * strata.prognosis * ~zzp) if early else zero
    # A contract that ends moves the person to the Ziektewet, which ends at the waiting time.
    flex = strata.employment_is("flex") & (week < WAITING_WEEKS)
    contract_end = p["flex_contract_end_weekly"] * flex
    stop = p["stop_working_weekly"] * strata.stop_hr
    if week < wia:
        edges += _competing(
            State.SICK_LEAVE,
            [
                (State.WORKING_PARTLY, returning),
                (State.ZIEKTEWET, contract_end),
                (State.IVA, early_iva),
                (State.NOT_WORKING_OTHER, stop),
                (State.DIED, mortality),
            ],
            shape,
        )
    if week < WAITING_WEEKS:
        # Recovery on the Ziektewet: no employer to go back to, so the person looks for work.
        edges += _competing(
            State.ZIEKTEWET,
            [
                (State.UNEMPLOYED, returning),
                (State.IVA, early_iva),
                (State.NOT_WORKING_OTHER, stop),
                (State.DIED, mortality),
            ],
            shape,
        )
    return edges


def sick_edges_key(p: dict[str, np.ndarray], offer: Offer, week: int) -> tuple[bool, int]:
    """Weeks with the same key have the same sick-leave transitions (after the assessment
    nobody is on sick leave or the Ziektewet any more)."""
    return week >= offer.start_week, min(week, max(assessment_week(p), WAITING_WEEKS) + 1)


def initial_distribution(p: dict[str, np.ndarray], strata: Strata) -> np.ndarray:
    """Share of each stratum in each state at diagnosis: shape (states, draws, S). The
    comparison cohort (no cancer) starts at work."""
    draws = next(iter(p.values())).shape[0]
    start = np.zeros((N_STATES, draws, strata.size))
    if not strata.cancer:
        start[State.WORKING_FULLY] = 1.0
        return start
    start[State.SICK_LEAVE] = p["initial_sick_share"]
    start[State.WORKING_PARTLY] = p["initial_partial_share"]
    start[State.WORKING_FULLY] = 1.0 - p["initial_sick_share"] - p["initial_partial_share"]
    return start


def transition_matrix(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int
) -> np.ndarray:
    """Chances per (stratum, from-state, to-state) for the first draw: (S, states, states)."""
    matrix = np.zeros((strata.size, N_STATES, N_STATES))
    leaving = np.zeros((strata.size, N_STATES))
    for origin, target, chance in edge_probabilities(p, strata, offer, week):
        matrix[:, origin, target] += chance[0]
        leaving[:, origin] += chance[0]
    for state in State:
        matrix[:, state, state] += 1.0 - leaving[:, state]
    return matrix


def transition_table(
    p: dict[str, np.ndarray], strata: Strata, offer: Offer, week: int
) -> np.ndarray:
    """Cumulative chances per (stratum, from-state) for one draw: shape (S * states, states).

    Row `s * states + i` holds, for a person of stratum s in state i, the chance of being
    in state 0, 0..1, 0..2, ... next week; the last column is 1.
    """
    cumulative = np.cumsum(transition_matrix(p, strata, offer, week), axis=2)
    cumulative[:, :, -1] = 1.0
    return cumulative.reshape(strata.size * N_STATES, N_STATES)
