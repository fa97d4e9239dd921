"""Calibrate the return-to-work curve and compare the model with published figures.

`calibrate()` searches the Weibull scale and shape of the return to work and the weekly
chance from partial to full work so that the cohort model (current situation) reproduces
the figures marked `use: calibration` in parameters.yaml. The found values are written
into the data file by hand (with a new version), so a run never depends on a search.
`validation_table()` compares every figure: calibration targets, the hold-out targets kept
out of the fit, and the other comparisons.

    python -m werkwijzer.businesscase.model.calibration
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from werkwijzer.businesscase.model.cohort import ModelOutput, run_cohort
from werkwijzer.businesscase.model.parameters import ParameterSet, ValidationTarget, load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.model.transitions import (
    WAITING_WEEKS,
    WORKING,
    State,
    Strata,
    assessment_week,
    build_strata,
)

FITTED = ("rtw_scale_weeks", "rtw_shape", "partial_to_full_weekly")
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Comparison:
    target: ValidationTarget
    model: float

    @property
    def difference(self) -> float:
        return self.model - self.target.value

    @property
    def met(self) -> bool | None:
        """For an 'at least' or range target: whether the model meets it."""
        if self.target.kind == "at_least":
            return self.model >= self.target.value
        if self.target.kind == "range":
            low, high = self.target.low, self.target.high
            return low is not None and high is not None and low <= self.model <= high
        return None

    def as_dict(self) -> dict[str, object]:
        target = self.target
        return {
            "key": target.key,
            "use": target.use,
            "metric": target.metric,
            "population": target.population,
            "week": target.week,
            "kind": target.kind,
            "source_value": target.value,
            "source_low": target.low,
            "source_high": target.high,
            "model": round(self.model, 4),
            "difference": round(self.difference, 4),
            "met": self.met,
            "source": target.source,
            "note": target.note,
        }


def _employees_sick_at_start(strata: Strata) -> Strata:
    """The same strata weighted to employees and flex workers only (the registers count
    those); everyone starts on sick leave (set through the parameters)."""
    zzp = strata.employment_is("self_employed")
    weight = np.where(zzp, 0.0, strata.weight)
    return replace(strata, weight=weight / weight.sum())


def _run(parameters: ParameterSet, p: dict[str, np.ndarray], population: str) -> ModelOutput:
    offer = load_scenarios().offer_for("ist")
    strata = build_strata(parameters.strata, offer)
    if population == "sick_employees":
        strata = _employees_sick_at_start(strata)
        p = dict(p, initial_sick_share=np.ones_like(p["initial_sick_share"]))
        p["initial_partial_share"] = np.zeros_like(p["initial_partial_share"])
    return run_cohort(p, strata, offer)


def share_of_all(output: ModelOutput, states: tuple[State, ...]) -> np.ndarray:
    """Share of everyone (deaths count as not working) in `states`: (draws, weeks)."""
    total = output.states.sum(axis=-1)
    return output.states[..., list(states)].sum(axis=-1) / np.maximum(total, 1e-12)


def _working_targets(parameters: ParameterSet, p: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The calibration metrics for every row of `p`: key -> (draws,)."""
    outputs = {pop: _run(parameters, p, pop) for pop in ("cohort", "sick_employees")}
    found = {}
    for target in parameters.targets:
        if target.use != "calibration":
            continue
        states = WORKING if target.metric == "working_share" else (State.WORKING_FULLY,)
        found[target.key] = share_of_all(outputs[target.population], states)[:, target.week]
    return found


def calibrate(parameters: ParameterSet | None = None, rounds: int = 4) -> dict[str, float]:
    """The fitted values that best reproduce the calibration targets (least squares),
    by a shrinking grid over the three fitted parameters, all rows in one cohort run."""
    parameters = parameters or load_parameters()
    targets = {t.key: t.value for t in parameters.targets if t.use == "calibration"}
    ranges = {"rtw_scale_weeks": (20.0, 120.0), "rtw_shape": (0.6, 3.0),
              "partial_to_full_weekly": (0.005, 0.2)}  # fmt: skip
    best = {name: parameters.values[name] for name in FITTED}
    steps = 12
    for _ in range(rounds):
        axes = [np.linspace(*ranges[name], steps) for name in FITTED]
        grid = [axis.ravel() for axis in np.meshgrid(*axes, indexing="ij")]
        p = parameters.arrays(grid[0].size)
        for name, values in zip(FITTED, grid, strict=True):
            p[name] = values.reshape(-1, 1)
        found = _working_targets(parameters, p)
        error = sum((found[key] - value) ** 2 for key, value in targets.items())
        index = int(np.argmin(error))
        best = {name: float(values[index]) for name, values in zip(FITTED, grid, strict=True)}
        for name in FITTED:
            low, high = ranges[name]
            step = (high - low) / (steps - 1)
            ranges[name] = (max(best[name] - 1.5 * step, low / 2), best[name] + 1.5 * step)
    return best


def wia_applications(parameters: ParameterSet) -> float:
    """People assessed for WIA from one cohort: employees and flex workers still on sick
    leave or the Ziektewet at the assessment, plus those with early IVA before it. The
    self-employed have no WIA, so they are left out (their strata weigh 0)."""
    offer = load_scenarios().offer_for("ist")
    strata = build_strata(parameters.strata, offer)
    zzp = strata.employment_is("self_employed")
    employees = replace(strata, weight=np.where(zzp, 0.0, strata.weight))
    p = parameters.arrays(1)
    states = run_cohort(p, employees, offer).states[0]
    week = assessment_week(p)
    assessed = states[week, State.SICK_LEAVE] + states[min(week, WAITING_WEEKS), State.ZIEKTEWET]
    return float(assessed + states[week, State.IVA])


def _micro_metrics(parameters: ParameterSet, persons: int) -> dict[str, float]:
    from werkwijzer.businesscase.model.micro import run_micro

    offer = load_scenarios().offer_for("ist")
    micro = run_micro(parameters, offer, persons=persons, seed=1)
    return {"mean_absence_months": micro.mean_absence_days / DAYS_PER_MONTH}


def _unemployment_rr(parameters: ParameterSet, week: int) -> float:
    from werkwijzer.businesscase.model.comparison import comparison_run

    comparison = comparison_run(parameters, parameters.arrays(1))
    return float(comparison.relative_risk("unemployed")[0, week])


def validation_table(
    parameters: ParameterSet | None = None, micro_persons: int = 200_000
) -> list[Comparison]:
    """Model against every published figure in parameters.yaml (current situation)."""
    parameters = parameters or load_parameters()
    p = parameters.arrays(1)
    outputs = {pop: _run(parameters, p, pop) for pop in ("cohort", "sick_employees")}
    micro: dict[str, float] | None = None
    comparisons = []
    for target in parameters.targets:
        output = outputs[target.population]
        if target.metric == "working_share":
            value = share_of_all(output, WORKING)[0, target.week]
        elif target.metric == "fully_working_share":
            value = share_of_all(output, (State.WORKING_FULLY,))[0, target.week]
        elif target.metric == "wia_applications":
            value = wia_applications(parameters)
        elif target.metric == "mean_absence_months":
            micro = micro or _micro_metrics(parameters, micro_persons)
            value = micro["mean_absence_months"]
        elif target.metric == "unemployment_rr":
            value = _unemployment_rr(parameters, target.week)
        else:
            raise ValueError(f"validation {target.key}: unknown metric {target.metric}")
        comparisons.append(Comparison(target, float(value)))
    return comparisons


def format_model(row: Comparison) -> str:
    """The model value as the docs and the command line show it."""
    metric = row.target.metric
    if metric in ("working_share", "fully_working_share"):
        return f"{row.model * 100:.1f}%"
    if metric == "wia_applications":
        return f"{row.model:,.0f}"
    if metric == "mean_absence_months":
        return f"{row.model:.1f} months"
    return f"{row.model:.2f}"


def format_source(target: ValidationTarget) -> str:
    """The published value as the docs and the command line show it."""

    def one(value: float) -> str:
        if target.metric in ("working_share", "fully_working_share"):
            return f"{value * 100:.0f}%"
        if target.metric == "wia_applications":
            return f"{value:,.0f}"
        return f"{value:g}"

    if target.kind == "range" and target.low is not None and target.high is not None:
        return f"{one(target.low)}–{one(target.high)}"
    return (">= " if target.kind == "at_least" else "") + one(target.value)


__all__ = ["Comparison", "calibrate", "format_model", "format_source", "validation_table"]

if __name__ == "__main__":
    for name, value in calibrate().items():
        print(f"{name}: {value:.4g}")
    for row in validation_table():
        print(f"{row.target.key:24} {row.target.use:12} source {row.target.value:9.3f} "
              f"model {row.model:9.3f}")  # fmt: skip
