"""One run of the business case: scenarios, differences with ist, PSA and tornado.

`run_analysis(RunRequest(...))` is what the page, the API and the command line call. The
result converts to plain data (`to_dict()`, `csv_rows()`), so all three show the same
numbers. Costs are discounted euros over five years; a positive net benefit means the
party gains (pays less, or earns more) in the scenario than in the current situation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from werkwijzer.businesscase.model.budget import budget_impact
from werkwijzer.businesscase.model.cohort import ModelOutput, run_cohort
from werkwijzer.businesscase.model.comparison import ComparisonResult, comparison_run
from werkwijzer.businesscase.model.economics import PARTIES, YEARS
from werkwijzer.businesscase.model.financing import RouteRow, financing_rows
from werkwijzer.businesscase.model.micro import MicroOutput, run_micro
from werkwijzer.businesscase.model.parameters import (
    ParameterError,
    ParameterIssue,
    ParameterSet,
    ParameterSpec,
    draw_parameters,
    keep_shares_valid,
    load_parameters,
)
from werkwijzer.businesscase.model.scenarios import (
    UNCERTAIN_ITEMS,
    Offer,
    ScenarioBook,
    draw_offers,
    load_scenarios,
)
from werkwijzer.businesscase.model.threshold import Threshold, run_threshold
from werkwijzer.businesscase.model.transitions import WEEKS, State, build_strata

MAX_DRAWS = 5000
MAX_PERSONS = 2_000_000
TORNADO_BARS = 12
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RunRequest:
    scenarios: tuple[str, ...] = ("ist", "s2")
    overrides: dict[str, Any] = field(default_factory=dict)
    draws: int = 0
    persons: int = 0
    seed: int = 1
    tornado: bool = True


@dataclass(frozen=True)
class ScenarioResult:
    key: str
    label: str
    output: ModelOutput
    micro: MicroOutput | None = None

    @property
    def states(self) -> np.ndarray:
        return self.output.states[0]

    @property
    def totals(self) -> np.ndarray:
        return self.output.totals[0]

    @property
    def working_share(self) -> np.ndarray:
        return self.output.working_share()[0]


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float

    @classmethod
    def of(cls, values: np.ndarray) -> Interval:
        low, high = np.percentile(values, [2.5, 97.5])
        return cls(float(np.mean(values)), float(low), float(high))


@dataclass(frozen=True)
class PsaResult:
    draws: int
    net_benefit: dict[str, np.ndarray]  # scenario -> (draws, parties)
    working_bands: dict[str, np.ndarray]  # scenario -> (3, weeks): 2.5%, median, 97.5%

    def interval(self, scenario: str, party: str) -> Interval:
        return Interval.of(self.net_benefit[scenario][:, PARTIES.index(party)])

    def chance_of_gain(self, scenario: str, party: str = "society") -> float:
        return float(np.mean(self.net_benefit[scenario][:, PARTIES.index(party)] > 0))


@dataclass(frozen=True)
class TornadoBar:
    name: str
    label: str
    low_value: float
    high_value: float
    low_result: float
    high_result: float
    source: str
    grade: str = ""

    @property
    def is_assumption(self) -> bool:
        return self.source == "assumption" or self.grade == "assumption"

    @property
    def swing(self) -> float:
        return abs(self.high_result - self.low_result)


@dataclass(frozen=True)
class TornadoResult:
    scenario: str
    party: str
    base: float
    bars: tuple[TornadoBar, ...]


@dataclass(frozen=True)
class AnalysisResult:
    request: RunRequest
    parameters: ParameterSet
    book: ScenarioBook
    results: dict[str, ScenarioResult]
    psa: PsaResult | None
    tornado: TornadoResult | None
    comparison: ComparisonResult | None = None
    thresholds: dict[str, list[Threshold]] = field(default_factory=dict)
    budget: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def primary(self) -> str | None:
        """The first scenario other than ist: the one the tornado is about."""
        return next((key for key in self.results if key != "ist"), None)

    def net_benefit(self, scenario: str) -> np.ndarray:
        """Per party: cost in ist minus cost in the scenario (positive = gain)."""
        return self.results["ist"].totals - self.results[scenario].totals

    def net_benefit_yearly(self, scenario: str) -> np.ndarray:
        """(years, parties), with the care offer's cost in the year it is paid (year 1)."""
        ist, other = self.results["ist"].output, self.results[scenario].output
        yearly = ist.costs_yearly[0] - other.costs_yearly[0]
        yearly[0] += ist.offer_costs[0] - other.offer_costs[0]
        return yearly

    def financing(self, scenario: str) -> list[RouteRow]:
        offer_cost = float(self.results[scenario].output.offer_costs[0][PARTIES.index("society")])
        return financing_rows(scenario, self.book, self.net_benefit(scenario), offer_cost)

    def effects(self) -> list[dict[str, Any]]:
        """The effects and cost of every element in the chosen scenarios."""
        elements = {"ist": 0} | {
            e: 0 for key in self.results for e in self.book.scenarios[key].elements
        }
        return element_effects(self.book, list(elements))

    def _extras_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"effects": self.effects()}
        if self.comparison is not None:
            data["comparison"] = self.comparison.to_dict()
        data["thresholds"] = {
            key: [row.as_dict() for row in rows] for key, rows in self.thresholds.items()
        }
        data["budget_impact"] = {
            key: [_by_party(row) for row in rows] for key, rows in self.budget.items()
        }
        data["financing"] = {
            key: [row.as_dict() for row in self.financing(key)]
            for key in self.results
            if key != "ist"
        }
        return data

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "parameters_version": self.parameters.version,
            "scenarios_version": self.book.version,
            "model": "microsimulation" if self.request.persons else "cohort",
            "persons": self.request.persons or None,
            "cohort_size": self.parameters.values["cohort_size"],
            "seed": self.request.seed,
            "changed_parameters": self.parameters.changed(),
            "parties": list(PARTIES),
            "states": [state.name.lower() for state in State],
            "scenarios": [],
        }
        for key, result in self.results.items():
            entry: dict[str, Any] = {
                "key": key,
                "label": result.label,
                "total_costs": _by_party(result.totals),
                "offer_costs": _by_party(result.output.offer_costs[0]),
                "yearly_costs": [_by_party(row) for row in result.output.costs_yearly[0]],
                "states_by_week": [
                    {state.name.lower(): round(float(row[state]), 1) for state in State}
                    for row in result.states
                ],
                "working_share": {
                    str(week): round(float(result.working_share[week]), 4)
                    for week in (*sorted({26, 78, *(52 * year for year in range(1, 5))}), WEEKS - 1)
                },
            }
            if key != "ist":
                entry["net_benefit"] = _by_party(self.net_benefit(key))
                entry["net_benefit_yearly"] = [
                    _by_party(row) for row in self.net_benefit_yearly(key)
                ]
            if result.micro is not None:
                entry["micro"] = {
                    "persons": result.micro.persons,
                    "median_days_to_return": result.micro.median_absence_days,
                    "returned_share": round(result.micro.returned_share, 4),
                }
            if self.psa is not None and key != "ist":
                entry["psa"] = {party: vars(self.psa.interval(key, party)) for party in PARTIES} | {
                    "chance_society_gains": self.psa.chance_of_gain(key)
                }
            data["scenarios"].append(entry)
        if self.psa is not None:
            data["psa_draws"] = self.psa.draws
        if self.tornado is not None:
            data["tornado"] = {
                "scenario": self.tornado.scenario,
                "party": self.tornado.party,
                "base": round(self.tornado.base, 2),
                "bars": [
                    vars(bar) | {"assumption": bar.is_assumption} for bar in self.tornado.bars
                ],
            }
        return data | self._extras_dict()

    def csv_rows(self) -> list[list[Any]]:
        """A long table: section, scenario, item, period, value."""
        rows: list[list[Any]] = [
            ["section", "scenario", "item", "period", "value"],
            ["meta", "", "parameters_version", "", self.parameters.version],
            ["meta", "", "scenarios_version", "", self.book.version],
            ["meta", "", "seed", "", self.request.seed],
            *(["meta", "", f"parameter {k}", "", v] for k, v in self.parameters.changed().items()),
        ]
        for key, result in self.results.items():
            rows += self._scenario_csv_rows(key, result)
        rows += self._psa_csv_rows()
        rows += self._tornado_csv_rows()
        rows += self._extras_csv_rows()
        return rows

    def _extras_csv_rows(self) -> list[list[Any]]:
        rows: list[list[Any]] = []
        for e in self.effects():
            label = "assumption" if e["assumption"] else e["grade"]
            rows.append(["effect", e["element"], e["item"], f"evidence: {label}", e["value"]])
            rows.append(
                ["effect_range", e["element"], e["item"], "low-high", f"{e['low']}-{e['high']}"]
            )
        if self.comparison is not None:
            for measure, weeks in self.comparison.to_dict().items():
                for week, values in weeks.items():
                    for name, value in values.items():
                        rows.append([f"comparison_{name}", "ist", measure, f"week {week}", value])
        for key, thresholds in self.thresholds.items():
            for row in thresholds:
                shown = row.value if row.value is not None else row.status
                rows.append(["break_even_hazard_ratio", key, row.party, "5 years", shown])
        for key, years in self.budget.items():
            for year, costs in enumerate(years, start=1):
                for party, value in zip(PARTIES, costs, strict=True):
                    rows.append(
                        ["budget_impact", key, party, f"year {year}", round(float(value), 2)]
                    )
        return rows

    def _scenario_csv_rows(self, key: str, result: ScenarioResult) -> list[list[Any]]:
        rows: list[list[Any]] = []
        for party, value in zip(PARTIES, result.totals, strict=True):
            rows.append(["total_cost", key, party, "5 years", round(float(value), 2)])
        for year, costs in enumerate(result.output.costs_yearly[0], start=1):
            for party, value in zip(PARTIES, costs, strict=True):
                rows.append(["yearly_cost", key, party, f"year {year}", round(float(value), 2)])
        if key != "ist":
            for party, value in zip(PARTIES, self.net_benefit(key), strict=True):
                rows.append(["net_benefit", key, party, "5 years", round(float(value), 2)])
        for week, row in enumerate(result.states):
            for state in State:
                value = round(float(row[state]), 1)
                rows.append(["persons", key, state.name.lower(), f"week {week}", value])
        return rows

    def _psa_csv_rows(self) -> list[list[Any]]:
        if self.psa is None:
            return []
        rows: list[list[Any]] = []
        for key in self.psa.net_benefit:
            for party in PARTIES:
                interval = self.psa.interval(key, party)
                for name in ("mean", "low", "high"):
                    value = round(getattr(interval, name), 2)
                    rows.append([f"psa_net_benefit_{name}", key, party, "5 years", value])
        return rows

    def _tornado_csv_rows(self) -> list[list[Any]]:
        if self.tornado is None:
            return []
        scenario = self.tornado.scenario
        rows: list[list[Any]] = []
        for bar in self.tornado.bars:
            rows.append(
                ["tornado_low", scenario, bar.name, bar.low_value, round(bar.low_result, 2)]
            )
            rows.append(
                ["tornado_high", scenario, bar.name, bar.high_value, round(bar.high_result, 2)]
            )
        return rows


def element_effects(book: ScenarioBook, elements: list[str] | None = None) -> list[dict[str, Any]]:
    """Every element's effects and cost with source, evidence grade, range and basis."""
    rows = []
    for element in elements or list(book.offers):
        offer = book.offers[element]
        assert offer.uncertain is not None
        for item in UNCERTAIN_ITEMS:
            value = offer.uncertain[item]
            rows.append({
                "element": element, "item": item, "value": value.value, "low": value.low,
                "high": value.high, "source": value.source, "grade": value.grade,
                "assumption": value.is_assumption, "basis": value.basis,
            })  # fmt: skip
    return rows


def _by_party(values: np.ndarray) -> dict[str, float]:
    return {party: round(float(value), 2) for party, value in zip(PARTIES, values, strict=True)}


def check_request(request: RunRequest, book: ScenarioBook) -> list[ParameterIssue]:
    issues = []
    unknown = [key for key in request.scenarios if key not in book.scenarios]
    for key in unknown:
        issues.append(ParameterIssue(f"scenario {key}", "unknown"))
    if not 0 <= request.draws <= MAX_DRAWS:
        issues.append(
            ParameterIssue("draws", "too_large" if request.draws > 0 else "negative", MAX_DRAWS)
        )
    if not 0 <= request.persons <= MAX_PERSONS:
        issues.append(
            ParameterIssue(
                "persons", "too_large" if request.persons > 0 else "negative", MAX_PERSONS
            )
        )
    if request.seed < 0:
        issues.append(ParameterIssue("seed", "negative"))
    return issues


def check_budget(
    request: RunRequest, draw_runs: int = 4000, person_runs: int = 400_000
) -> list[ParameterIssue]:
    """Limits for the web page and the API: runs there are synchronous."""
    runs = len(set(request.scenarios) | {"ist"})
    issues = []
    if request.draws * runs > draw_runs:
        issues.append(ParameterIssue("draws", "budget"))
    if request.persons * runs > person_runs:
        issues.append(ParameterIssue("persons", "budget"))
    return issues


def run_analysis(request: RunRequest, progress: Progress | None = None) -> AnalysisResult:
    """Run everything the request asks for; raises ParameterError on bad input."""
    book = load_scenarios()
    parameters = load_parameters()
    issues = check_request(request, book)
    try:
        parameters = parameters.with_overrides(request.overrides)
    except ParameterError as error:
        issues = error.issues + issues
    if issues:
        raise ParameterError(issues)
    keys = ["ist", *(key for key in dict.fromkeys(request.scenarios) if key != "ist")]
    report = progress or (lambda stage, done, total: None)

    results = {}
    for index, key in enumerate(keys):
        offer = book.offer_for(key)
        micro = None
        if request.persons:
            micro = run_micro(
                parameters,
                offer,
                request.persons,
                request.seed,
                progress=_stage_progress(report, f"micro:{key}"),
            )
            output = micro.output
        else:
            output = run_cohort(parameters.arrays(1), build_strata(parameters.strata, offer), offer)
        results[key] = ScenarioResult(key, book.scenarios[key].label, output, micro)
        report("scenarios", index + 1, len(keys))

    psa = None
    if request.draws:
        psa = run_psa(parameters, book, keys, request.draws, request.seed, report)
    tornado = None
    primary = next((key for key in keys if key != "ist"), None)
    if request.tornado and primary is not None:
        tornado = run_tornado(parameters, book, primary)
        report("tornado", 1, 1)
    comparison = comparison_run(parameters, parameters.arrays(1))
    thresholds = {key: run_threshold(parameters, book, key) for key in keys if key != "ist"}
    report("threshold", 1, 1)
    return AnalysisResult(
        request, parameters, book, results, psa, tornado, comparison, thresholds,
        budget_impacts(parameters, book, keys),
    )  # fmt: skip


def _stage_progress(report: Progress, stage: str) -> Callable[[int], None]:
    """A per-week progress callback that reports the weeks done of one stage."""
    return lambda week: report(stage, week, WEEKS)


def budget_impacts(
    parameters: ParameterSet, book: ScenarioBook, keys: list[str]
) -> dict[str, np.ndarray]:
    """Budget impact per scenario (years, parties), from runs without discounting."""
    arrays = parameters.arrays(1)
    arrays["discount_rate"] = np.zeros_like(arrays["discount_rate"])
    outputs = {}
    for key in keys:
        offer = book.offer_for(key)
        outputs[key] = run_cohort(arrays, build_strata(parameters.strata, offer), offer)
    return {key: budget_impact(outputs["ist"], outputs[key]) for key in keys if key != "ist"}


def run_psa(
    parameters: ParameterSet,
    book: ScenarioBook,
    keys: list[str],
    draws: int,
    seed: int,
    report: Progress,
) -> PsaResult:
    """Probabilistic sensitivity analysis: the same draws for every scenario."""
    rng = np.random.default_rng(seed)
    arrays = draw_parameters(parameters, draws, rng)
    offers = draw_offers(book, draws, rng)
    totals, bands = {}, {}
    for index, key in enumerate(keys):
        offer = book.offer_for(key, offers)
        output = run_cohort(arrays, build_strata(parameters.strata, offer), offer)
        totals[key] = output.totals
        bands[key] = np.percentile(output.working_share(), [2.5, 50, 97.5], axis=0)
        report("psa", index + 1, len(keys))
    net = {key: totals["ist"] - totals[key] for key in keys if key != "ist"}
    return PsaResult(draws, net, bands)


def _varied_arrays(
    parameters: ParameterSet, varied: list[ParameterSpec], rows: int
) -> dict[str, np.ndarray]:
    """Row 0 the base case, rows 2k+1 and 2k+2 the k-th varied parameter at its low and
    high end."""
    arrays = parameters.arrays(rows)
    for k, spec in enumerate(varied):
        arrays[spec.name][2 * k + 1] = spec.low
        arrays[spec.name][2 * k + 2] = spec.high
    keep_shares_valid(arrays)
    return arrays


def _varied_offers(book: ScenarioBook, rows: int, effect_row: int) -> dict[str, Offer]:
    """Every offer with its effect at the ends of its range in rows `effect_row` and the
    next, and its cost per consultation at the ends in the two rows after."""
    cost_row = effect_row + 2
    offers: dict[str, Offer] = {}
    for key, offer in book.offers.items():
        assert offer.uncertain is not None
        effect = np.full((rows, 1), offer.uncertain["rtw_hr"].value)
        effect[effect_row] = offer.uncertain["rtw_hr"].low
        effect[effect_row + 1] = offer.uncertain["rtw_hr"].high
        price = np.full((rows, 1), offer.uncertain["cost_per_consultation"].value)
        price[cost_row] = offer.uncertain["cost_per_consultation"].low
        price[cost_row + 1] = offer.uncertain["cost_per_consultation"].high
        offers[key] = replace(
            offer, rtw_hr=effect, cost_per_person=offer.consultations * price + offer.fixed_cost
        )
    return offers


def _offer_items(
    book: ScenarioBook, scenario: str
) -> list[tuple[str, str, float, float, str, str]]:
    """The two offer items of the tornado, from the scenario's first care offer."""
    element = (
        book.offers[book.scenarios[scenario].elements[0]]
        if book.scenarios[scenario].elements
        else book.offers["ist"]
    )
    assert element.uncertain is not None
    effect, price = element.uncertain["rtw_hr"], element.uncertain["cost_per_consultation"]
    return [
        ("offer_rtw_hr", "Effect of the care offer on return to work (hazard ratio)",
         effect.low, effect.high, effect.source, effect.grade),
        ("offer_cost_per_consultation", "Cost per consultation",
         price.low, price.high, price.source, price.grade),
    ]  # fmt: skip


def run_tornado(
    parameters: ParameterSet, book: ScenarioBook, scenario: str, party: str = "society"
) -> TornadoResult:
    """One-way sensitivity: each parameter at the low and high end of its range.

    All variations run at once along the draws axis: row 0 is the base case, rows
    2k+1 and 2k+2 the low and high value of the k-th varied item.
    """
    varied = [
        spec
        for spec in parameters.specs.values()
        if spec.high > spec.low and spec.name != "cohort_size"
    ]
    rows = 1 + 2 * (len(varied) + 2)
    arrays = _varied_arrays(parameters, varied, rows)
    # Two more items: the effect and the cost of the care offers, at the ends of their ranges.
    offers = _varied_offers(book, rows, effect_row=2 * len(varied) + 1)
    column = PARTIES.index(party)
    totals = {}
    for key in ("ist", scenario):
        offer = book.offer_for(key, offers)
        totals[key] = run_cohort(arrays, build_strata(parameters.strata, offer), offer).totals[
            :, column
        ]
    net = totals["ist"] - totals[scenario]
    items = [(spec.name, spec.label, spec.low, spec.high, spec.source, "") for spec in varied]
    bars = [
        TornadoBar(name, label, low, high, float(net[2 * k + 1]), float(net[2 * k + 2]), source, grade)
        for k, (name, label, low, high, source, grade) in enumerate(
            items + _offer_items(book, scenario)
        )
    ]  # fmt: skip
    bars.sort(key=lambda bar: bar.swing, reverse=True)
    return TornadoResult(scenario, party, float(net[0]), tuple(bars[:TORNADO_BARS]))


__all__ = [
    "YEARS",
    "AnalysisResult",
    "ParameterError",
    "RunRequest",
    "run_analysis",
]
