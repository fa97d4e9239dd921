"""The questionnaire about work: its questions and the checks on the answers.

Pure Python, no Django. `check()` turns the raw answers (strings, as typed or posted)
into clean values and a list of problems as codes; `messages.py` words them. A draft is
checked only for values that cannot be right (a word in a number field); a submission
must also be complete and free of contradictions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

WORKING = ("volledig", "gedeeltelijk", "niet")  # vocabulary `working`
RETURNED = ("yes", "no", "never_stopped")
YES_NO = ("yes", "no")
SUPPORT = ("1", "2", "3", "4", "5", "no_employer")
HOURS_MAX = 80
ABILITY_MAX = 10
FIELDS = (
    "working",
    "hours",
    "work_ability",
    "returned_to_work",
    "work_discussed",
    "referral_offered",
    "employer_support",
)
CHOICES: dict[str, tuple[str, ...]] = {
    "working": WORKING,
    "returned_to_work": RETURNED,
    "work_discussed": YES_NO,
    "referral_offered": YES_NO,
    "employer_support": SUPPORT,
}
NUMBERS: dict[str, tuple[int, int]] = {"hours": (0, HOURS_MAX), "work_ability": (0, ABILITY_MAX)}


@dataclass(frozen=True)
class Problem:
    field: str
    code: str  # required | not_a_choice | not_a_number | out_of_range | contradiction_*
    # dataclasses.field: the attribute above is called `field`.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Checked:
    values: dict[str, Any]  # clean values; None where not (validly) answered
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def _clean(name: str, raw: str) -> tuple[Any, Problem | None]:
    if name in CHOICES:
        if raw not in CHOICES[name]:
            return None, Problem(name, "not_a_choice")
        if name in ("work_discussed", "referral_offered"):
            return raw == "yes", None
        if name == "employer_support":
            return (None if raw == "no_employer" else int(raw)), None
        return raw, None
    low, high = NUMBERS[name]
    try:
        number = int(raw.strip())
    except ValueError:
        return None, Problem(name, "not_a_number")
    if not low <= number <= high:
        return None, Problem(name, "out_of_range", {"min": low, "max": high})
    return number, None


def check(raw: Mapping[str, str], *, complete: bool) -> Checked:
    """Clean the answers; with `complete`, also ask for every answer and consistency."""
    values: dict[str, Any] = dict.fromkeys(FIELDS)
    problems: list[Problem] = []
    answered = {name: str(raw.get(name) or "").strip() for name in FIELDS}
    for name, text in answered.items():
        if text:
            values[name], problem = _clean(name, text)
            if problem:
                problems.append(problem)
    working, hours = values["working"], values["hours"]
    if working == "niet" and hours:
        problems.append(Problem("hours", "contradiction_not_working_hours", {"hours": hours}))
    if working in ("volledig", "gedeeltelijk") and hours == 0:
        problems.append(Problem("hours", "contradiction_working_no_hours"))
    if working == "niet" and values["returned_to_work"] == "yes":
        problems.append(Problem("returned_to_work", "contradiction_not_working_returned"))
    if complete:
        for name in FIELDS:
            optional = name == "hours" and working == "niet"
            if not answered[name] and not optional:
                problems.append(Problem(name, "required"))
        if working == "niet" and not answered["hours"]:
            values["hours"] = 0
    order = {name: index for index, name in enumerate(FIELDS)}
    problems.sort(key=lambda p: order[p.field])
    return Checked(values, problems)
