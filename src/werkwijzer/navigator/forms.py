"""The wegwijzer questionnaire, rendered from one list of questions.

Checking is done by navigator.situation (the same checks as the API and the command
line); this module only turns a POST into plain data and back into a form to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkwijzer.navigator.labels import YES_NO_UNKNOWN
from werkwijzer.navigator.messages import problem_message
from werkwijzer.navigator.situation import MAX_AGE, MIN_AGE, Problem
from werkwijzer.vocabulary.labels import CONCERNS, EMPLOYMENT, PHASE, ROLE, WORKING


@dataclass
class Question:
    name: str
    label: Promise
    kind: str  # radio, checkbox, number, date, text
    choices: dict[str, Promise] | None = None
    help: Promise | str = ""
    required: bool = False
    value: Any = None
    error: str = ""

    @property
    def checked(self) -> list[str]:
        """The chosen values of a radio or checkbox question."""
        if isinstance(self.value, list | tuple):
            return [str(item) for item in self.value]
        return [] if self.value in (None, "") else [str(self.value)]


def _questions() -> list[Question]:
    return [
        Question("role", _("Who are you?"), "radio", ROLE, required=True),
        Question(
            "employment",
            _("What is the work situation?"),
            "radio",
            EMPLOYMENT,
            _(
                "Are you a loved one? Give your own work. Are you an employer? Give your employee's."
            ),
            required=True,
        ),
        Question(
            "phase",
            _("Where are you (or your loved one) in the illness?"),
            "radio",
            PHASE,
            required=True,
        ),
        Question(
            "working",
            _("How much is the work being done now?"),
            "radio",
            WORKING,
            required=True,
        ),
        Question(
            "age",
            _("Age"),
            "number",
            help=_("In years, from %(min)s to %(max)s.") % {"min": MIN_AGE, "max": MAX_AGE},
            required=True,
        ),
        Question(
            "concerns",
            _("What are your questions or worries?"),
            "checkbox",
            CONCERNS,
            _("Choose as many as you like, or none."),
        ),
        Question(
            "sick_since",
            _("First sick day"),
            "date",
            help=_("Only if there is sick leave. For the dates of the sick-leave rules."),
        ),
        Question(
            "contract_end",
            _("End date of the contract"),
            "date",
            help=_("Only for a fixed-term or agency contract."),
        ),
        Question(
            "has_bedrijfsarts",
            _("Is there a bedrijfsarts or occupational health service?"),
            "radio",
            YES_NO_UNKNOWN,
        ),
        Question(
            "has_aov",
            _("Self-employed: do you have disability insurance (AOV)?"),
            "radio",
            YES_NO_UNKNOWN,
        ),
        Question(
            "postcode",
            _("Postcode"),
            "text",
            help=_("Optional: to show helpers near you. For example 6525 or 6525 GA."),
        ),
    ]


BASIC = ("role", "employment", "phase", "working", "age", "concerns")


def situation_data(post: QueryDict, language: str) -> dict[str, Any]:
    """Plain data from the posted form, as parse_situation expects it."""
    data: dict[str, Any] = {"language": language, "concerns": post.getlist("concerns")}
    for question in _questions():
        if question.name != "concerns":
            data[question.name] = post.get(question.name, "").strip()
    return data


def questions(
    values: dict[str, Any] | None = None, problems: list[Problem] | None = None
) -> dict[str, list[Question]]:
    """The questions with the visitor's answers and error messages, in two groups."""
    values = values or {}
    errors = {problem.field: problem_message(problem) for problem in problems or []}
    result: dict[str, list[Question]] = {"basic": [], "more": []}
    for question in _questions():
        question.value = values.get(question.name)
        if isinstance(question.value, bool):
            question.value = "true" if question.value else "false"
        question.error = errors.get(question.name, "")
        result["basic" if question.name in BASIC else "more"].append(question)
    return result
