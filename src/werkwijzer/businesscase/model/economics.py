"""Money per party, computed from how many people are in each state each week.

Every amount is linear in the wages of the people in a state, so a model only has to
report, per week, stratum and state, the sum of weekly wages and the sum of weekly wages
capped at the maximum daily wage (`wage` and `capped`). The cohort model gets those from
the mean wage; the microsimulation from each person's own wage.

Parties (costs, positive = the party pays or loses):
- care: health insurers and private disability insurers (AOV), plus what they pay for
  the work-oriented care offer;
- employer: wage continuation during sick leave, replacement and lost production;
- public: UWV benefits (Ziektewet, WIA, WW) and taxes and premiums not received;
- person: net income lost;
- society: lost production (labour cost of the hours not worked) and the offer's cost.
Wage continuation, benefits and taxes are transfers: they move money between parties but
not for society. For every person-week, transfers + lost taxes + net income lost add up
exactly to the gross wage lost (a test checks this).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from werkwijzer.businesscase.model.scenarios import PAYERS, Offer
from werkwijzer.businesscase.model.transitions import (
    N_STATES,
    WAITING_WEEKS,
    WGA,
    State,
    Strata,
)

PARTIES = ("care", "employer", "public", "person", "society")
N_PARTIES = len(PARTIES)
YEARS = 5


def phase(week: int, assessment: int = WAITING_WEEKS) -> int:
    """0: first year of sick leave, 1: second year (and an agreed extension), 2: after the
    WIA assessment."""
    return 0 if week < 52 else 1 if week <= assessment else 2


def discount_factors(rate: np.ndarray, weeks: int) -> np.ndarray:
    """Shape (draws, weeks): the weight of a euro in week t."""
    return (1.0 + rate) ** (-np.arange(weeks) / 52.0)


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.vectorize(math.erf)(np.asarray(x, dtype=float) / math.sqrt(2.0)))


def wage_moments(p: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Mean weekly wage and mean weekly capped wage for lognormal annual wages."""
    mean, sigma, cap = p["annual_wage"], p["wage_sigma"], p["max_annual_wage"]
    sigma = np.maximum(sigma, 1e-9)
    mu = np.log(mean) - sigma**2 / 2
    below = mean * _normal_cdf((np.log(cap) - mu - sigma**2) / sigma)
    above = cap * (1.0 - _normal_cdf((np.log(cap) - mu) / sigma))
    return mean / 52.0, (below + above) / 52.0


def draw_wages(p: dict[str, float], size: int, rng: np.random.Generator) -> np.ndarray:
    """Individual weekly wages (float32) for the microsimulation."""
    sigma = max(p["wage_sigma"], 1e-9)
    mu = math.log(p["annual_wage"]) - sigma**2 / 2
    return (rng.lognormal(mu, sigma, size) / 52.0).astype(np.float32)


@dataclass(frozen=True)
class Coefficients:
    """Cost per unit of weekly wage (`wage`) and of capped weekly wage (`capped`).

    Shapes: (phases=3, draws, S, states, parties). Also the gross wage lost per unit of
    wage and the parts it is split into, for the accounting test.
    """

    wage: np.ndarray
    capped: np.ndarray


@dataclass(frozen=True)
class _Who:
    """Per stratum (shape (1, S)): which employment types it holds."""

    employee: np.ndarray
    flex: np.ndarray
    self_employed: np.ndarray

    @classmethod
    def of(cls, strata: Strata) -> _Who:
        return cls(
            employee=(strata.employment_is("employee") | strata.employment_is("flex"))[None, :],
            flex=strata.employment_is("flex")[None, :],
            self_employed=strata.employment_is("self_employed")[None, :],
        )


@dataclass(frozen=True)
class _Phase:
    """One phase's coefficients (views of shape (draws, S, states, parties)) and the
    transfers booked so far, as (wage part, capped part) per state, shape (draws, S, states)."""

    wage: np.ndarray
    capped: np.ndarray
    transfers_w: np.ndarray
    transfers_c: np.ndarray
    charges_paid: np.ndarray


def _lost_wage(p: dict[str, np.ndarray], strata: Strata, draws: int) -> np.ndarray:
    """Gross wage lost per unit of wage, shape (draws, S, states); nothing once died."""
    work = np.zeros((draws, N_STATES))
    work[:, State.WORKING_FULLY] = 1.0
    work[:, State.WORKING_PARTLY] = p["partial_work_fraction"][:, 0]
    for state in WGA:
        work[:, state] = p["wia_partial_work_fraction"][:, 0]
    lost = 1.0 - work[:, None, :]  # (draws, 1, states), per unit of wage
    lost = np.broadcast_to(lost, (draws, strata.size, N_STATES)).copy()
    lost[:, :, State.DIED] = 0.0
    return lost


def _sick_pay(cost: _Phase, p: dict[str, np.ndarray], ph: int, lost: np.ndarray, who: _Who) -> None:
    """Wage continuation (with the employer's charges on it), the Ziektewet for flex workers
    whose contract ended, and the employer's replacement costs."""
    _, employer, public, _, _ = range(N_PARTIES)
    continuation = p["wage_continuation_year2"] if ph == 1 else p["wage_continuation_year1"]
    charges = p["employer_charges"]
    paid = {State.SICK_LEAVE: continuation, State.SICK_AGAIN: p["wage_continuation_year1"]}
    if ph < 2:
        paid[State.WORKING_PARTLY] = continuation
    for state, rate in paid.items():
        missed = lost[:, :, state]
        by_employer = np.where(who.employee, rate, 0.0) * missed
        cost.wage[:, :, state, employer] += by_employer * (1 + charges)
        cost.transfers_w[:, :, state] += by_employer
        cost.charges_paid[:, :, state] += by_employer * charges
        replacement = np.where(
            who.employee, p["replacement_cost_share"] * (1 + p["employer_charges"]), 0.0
        )
        cost.wage[:, :, state, employer] += replacement * missed
    zw = np.where(who.flex, p["ziektewet_rate"], 0.0) * lost[:, :, State.ZIEKTEWET]
    cost.capped[:, :, State.ZIEKTEWET, public] += zw
    cost.transfers_c[:, :, State.ZIEKTEWET] += zw


def _benefits(cost: _Phase, p: dict[str, np.ndarray], lost: np.ndarray, who: _Who) -> None:
    """UWV benefits (WGA in its two phases, IVA, WW) and private disability insurance (AOV)."""
    care, public = PARTIES.index("care"), PARTIES.index("public")
    benefit_rates = {
        State.WGA_WAGE_RELATED: p["wga_rate"] * lost[:, :, State.WGA_WAGE_RELATED],
        State.WGA_FOLLOW_UP: p["wga_follow_up_rate"] * lost[:, :, State.WGA_FOLLOW_UP],
        State.IVA: p["iva_rate"] * lost[:, :, State.IVA],
    }
    for state, rate in benefit_rates.items():
        uwv = np.where(who.employee, rate, 0.0)
        cost.capped[:, :, state, public] += uwv
        cost.transfers_c[:, :, state] += uwv
    ww = p["unemployment_benefit_rate"] * np.ones((1, lost.shape[1]))
    cost.capped[:, :, State.UNEMPLOYED, public] += ww
    cost.transfers_c[:, :, State.UNEMPLOYED] += ww
    aov_rate = p["zzp_aov_share"] * p["aov_rate"]
    for state in (State.SICK_LEAVE, State.SICK_AGAIN, State.ZZP_LONG_SICK, State.WORKING_PARTLY):
        aov = np.where(who.self_employed, aov_rate, 0.0) * lost[:, :, state]
        cost.wage[:, :, state, care] += aov
        cost.transfers_w[:, :, state] += aov


def _what_is_left(cost: _Phase, p: dict[str, np.ndarray], lost: np.ndarray) -> None:
    """What is left of the gross wage lost: taxes for the public purse, the rest for the
    person. The employer charges on the hours not worked are lost premiums for the public
    purse, except the part the employer pays on the wage it continues. Society's cost is
    the sum of the parties' costs: the transfers between them cancel out."""
    care, employer, public, person, society = range(N_PARTIES)
    charges = p["employer_charges"][:, :, None]
    tax = p["tax_wedge"][:, :, None]
    shortfall_w = lost - cost.transfers_w
    cost.wage[..., public] += tax * shortfall_w + charges * lost
    cost.wage[..., public] -= cost.charges_paid
    cost.capped[..., public] -= tax * cost.transfers_c
    cost.wage[..., person] += (1 - tax) * shortfall_w
    cost.capped[..., person] -= (1 - tax) * cost.transfers_c
    for part in (cost.wage, cost.capped):
        part[..., society] = part[..., [care, employer, public, person]].sum(axis=-1)


def coefficients(p: dict[str, np.ndarray], strata: Strata) -> Coefficients:
    draws = next(iter(p.values())).shape[0]
    shape = (3, draws, strata.size, N_STATES, N_PARTIES)
    wage = np.zeros(shape)
    capped = np.zeros(shape)
    lost = _lost_wage(p, strata, draws)
    who = _Who.of(strata)
    for ph in range(3):
        transfers = (np.zeros((draws, strata.size, N_STATES)) for _ in range(3))
        cost = _Phase(wage[ph], capped[ph], *transfers)
        _sick_pay(cost, p, ph, lost, who)
        _benefits(cost, p, lost, who)
        _what_is_left(cost, p, lost)
    return Coefficients(wage, capped)


def offer_costs(
    offer: Offer, strata: Strata, alive_at_start: np.ndarray, discount: np.ndarray
) -> np.ndarray:
    """Cost of the work-oriented care offer per party, shape (draws, parties).

    `alive_at_start` is the number of people of each stratum alive at the start week,
    shape (draws, S); the offer is paid once, in that week.
    """
    reached = alive_at_start[:, strata.reached == 1].sum(axis=1)
    week = min(offer.start_week, discount.shape[1] - 1)
    cost = np.broadcast_to(np.asarray(offer.cost_per_person, dtype=float), (reached.shape[0], 1))
    total = reached * cost[:, 0] * discount[:, week]
    result = np.zeros((reached.shape[0], N_PARTIES))
    for payer in PAYERS:
        result[:, PARTIES.index(payer)] = total * offer.payers[payer]
    result[:, PARTIES.index("society")] = total
    return result
