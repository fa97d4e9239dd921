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
from werkwijzer.navigator.messages import field_label, problem_message
from werkwijzer.navigator.situation import MAX_AGE, MIN_AGE, SPELLS, Problem
from werkwijzer.timeline.routes import MAX_EXTENSION_WEEKS, numbers
from werkwijzer.vocabulary.labels import (
    CANCER_TYPE,
    CONCERNS,
    EMPLOYMENT,
    PHASE,
    ROLE,
    TREATMENT,
    WORKING,
)


@dataclass
class Question:
    name: str
    label: Promise
    kind: str  # radio, checkbox, number, date, text, spells (pairs of dates)
    choices: dict[str, Promise] | None = None
    help: Promise | str = ""
    required: bool = False
    value: Any = None
    error: str = ""
    low: int | None = None  # number: the smallest and largest value the input offers
    high: int | None = None

    def spell_rows(self) -> list[tuple[int, str, str]]:
        """The rows of a spells question (number, from, to), with what was typed first."""
        typed = [item for item in (self.value or []) if isinstance(item, dict)]
        rows = [(str(item.get("from") or ""), str(item.get("to") or "")) for item in typed]
        rows += [("", "")] * (SPELL_ROWS - len(rows))
        return [(number, start, end) for number, (start, end) in enumerate(rows, start=1)]

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
            low=MIN_AGE,
            high=MAX_AGE,
        ),
        Question(
            "concerns",
            _("What are your questions or worries?"),
            "checkbox",
            CONCERNS,
            _("Choose as many as you like, or none."),
        ),
        *_sick_leave_questions(),
        *_other_questions(),
        *_medical_questions(),
    ]


def _medical_questions() -> list[Question]:
    """Optional and private (issue 19): only for the person's own plan."""
    return [
        Question(
            "cancer_type",
            _("What kind of cancer is it?"),
            "radio",
            {"": _("I would rather not say"), **CANCER_TYPE},
            _("The groups that patient organisations use."),
        ),
        Question(
            "treatments",
            _("Which treatments do you have or did you have?"),
            "checkbox",
            TREATMENT,
            _("Choose as many as you like, or none."),
        ),
    ]


def _sick_leave_questions() -> list[Question]:
    """The optional questions the sick-leave dates depend on (the timeline's input)."""
    return [
        Question(
            "sick_since",
            _("First sick day"),
            "date",
            help=_("Only if there is sick leave. For the dates of the sick-leave rules."),
        ),
        Question(
            SPELLS,
            _("Earlier periods of sickness"),
            "spells",
            help=_(
                "Were you sick before and well for less than %(weeks)s weeks in between? Then "
                "those periods count together and the dates move. Fill in the first and last "
                "sick day of each period."
            )
            % {"weeks": numbers()["recovery_gap_weeks"]},
        ),
        Question(
            "contract_end",
            _("End date of the contract"),
            "date",
            help=_(
                "For a fixed-term or agency contract. Looking for work: the last day of your "
                "previous contract."
            ),
        ),
        Question(
            "agency_clause",
            _("Agency worker: does the contract have an agency clause (uitzendbeding)?"),
            "radio",
            YES_NO_UNKNOWN,
            _("With an agency clause the contract ends at sickness; then UWV takes over."),
        ),
        Question(
            "benefit_end",
            _("With unemployment benefit (WW): the last day of the WW"),
            "date",
            help=_("It is in your WW decision from UWV."),
        ),
        Question(
            "extension_weeks",
            _("Longer sick pay after the usual period, in weeks"),
            "number",
            help=_("Only when it was agreed with UWV, or when UWV imposed a wage sanction."),
            low=0,
            high=MAX_EXTENSION_WEEKS,
        ),
        Question("extension_kind", _("What kind of extension?"), "radio", EXTENSION_KIND),
        Question("wia_applied", _("Has the WIA been applied for?"), "radio", YES_NO_UNKNOWN),
    ]


def _other_questions() -> list[Question]:
    return [
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
MEDICAL = ("cancer_type", "treatments")
LISTS = ("concerns", "treatments")
SPELL_ROWS = 3  # fixed pairs of date fields: works without JavaScript
EXTENSION_KIND = {
    "vrijwillig": _("Agreed with UWV by employer and employee"),
    "loonsanctie": _("A wage sanction (loonsanctie) from UWV"),
}


def _spells(post: QueryDict) -> list[dict[str, str]]:
    """The filled rows of the spell fields (``earlier_sick_spells-1-from`` ...)."""
    spells = []
    for number in range(1, SPELL_ROWS + 1):
        start = post.get(f"{SPELLS}-{number}-from", "").strip()
        end = post.get(f"{SPELLS}-{number}-to", "").strip()
        if start or end:
            spells.append({"from": start, "to": end})
    return spells


def situation_data(post: QueryDict, language: str) -> dict[str, Any]:
    """Plain data from the posted form, as parse_situation expects it."""
    data: dict[str, Any] = {
        "language": language,
        "concerns": post.getlist("concerns"),
        "treatments": post.getlist("treatments"),
        SPELLS: _spells(post),
    }
    for question in _questions():
        if question.name not in (*LISTS, SPELLS):
            data[question.name] = post.get(question.name, "").strip()
    return data


def questions(
    values: dict[str, Any] | None = None, problems: list[Problem] | None = None
) -> dict[str, list[Question]]:
    """The questions with the visitor's answers and error messages, in three groups."""
    values = values or {}
    kinds = {question.name: question.kind for question in _questions()}
    errors: dict[str, str] = {}
    for problem in problems or []:
        # every problem of a spell belongs to the one spells question
        name = SPELLS if problem.field.startswith(f"{SPELLS}.") else problem.field
        message = problem_message(problem, kinds.get(name, ""))
        if name == SPELLS and problem.code != "route":  # route messages name the period
            message = f"{field_label(problem.field)}: {message}"
        errors[name] = f"{errors[name]} {message}" if name in errors else message
    result: dict[str, list[Question]] = {"basic": [], "more": [], "medical": []}
    for question in _questions():
        question.value = values.get(question.name)
        if isinstance(question.value, bool):
            question.value = "true" if question.value else "false"
        question.error = errors.get(question.name, "")
        group = (
            "basic" if question.name in BASIC else "medical" if question.name in MEDICAL else "more"
        )
        result[group].append(question)
    return result
