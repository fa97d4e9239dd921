"""JSON API of the business case: parameters, scenarios and runs.

POST /api/v1/businesscase/run takes a JSON body; GET takes the same as query parameters
(`scenarios` repeated, and any parameter by its name), like the page's shareable link.
Bad values give 422 with one message per parameter, naming it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from werkwijzer.api.errors import ApiError
from werkwijzer.businesscase.model.analysis import (
    AnalysisResult,
    RunRequest,
    check_budget,
    run_analysis,
)
from werkwijzer.businesscase.model.parameters import ParameterError, load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.texts import issue_message
from werkwijzer.core.sources import sources

router = Router()

MAX_API_DRAWS = 1000
MAX_API_PERSONS = 200_000


class ParameterOut(Schema):
    name: str
    label: str
    value: float
    unit: str
    low: float
    high: float
    distribution: str
    source: str
    source_title: str | None
    source_url: str | None
    note: str


class ScenarioOut(Schema):
    key: str
    label: str
    elements: list[str]


class RunIn(Schema):
    scenarios: list[str] = Field(default=["s2"], description="Scenario keys; ist is always added.")
    parameters: dict[str, float | None] = Field(
        default_factory=dict, description="Parameter values that differ from the defaults."
    )
    draws: int = Field(default=0, ge=0, le=MAX_API_DRAWS, description="PSA draws (0 = none).")
    persons: int = Field(
        default=0, ge=0, le=MAX_API_PERSONS, description="Microsimulation persons (0 = cohort)."
    )
    seed: int = Field(default=1, ge=0)
    tornado: bool = True


class RunQuery(Schema):
    scenarios: list[str] = Field(default=["s2"])
    draws: int = Field(default=0, ge=0, le=MAX_API_DRAWS)
    persons: int = Field(default=0, ge=0, le=MAX_API_PERSONS)
    seed: int = Field(default=1, ge=0)
    tornado: bool = True


class ScenarioResultOut(Schema):
    key: str
    label: str
    total_costs: dict[str, float]
    offer_costs: dict[str, float]
    yearly_costs: list[dict[str, float]]
    net_benefit: dict[str, float] | None = None
    net_benefit_yearly: list[dict[str, float]] | None = None
    working_share: dict[str, float]
    states_by_week: list[dict[str, float]]
    psa: dict[str, Any] | None = None
    micro: dict[str, Any] | None = None


class TornadoBarOut(Schema):
    name: str
    label: str
    low_value: float
    high_value: float
    low_result: float
    high_result: float
    source: str
    grade: str = ""
    assumption: bool = False


class EffectOut(Schema):
    """A scenario element's effect or cost, with its evidence (issue 22)."""

    element: str
    item: str
    value: float
    low: float
    high: float
    source: str
    grade: str
    assumption: bool
    basis: str


class ThresholdOut(Schema):
    """The effect (hazard ratio) from which a party gains; status says when there is none."""

    scenario: str
    party: str
    status: str
    break_even_hazard_ratio: float | None
    effect_used: float
    grid: list[float]


class TornadoOut(Schema):
    scenario: str
    party: str
    base: float
    bars: list[TornadoBarOut]


class RunOut(Schema):
    parameters_version: str
    scenarios_version: str
    model: str
    persons: int | None
    cohort_size: float
    seed: int
    changed_parameters: dict[str, float]
    parties: list[str]
    states: list[str]
    scenarios: list[ScenarioResultOut]
    psa_draws: int | None = None
    tornado: TornadoOut | None = None
    effects: list[EffectOut] = []
    # measure -> week -> cancer, without_cancer, relative_risk (None where undefined)
    comparison: dict[str, dict[str, dict[str, float | None]]] | None = None
    thresholds: dict[str, list[ThresholdOut]] = {}
    # scenario -> per year (1-5) the extra cost per party, not discounted
    budget_impact: dict[str, list[dict[str, float]]] = {}
    # scenario -> financing routes with their criteria
    financing: dict[str, list[dict[str, Any]]] = {}


@router.get("/businesscase/parameters", response=list[ParameterOut])
def parameters(request: HttpRequest) -> list[dict[str, Any]]:
    """Every model parameter with its unit, range, distribution and source."""
    known = sources()
    return [
        {
            **{
                key: getattr(spec, key) for key in ("name", "label", "value", "unit", "low", "high")
            },
            "distribution": spec.distribution,
            "source": spec.source,
            "source_title": known[spec.source].title if spec.source in known else None,
            "source_url": known[spec.source].url if spec.source in known else None,
            "note": spec.note,
        }
        for spec in load_parameters().specs.values()
    ]


@router.get("/businesscase/scenarios", response=list[ScenarioOut])
def scenarios(request: HttpRequest) -> list[dict[str, Any]]:
    """The scenarios: the current situation, the four elements and combinations."""
    return [
        {"key": s.key, "label": s.label, "elements": list(s.elements)}
        for s in load_scenarios().scenarios.values()
    ]


def _field(name: str) -> str:
    """Run settings keep their name; model parameters are under `parameters.`."""
    if name in RunQuery.model_fields:
        return name
    if name.startswith("scenario "):
        return "scenarios"
    return f"parameters.{name}"


def _run(request: RunRequest) -> AnalysisResult:
    try:
        issues = check_budget(request)
        if issues:
            raise ParameterError(issues)
        return run_analysis(request)
    except ParameterError as error:
        raise ApiError(
            [
                {"field": _field(issue.name), "message": issue_message(issue)}
                for issue in error.issues
            ],
            status=422,
        ) from None


@router.post("/businesscase/run", response=RunOut)
def run_post(request: HttpRequest, payload: RunIn) -> dict[str, Any]:
    """Run the model for the chosen scenarios and parameter values."""
    result = _run(
        RunRequest(
            scenarios=tuple(payload.scenarios),
            overrides=dict(payload.parameters),
            draws=payload.draws,
            persons=payload.persons,
            seed=payload.seed,
            tornado=payload.tornado,
        )
    )
    return result.to_dict()


@router.get("/businesscase/run", response=RunOut)
def run_get(request: HttpRequest, query: Query[RunQuery]) -> dict[str, Any]:
    """The same run from the query string; parameters by name, e.g. ?annual_wage=50000."""
    names = load_parameters().specs
    overrides = {key: request.GET.get(key) for key in request.GET if key in names}
    settings = set(RunQuery.model_fields)
    unknown = [key for key in request.GET if key not in names and key not in settings]
    if unknown:
        overrides.update({key: request.GET.get(key) for key in unknown})
    result = _run(
        RunRequest(
            scenarios=tuple(query.scenarios),
            overrides=overrides,
            draws=query.draws,
            persons=query.persons,
            seed=query.seed,
            tornado=query.tornado,
        )
    )
    return result.to_dict()
