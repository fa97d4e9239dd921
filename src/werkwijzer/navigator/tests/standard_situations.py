"""The 15 standard situations whose plan must stay short (issue 15).

Picked from the engine's table (test_engine_table.CASES) so that every role, every kind
of work and both languages occur, with and without a sick-leave route and a postcode.
The plan page of each is measured in a browser (tests/browser/test_plan_size.py) and its
PDF is counted in pages (test_plan_layout.py).
"""

from __future__ import annotations

from typing import Any

from werkwijzer.navigator.tests.test_engine_table import BASE, CASES

NAMES = (
    "employee-sick",
    "fixed-term-contract-ends",
    "agency-worker",
    "employee-over-a-year",
    "employee-early-iva-open",
    "zzp-with-aov",
    "ww-benefit",
    "ziektewet-benefit",
    "bijstand",
    "werkzoekend",
    "student-aya",
    "metastatic",
    "naaste-employee",
    "employer-of-employee",
    "professional-employee",
)
# Nearby providers: the directory's demo data covers the whole country.
WITH_POSTCODE = {
    "employee-sick": "3511",
    "zzp-with-aov": "6525",
    "metastatic": "9712",
    "professional-employee": "1012",
}
IN_ENGLISH = {"employer-of-employee", "ww-benefit"}


def _situation(name: str) -> dict[str, Any]:
    changes = next(case[1] for case in CASES if case[0] == name)
    data: dict[str, Any] = {**BASE, **changes}
    if name in WITH_POSTCODE:
        data["postcode"] = WITH_POSTCODE[name]
    if name in IN_ENGLISH:
        data["language"] = "en"
    return data


STANDARD_SITUATIONS: dict[str, dict[str, Any]] = {name: _situation(name) for name in NAMES}
