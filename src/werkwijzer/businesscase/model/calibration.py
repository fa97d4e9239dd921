"""Calibrate the return-to-work curve and compare the model with published figures.

`calibrate()` searches the Weibull scale and shape so that the cohort model (current
situation) reproduces the figures marked `use: calibration` in parameters.yaml. The
found values are written into the data file by hand (with a new version), so a run never
depends on a search. `validation_table()` compares every figure, calibrated or not.

    python -m werkwijzer.businesscase.model.calibration
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from werkwijzer.businesscase.model.cohort import run_cohort
from werkwijzer.businesscase.model.parameters import ParameterSet, ValidationTarget, load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.model.transitions import build_strata


@dataclass(frozen=True)
class Comparison:
    target: ValidationTarget
    model: float

    @property
    def difference(self) -> float:
        return self.model - self.target.value


def _working_shares(parameters: ParameterSet, scales: np.ndarray, shapes: np.ndarray) -> np.ndarray:
    offer = load_scenarios().offer_for("ist")
    strata = build_strata(parameters.strata, offer)
    p = parameters.arrays(scales.size)
    p["rtw_scale_weeks"] = scales.reshape(-1, 1)
    p["rtw_shape"] = shapes.reshape(-1, 1)
    return run_cohort(p, strata, offer).working_share()


def calibrate(parameters: ParameterSet | None = None, rounds: int = 3) -> tuple[float, float]:
    """The (scale, shape) that best reproduce the calibration targets (least squares)."""
    parameters = parameters or load_parameters()
    targets = [t for t in parameters.targets if t.use == "calibration"]
    scale_range, shape_range = (20.0, 120.0), (0.6, 3.0)
    best = (parameters.values["rtw_scale_weeks"], parameters.values["rtw_shape"])
    for _ in range(rounds):
        scales, shapes = np.meshgrid(np.linspace(*scale_range, 30), np.linspace(*shape_range, 30))
        shares = _working_shares(parameters, scales.ravel(), shapes.ravel())
        error = sum((shares[:, t.week] - t.value) ** 2 for t in targets)
        index = int(np.argmin(error))
        best = (float(scales.ravel()[index]), float(shapes.ravel()[index]))
        scale_step = (scale_range[1] - scale_range[0]) / 29
        shape_step = (shape_range[1] - shape_range[0]) / 29
        scale_range = (max(best[0] - 2 * scale_step, 1.0), best[0] + 2 * scale_step)
        shape_range = (max(best[1] - 2 * shape_step, 0.1), best[1] + 2 * shape_step)
    return best


def validation_table(
    parameters: ParameterSet | None = None, micro_persons: int = 200_000
) -> list[Comparison]:
    """Model against every published figure in parameters.yaml (current situation)."""
    from werkwijzer.businesscase.model.micro import run_micro

    parameters = parameters or load_parameters()
    offer = load_scenarios().offer_for("ist")
    strata = build_strata(parameters.strata, offer)
    shares = run_cohort(parameters.arrays(1), strata, offer).working_share()[0]
    micro = None
    comparisons = []
    for target in parameters.targets:
        if target.metric == "working_share":
            comparisons.append(Comparison(target, float(shares[target.week])))
        elif target.metric == "median_absence_days":
            if micro is None:
                micro = run_micro(parameters, offer, persons=micro_persons, seed=1)
            comparisons.append(Comparison(target, micro.median_absence_days))
    return comparisons


if __name__ == "__main__":
    scale, shape = calibrate()
    print(f"rtw_scale_weeks: {scale:.1f}\nrtw_shape: {shape:.2f}")
    for row in validation_table():
        print(
            f"{row.target.key:14} {row.target.use:12} source {row.target.value:8.3f} model {row.model:8.3f}"
        )
