"""Model parameters: loaded from data/parameters.yaml, validated, drawn for the PSA.

Pure Python and NumPy, no Django: the web page, the API and the command line all call
`load_parameters()`, `validate()` and `ParameterSet.with_overrides()`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from werkwijzer.core import yamlfile
from werkwijzer.timeline.routes import MAX_EXTENSION_WEEKS, MIN_EXTENSION_WEEKS

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PARAMETERS_FILE = DATA_DIR / "parameters.yaml"

SHARE_UNITS = {"share", "probability"}
RATE_UNITS = {"per week"}
DISTRIBUTIONS = {"beta", "gamma", "lognormal", "uniform", "fixed"}


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter as the data file describes it."""

    name: str
    value: float
    unit: str
    low: float
    high: float
    distribution: str
    source: str
    group: str
    label: str
    note: str = ""

    @property
    def is_assumption(self) -> bool:
        return self.source == "assumption"

    @property
    def upper_bound(self) -> float | None:
        """The largest value that makes sense, or None when there is no upper bound."""
        if self.unit in SHARE_UNITS or self.unit in RATE_UNITS:
            return 1.0
        return None


@dataclass(frozen=True)
class ParameterIssue:
    """A value that cannot be used; `code` is one of the keys of ISSUE_TEXTS."""

    name: str
    code: str
    limit: float | None = None

    def __str__(self) -> str:
        return ISSUE_TEXTS[self.code].format(name=self.name, limit=self.limit)


# English texts for the pure model; the Django layer translates by `code`.
ISSUE_TEXTS = {
    "missing": "{name}: a value is required.",
    "not_a_number": "{name}: enter a number.",
    "negative": "{name}: the value may not be negative.",
    "above_one": "{name}: a share or weekly chance may not be more than 1.",
    "not_positive": "{name}: the value must be more than 0.",
    "too_large": "{name}: the value may not be more than {limit:g}.",
    "too_small": "{name}: the value must be at least {limit:g}.",
    "budget": "{name}: too much work for one request; choose fewer scenarios or a smaller number.",
    "sum_above_one": "{name}: together with the related shares this adds up to more than 1.",
    "unknown": "{name}: there is no parameter with this name.",
}

# Shares that together may not exceed 1 (they split one group of people).
SHARE_SUMS = [
    ("initial_sick_share", "initial_partial_share"),
    ("wia_iva_share", "wia_wga_share"),
]
MUST_BE_POSITIVE = {
    "rtw_scale_weeks",
    "rtw_shape",
    "annual_wage",
    "max_annual_wage",
    "cohort_size",
    "wga_wage_related_weeks",
}
MAXIMA = {
    "cohort_size": 1_000_000.0,
    "discount_rate": 0.2,
    "rtw_shape": 10.0,
    "rtw_scale_weeks": 10_000.0,
    "annual_wage": 1_000_000.0,
    "max_annual_wage": 1_000_000.0,
    "wage_sigma": 2.0,
    "cancer_job_loss_hr": 10.0,
    "wga_wage_related_weeks": 1000.0,
    # An input guard, not a legal limit (an agreed extension has no legal maximum): the
    # timeline's own guard.
    "extension_weeks": float(MAX_EXTENSION_WEEKS),
}
MINIMA = {"rtw_scale_weeks": 1.0, "rtw_shape": 0.1, "wga_wage_related_weeks": 1.0}


class ParameterError(ValueError):
    """Raised with every issue found, so a form can show all of them at once."""

    def __init__(self, issues: list[ParameterIssue]) -> None:
        super().__init__("; ".join(str(issue) for issue in issues))
        self.issues = issues


@dataclass(frozen=True)
class StratumLevel:
    key: str
    label: str
    share: float
    rtw_hr: float = 1.0
    stop_hr: float = 1.0
    survival_5y: float = 1.0


@dataclass(frozen=True)
class StrataSpec:
    age: tuple[StratumLevel, ...]
    tumour: tuple[StratumLevel, ...]
    employment: tuple[StratumLevel, ...]
    sources: dict[str, str]


@dataclass(frozen=True)
class ValidationTarget:
    key: str
    metric: str
    week: int
    value: float
    source: str
    use: str
    population: str = "cohort"
    kind: str = "equal"
    low: float | None = None
    high: float | None = None
    note: str = ""


@dataclass(frozen=True)
class ParameterSet:
    """The specs from the data file plus the values in use (defaults or overrides)."""

    version: str
    specs: dict[str, ParameterSpec]
    values: dict[str, float]
    strata: StrataSpec
    targets: tuple[ValidationTarget, ...] = field(default_factory=tuple)

    def with_overrides(self, overrides: dict[str, Any]) -> ParameterSet:
        """A copy with some values changed; raises ParameterError naming bad ones."""
        values = dict(self.values)
        issues: list[ParameterIssue] = []
        for name, raw in overrides.items():
            if name not in self.specs:
                issues.append(ParameterIssue(name, "unknown"))
                continue
            number = _as_number(raw)
            if isinstance(number, ParameterIssue):
                issues.append(ParameterIssue(name, number.code))
                continue
            values[name] = number
        issues.extend(validate(values, self.specs))
        if issues:
            raise ParameterError(issues)
        return ParameterSet(self.version, self.specs, values, self.strata, self.targets)

    def changed(self) -> dict[str, float]:
        """The values that differ from the data file's defaults."""
        return {
            name: value
            for name, value in self.values.items()
            if not math.isclose(value, self.specs[name].value, rel_tol=1e-12, abs_tol=1e-15)
        }

    def arrays(self, draws: int = 1) -> dict[str, np.ndarray]:
        """Every value as an array of shape (draws, 1), ready to broadcast over strata."""
        return {name: np.full((draws, 1), value) for name, value in self.values.items()}


def _as_number(raw: Any) -> float | ParameterIssue:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ParameterIssue("", "missing")
    if isinstance(raw, bool):
        return ParameterIssue("", "not_a_number")
    try:
        number = float(str(raw).replace(",", ".")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        return ParameterIssue("", "not_a_number")
    if not math.isfinite(number):
        return ParameterIssue("", "not_a_number")
    return number


def validate(values: dict[str, float], specs: dict[str, ParameterSpec]) -> list[ParameterIssue]:
    """Every problem with these values: missing, negative, shares over 1, ..."""
    issues: list[ParameterIssue] = []
    for name, spec in specs.items():
        if name not in values:
            issues.append(ParameterIssue(name, "missing"))
            continue
        value = values[name]
        if not isinstance(value, int | float) or not math.isfinite(value):
            issues.append(ParameterIssue(name, "not_a_number"))
        elif value < 0:
            issues.append(ParameterIssue(name, "negative"))
        elif spec.upper_bound is not None and value > spec.upper_bound:
            issues.append(ParameterIssue(name, "above_one"))
        elif name in MUST_BE_POSITIVE and value <= 0:
            issues.append(ParameterIssue(name, "not_positive"))
        elif name in MAXIMA and value > MAXIMA[name]:
            issues.append(ParameterIssue(name, "too_large", MAXIMA[name]))
        elif name in MINIMA and value < MINIMA[name]:
            issues.append(ParameterIssue(name, "too_small", MINIMA[name]))
    bad = {issue.name for issue in issues}
    extension = values.get("extension_weeks", 0.0)
    if "extension_weeks" not in bad and 0 < extension < MIN_EXTENSION_WEEKS:
        # An agreed extension is at least the legal minimum (timeline route data).
        issues.append(ParameterIssue("extension_weeks", "too_small", MIN_EXTENSION_WEEKS))
    for group in SHARE_SUMS:
        if not bad.intersection(group) and sum(values[name] for name in group) > 1 + 1e-9:
            issues.append(ParameterIssue(group[-1], "sum_above_one"))
    return issues


def _levels(raw: dict[str, Any]) -> tuple[StratumLevel, ...]:
    return tuple(
        StratumLevel(
            key=str(key),
            label=value["label"],
            share=float(value["share"]),
            rtw_hr=float(value.get("rtw_hr", 1.0)),
            stop_hr=float(value.get("stop_hr", 1.0)),
            survival_5y=float(value.get("survival_5y", 1.0)),
        )
        for key, value in raw["levels"].items()
    )


def parse_parameters(raw: dict[str, Any]) -> ParameterSet:
    """Build a ParameterSet from the YAML structure; raises ValueError on a bad file."""
    specs: dict[str, ParameterSpec] = {}
    for name, entry in raw["parameters"].items():
        missing = {"value", "unit", "range", "distribution", "source"} - set(entry)
        if missing:
            raise ValueError(f"parameter {name}: missing {sorted(missing)}")
        if entry["distribution"] not in DISTRIBUTIONS:
            raise ValueError(f"parameter {name}: unknown distribution {entry['distribution']}")
        low, high = (float(bound) for bound in entry["range"])
        value = float(entry["value"])
        if not low <= value <= high:
            raise ValueError(f"parameter {name}: value {value} outside its range")
        specs[name] = ParameterSpec(
            name=name,
            value=value,
            unit=entry["unit"],
            low=low,
            high=high,
            distribution=entry["distribution"],
            source=entry["source"],
            group=entry.get("group", "other"),
            label=entry.get("label", name),
            note=entry.get("note", ""),
        )
    strata_raw = raw["strata"]
    strata = StrataSpec(
        age=_levels(strata_raw["age"]),
        tumour=_levels(strata_raw["tumour"]),
        employment=_levels(strata_raw["employment"]),
        sources={dim: strata_raw[dim]["source"] for dim in ("age", "tumour", "employment")},
    )
    for dimension in (strata.age, strata.tumour, strata.employment):
        if not math.isclose(sum(level.share for level in dimension), 1.0, abs_tol=1e-6):
            raise ValueError("strata shares in each dimension must add up to 1")
    targets = tuple(
        ValidationTarget(
            key=entry["key"],
            metric=entry["metric"],
            week=int(entry["week"]),
            value=float(entry["value"]),
            source=entry["source"],
            use=entry["use"],
            population=entry.get("population", "cohort"),
            kind=entry.get("kind", "equal"),
            low=float(entry["low"]) if "low" in entry else None,
            high=float(entry["high"]) if "high" in entry else None,
            note=entry.get("note", ""),
        )
        for entry in raw.get("validation", [])
    )
    values = {name: spec.value for name, spec in specs.items()}
    issues = validate(values, specs)
    if issues:
        raise ValueError("; ".join(str(issue) for issue in issues))
    return ParameterSet(str(raw["version"]), specs, values, strata, targets)


@cache
def load_parameters(path: Path = PARAMETERS_FILE) -> ParameterSet:
    """The default parameters from the versioned data file."""
    return parse_parameters(yamlfile.load(path.read_text(encoding="utf-8")))


# --- Probabilistic sensitivity analysis -------------------------------------------------


def _beta_draws(rng: np.random.Generator, mean: float, sd: float, draws: int) -> np.ndarray:
    mean = min(max(mean, 1e-6), 1 - 1e-6)
    variance = min(sd**2, mean * (1 - mean) * 0.99)
    common = mean * (1 - mean) / variance - 1
    return rng.beta(mean * common, (1 - mean) * common, draws)


def draw_value(
    spec: ParameterSpec, value: float, rng: np.random.Generator, draws: int
) -> np.ndarray:
    """`draws` values around `value`; the range is read as a 95% interval."""
    sd = (spec.high - spec.low) / 3.92
    if spec.distribution == "fixed" or sd <= 0 or value <= 0:
        return np.full(draws, value)
    if spec.distribution == "beta":
        return _beta_draws(rng, value, sd, draws)
    if spec.distribution == "gamma":
        shape = (value / sd) ** 2
        return rng.gamma(shape, value / shape, draws)
    if spec.distribution == "lognormal":
        sigma = (math.log(spec.high) - math.log(spec.low)) / 3.92
        return np.exp(rng.normal(math.log(value), sigma, draws))
    return rng.uniform(spec.low, spec.high, draws)


def draw_parameters(
    parameters: ParameterSet, draws: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Arrays of shape (draws, 1) for every parameter; draws keep shares summing below 1."""
    arrays = {}
    for name, spec in parameters.specs.items():
        arrays[name] = draw_value(spec, parameters.values[name], rng, draws)[:, None]
    keep_shares_valid(arrays)
    return arrays


def keep_shares_valid(arrays: dict[str, np.ndarray]) -> None:
    """Scale shares that split one group down where, per row, they add up to over 1."""
    for group in SHARE_SUMS:
        total = sum(arrays[name] for name in group)
        scale = np.where(total > 0.999, 0.999 / np.maximum(total, 1e-12), 1.0)
        for name in group:
            arrays[name] = arrays[name] * scale
