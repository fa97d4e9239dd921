"""Scenarios as data: offers of work-oriented care, combined into one effective offer.

A scenario is the current offer (`ist`) plus zero or more scenario elements from seed 003.
Combining treats reach per employment type as independent chances (someone is reached
when any element reaches them) and averages effects, start week and cost with reach as
the weight, so two elements never count the same effect twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from werkwijzer.businesscase.model.parameters import DATA_DIR
from werkwijzer.core import yamlfile

SCENARIOS_FILE = DATA_DIR / "scenarios.yaml"
EMPLOYMENT_TYPES = ("employee", "flex", "self_employed")
PAYERS = ("care", "employer", "public", "person")
# Evidence grades of an effect, strongest first.
GRADES = ("trial", "observational", "expert_opinion", "assumption")
UNCERTAIN_ITEMS = ("rtw_hr", "relapse_hr", "cost_per_consultation")

Number = float | np.ndarray


@dataclass(frozen=True)
class Uncertain:
    """A scenario value with a range (read as a 95% interval) and its source."""

    value: float
    low: float
    high: float
    source: str
    grade: str = "assumption"
    basis: str = ""

    @property
    def is_assumption(self) -> bool:
        return self.grade == "assumption"


def weakest(grades: list[str]) -> str:
    """The weakest evidence grade of several (a combination is as strong as its weakest)."""
    return max(grades, key=GRADES.index) if grades else "assumption"


@dataclass(frozen=True)
class Offer:
    key: str
    label: str
    reach: dict[str, float]
    rtw_hr: Number
    relapse_hr: Number
    start_week: int
    cost_per_person: Number
    payers: dict[str, float]
    source: str = ""
    note: str = ""
    uncertain: dict[str, Uncertain] | None = None
    consultations: float = 0.0
    fixed_cost: float = 0.0
    elements: tuple[str, ...] = ()

    def grade(self, item: str, book: ScenarioBook) -> str:
        """The evidence grade of `rtw_hr`, `relapse_hr` or `cost_per_consultation` of this
        (possibly combined) offer: the weakest of its elements."""
        parts = [book.offers[key] for key in self.elements or (self.key,) if key in book.offers]
        return weakest([part.uncertain[item].grade for part in parts if part.uncertain])


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    elements: tuple[str, ...]


@dataclass(frozen=True)
class ScenarioBook:
    version: str
    offers: dict[str, Offer]
    scenarios: dict[str, Scenario]

    def offer_for(self, key: str, offers: dict[str, Offer] | None = None) -> Offer:
        """The one effective offer of scenario `key` (ist plus its elements)."""
        scenario = self.scenarios[key]
        source = offers or self.offers
        parts = [source["ist"], *(source[element] for element in scenario.elements)]
        return replace(
            combine(parts), key=key, label=scenario.label, elements=("ist", *scenario.elements)
        )


def _uncertain(raw: dict[str, Any]) -> Uncertain:
    low, high = (float(bound) for bound in raw["range"])
    grade = raw.get("grade", "assumption")
    if grade not in GRADES:
        raise ValueError(f"unknown evidence grade {grade}")
    source = raw.get("source", "assumption")
    return Uncertain(float(raw["value"]), low, high, source, grade, raw.get("basis", ""))


def _offer(key: str, raw: dict[str, Any]) -> Offer:
    reach = {kind: float(raw["reach"][kind]) for kind in EMPLOYMENT_TYPES}
    payers = {payer: float(raw["payers"].get(payer, 0.0)) for payer in PAYERS}
    if any(not 0 <= share <= 1 for share in reach.values()):
        raise ValueError(f"offer {key}: reach must be between 0 and 1")
    if not math.isclose(sum(payers.values()), 1.0, abs_tol=1e-6):
        raise ValueError(f"offer {key}: payer shares must add up to 1")
    uncertain = {name: _uncertain(raw[name]) for name in UNCERTAIN_ITEMS}
    consultations = float(raw["consultations"])
    fixed = float(raw.get("fixed_cost", 0.0))
    return Offer(
        key=key,
        label=raw["label"],
        reach=reach,
        rtw_hr=uncertain["rtw_hr"].value,
        relapse_hr=uncertain["relapse_hr"].value,
        start_week=int(raw["start_week"]),
        cost_per_person=consultations * uncertain["cost_per_consultation"].value + fixed,
        payers=payers,
        source=raw.get("source", ""),
        note=raw.get("note", ""),
        uncertain=uncertain,
        consultations=consultations,
        fixed_cost=fixed,
    )


def parse_scenarios(raw: dict[str, Any]) -> ScenarioBook:
    offers = {key: _offer(key, value) for key, value in raw["offers"].items()}
    if "ist" not in offers:
        raise ValueError("the scenarios file needs an `ist` offer")
    scenarios = {}
    for key, value in raw["scenarios"].items():
        elements = tuple(value.get("elements", []))
        unknown = [element for element in elements if element not in offers]
        if unknown:
            raise ValueError(f"scenario {key}: unknown elements {unknown}")
        scenarios[key] = Scenario(key, value["label"], elements)
    return ScenarioBook(str(raw["version"]), offers, scenarios)


@cache
def load_scenarios(path: Path = SCENARIOS_FILE) -> ScenarioBook:
    return parse_scenarios(yamlfile.load(path.read_text(encoding="utf-8")))


def combine(offers: list[Offer]) -> Offer:
    """One offer that reaches anyone any part reaches; effects weighted by reach."""
    if len(offers) == 1:
        return offers[0]
    reach = {}
    for kind in EMPLOYMENT_TYPES:
        missed = 1.0
        for offer in offers:
            missed *= 1.0 - offer.reach[kind]
        reach[kind] = 1.0 - missed
    weights = [sum(offer.reach.values()) for offer in offers]
    total = sum(weights) or 1.0
    shares = [weight / total for weight in weights]
    rtw_hr = sum(share * offer.rtw_hr for share, offer in zip(shares, offers, strict=True))
    relapse = sum(share * offer.relapse_hr for share, offer in zip(shares, offers, strict=True))
    start = round(
        sum(share * offer.start_week for share, offer in zip(shares, offers, strict=True))
    )
    # Cost per person reached: every part's cost for the people it reaches.
    mean_reach = sum(reach.values()) / len(reach) or 1.0
    part_costs = [
        (sum(offer.reach.values()) / len(offer.reach)) * offer.cost_per_person for offer in offers
    ]
    cost = sum(part_costs) / mean_reach
    payers = {payer: 0.0 for payer in PAYERS}
    cost_total = float(sum(np.mean(part) for part in part_costs)) or 1.0
    for part, offer in zip(part_costs, offers, strict=True):
        for payer in PAYERS:
            payers[payer] += float(np.mean(part)) / cost_total * offer.payers[payer]
    return Offer(
        key="+".join(offer.key for offer in offers),
        label=" + ".join(offer.label for offer in offers),
        reach=reach,
        rtw_hr=rtw_hr,
        relapse_hr=relapse,
        start_week=int(start),
        cost_per_person=cost,
        payers=payers,
    )


def draw_offers(book: ScenarioBook, draws: int, rng: np.random.Generator) -> dict[str, Offer]:
    """Offers whose effects and costs are arrays of shape (draws, 1), for the PSA."""
    from werkwijzer.businesscase.model.parameters import ParameterSpec, draw_value

    drawn = {}
    for key, offer in book.offers.items():
        assert offer.uncertain is not None
        values = {}
        for name, item in offer.uncertain.items():
            spec = ParameterSpec(
                name, item.value, "ratio", item.low, item.high,
                "gamma" if name == "cost_per_consultation" else "lognormal",
                item.source, "scenario", name,
            )  # fmt: skip
            values[name] = draw_value(spec, item.value, rng, draws)[:, None]
        drawn[key] = replace(
            offer,
            rtw_hr=values["rtw_hr"],
            relapse_hr=values["relapse_hr"],
            cost_per_person=offer.consultations * values["cost_per_consultation"]
            + offer.fixed_cost,
        )
    return drawn
