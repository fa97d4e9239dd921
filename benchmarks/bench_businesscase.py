"""Maatschappelijke businesscase: microsimulation and PSA speed and memory.

Targets (issue 8, kept in issue 22 with twelve states, the comparison cohort and the
threshold analysis): the microsimulation of 1,000,000 people over 260 weeks in under 10 s
and 2 GB; 1,000 PSA draws of the cohort model in under 10 s. Each measurement runs in a
fresh Python process that imports only the pure NumPy model, so the peak resident memory
(ru_maxrss) is that of the model run alone, interpreter and NumPy included. No database.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 3

MICRO = """
import json, resource, time
from werkwijzer.businesscase.model.micro import run_micro
from werkwijzer.businesscase.model.parameters import load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
parameters = load_parameters()
offer = load_scenarios().offer_for({scenario!r})
start = time.perf_counter()
result = run_micro(parameters, offer, persons={persons}, seed=20261123)
seconds = time.perf_counter() - start
print(json.dumps({{
    "seconds": seconds,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "working_52": float(result.output.working_share()[0][52]),
}}))
"""

PAGE = """
import json, resource, time
from werkwijzer.businesscase.model.analysis import RunRequest, run_analysis
start = time.perf_counter()
run_analysis(RunRequest(scenarios=("ist", "s2"), draws={draws}))
seconds = time.perf_counter() - start
print(json.dumps({{
    "seconds": seconds,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""

PSA = """
import json, resource, time
import numpy as np
from werkwijzer.businesscase.model.cohort import run_cohort
from werkwijzer.businesscase.model.parameters import draw_parameters, load_parameters
from werkwijzer.businesscase.model.scenarios import draw_offers, load_scenarios
from werkwijzer.businesscase.model.transitions import build_strata
parameters, book = load_parameters(), load_scenarios()
start = time.perf_counter()
rng = np.random.default_rng(20261123)
arrays = draw_parameters(parameters, {draws}, rng)
offers = draw_offers(book, {draws}, rng)
totals = {{}}
for key in {scenarios!r}:
    offer = book.offer_for(key, offers)
    totals[key] = run_cohort(arrays, build_strata(parameters.strata, offer), offer).totals
seconds = time.perf_counter() - start
print(json.dumps({{
    "seconds": seconds,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""


def _measure(code: str) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _repeat(code: str, repeats: int) -> tuple[float, float, float]:
    runs = [_measure(code) for _ in range(repeats)]
    seconds = [run["seconds"] for run in runs]
    return min(seconds), statistics.median(seconds), max(run["peak_rss_mb"] for run in runs)


def run(args) -> str:
    load_before = os.getloadavg()[0]
    quick = getattr(args, "quick", False)
    persons = 100_000 if quick else 1_000_000
    draws = 100 if quick else 1000
    repeats = 1 if quick else REPEATS
    rows = []
    best, median, rss = _repeat(MICRO.format(scenario="s2", persons=persons), repeats)
    ok = median < 10 and rss < 2048
    rows.append(
        f"| microsimulation, {persons:,} persons × 260 weeks (scenario 2) | {best:.2f} s | "
        f"{median:.2f} s | {rss:,.0f} MB | < 10 s, < 2 GB | {'yes' if ok else 'NO'} |"
    )
    for scenarios in (("ist",), ("ist", "s2")):
        code = PSA.format(draws=draws, scenarios=list(scenarios))
        best, median, rss = _repeat(code, repeats)
        label = " and ".join(scenarios)
        rows.append(
            f"| cohort model, {draws:,} PSA draws × 260 weeks ({label}) | {best:.2f} s | "
            f"{median:.2f} s | {rss:,.0f} MB | < 10 s | {'yes' if median < 10 else 'NO'} |"
        )
    # The page's own defaults: scenario 2 beside current care, 200 PSA draws
    # (businesscase.forms.DEFAULT_DRAWS; not imported: the bench imports no Django).
    best, median, rss = _repeat(PAGE.format(draws=200), repeats)
    rows.append(
        "| the page's default run (cohort model, ist and s2, 200 PSA draws, tornado and "
        f"threshold analysis) | {best:.2f} s | "
        f"{median:.2f} s | {rss:,.0f} MB | (none; light runs stay in the request) | – |"
    )
    header = (
        "## Maatschappelijke businesscase (issues 8 and 22)\n\n"
        f"Each line runs {repeats}× in a fresh process (only the NumPy model imported); time is "
        "the model run itself, memory the peak resident set size of that process "
        "(`ru_maxrss`, interpreter and NumPy included). A PSA draw is a full cohort run of "
        "90 strata over 260 weeks with its own parameter values, including the costs per "
        "party.\n\n"
        "| what | best | median | peak memory | target | met |\n|---|---|---|---|---|---|\n"
    )
    load = (
        f"\n\nLoad average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; "
        "the machine is shared with other work."
    )
    return header + "\n".join(rows) + load
