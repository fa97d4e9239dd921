"""Financing routes per scenario and how far the modelled scenario meets their criteria.

Routes (data/financing.yaml): basic health insurance via a care product (the Zorginstituut's
package criteria: effectiveness, necessity, cost-effectiveness, feasibility), the employer
via the arbodienst, the AOV insurer, a subsidy, UWV, or the person. What can be computed is
computed: effectiveness from the evidence grade and range of the effect, "the payer gains"
from the net benefit per party. Cost-effectiveness in the Zorginstituut's sense needs health
gain (QALYs), which this model does not count, so it is "unknown". Necessity and
feasibility are the model authors' reading (assumptions) from the data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from werkwijzer.businesscase.model.economics import PARTIES
from werkwijzer.businesscase.model.parameters import DATA_DIR
from werkwijzer.businesscase.model.scenarios import ScenarioBook
from werkwijzer.core import yamlfile

FINANCING_FILE = DATA_DIR / "financing.yaml"
STATUSES = ("meets", "partly", "not_shown", "unknown")
ZIN_CRITERIA = ("effectiveness", "necessity", "cost_effectiveness", "feasibility")
ROUTE_CRITERIA: dict[str, tuple[str, ...]] = {
    "basic_insurance": ZIN_CRITERIA,
    "employer_arbodienst": ("payer_gains",),
    "aov_insurer": ("payer_gains",),
    "subsidy": ("temporary",),
    "uwv": ("payer_gains",),
    "own_payment": ("payer_gains",),
}


@dataclass(frozen=True)
class Route:
    key: str
    party: str
    source: str


@dataclass(frozen=True)
class Criterion:
    key: str
    status: str
    computed: bool  # False: the model authors' reading (an assumption)


@dataclass(frozen=True)
class RouteRow:
    scenario: str
    route: Route
    share: float
    amount: float  # euros of the offer's cost this route carries (discounted, one cohort)
    criteria: tuple[Criterion, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "route": self.route.key,
            "party": self.route.party,
            "share": round(self.share, 4),
            "amount": round(self.amount, 2),
            "source": self.route.source,
            "criteria": [
                {"criterion": c.key, "status": c.status, "computed": c.computed}
                for c in self.criteria
            ],
        }


@dataclass(frozen=True)
class FinancingBook:
    version: str
    routes: dict[str, Route]
    elements: dict[str, list[tuple[str, float]]]
    judgement: dict[str, dict[str, str]]


@cache
def load_financing(path: Path = FINANCING_FILE) -> FinancingBook:
    raw = yamlfile.load(path.read_text(encoding="utf-8"))
    routes = {
        key: Route(key, value["party"], value["source"]) for key, value in raw["routes"].items()
    }
    elements = {
        key: [(item["route"], float(item["share"])) for item in value["routes"]]
        for key, value in raw["elements"].items()
    }
    judgement = {key: dict(value.get("judgement", {})) for key, value in raw["elements"].items()}
    for key, parts in elements.items():
        unknown = [route for route, _ in parts if route not in routes]
        if unknown:
            raise ValueError(f"financing {key}: unknown routes {unknown}")
    for values in judgement.values():
        if any(status not in STATUSES for status in values.values()):
            raise ValueError("financing: unknown status")
    return FinancingBook(str(raw["version"]), routes, elements, judgement)


def effectiveness_status(grade: str, low: float) -> str:
    """Shown (trial evidence whose range lies above no effect), partly (a trial or
    observational evidence that includes no effect), or not shown."""
    if grade == "trial" and low > 1.0:
        return "meets"
    if grade in ("trial", "observational"):
        return "partly"
    return "not_shown"


def _criteria(
    route: Route, element: str, book: ScenarioBook, fin: FinancingBook, net: np.ndarray
) -> tuple[Criterion, ...]:
    found = []
    effect = book.offers[element].uncertain["rtw_hr"]  # type: ignore[index]
    for key in ROUTE_CRITERIA[route.key]:
        if key == "effectiveness":
            found.append(Criterion(key, effectiveness_status(effect.grade, effect.low), True))
        elif key == "cost_effectiveness":
            found.append(Criterion(key, "unknown", True))
        elif key == "payer_gains":
            gains = net[PARTIES.index(route.party)] > 0
            found.append(Criterion(key, "meets" if gains else "not_shown", True))
        elif key == "temporary":
            found.append(Criterion(key, "partly", False))
        else:
            found.append(Criterion(key, fin.judgement.get(element, {}).get(key, "unknown"), False))
    return tuple(found)


def financing_rows(
    scenario: str,
    book: ScenarioBook,
    net_benefit: np.ndarray,
    offer_cost: float,
) -> list[RouteRow]:
    """The routes of every element of `scenario` (ist first), each with the part of the
    offer's cost it carries (split by the elements' shares of the cost) and its criteria."""
    fin = load_financing()
    elements = ["ist", *book.scenarios[scenario].elements]
    weights = [
        sum(book.offers[key].reach.values()) * float(np.mean(book.offers[key].cost_per_person))
        for key in elements
    ]
    total = sum(weights) or 1.0
    rows = []
    for element, weight in zip(elements, weights, strict=True):
        for route_key, share in fin.elements[element]:
            route = fin.routes[route_key]
            part = weight / total * share
            criteria = _criteria(route, element, book, fin, net_benefit)
            rows.append(RouteRow(element, route, part, part * offer_cost, criteria))
    return rows
