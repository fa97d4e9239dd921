"""Words for the problems that navigator.situation finds, in the visitor's language."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkwijzer.navigator.situation import Problem

FIELD_LABELS = {
    "role": gettext_lazy("Who are you"),
    "employment": gettext_lazy("Work situation"),
    "phase": gettext_lazy("Phase of the illness"),
    "working": gettext_lazy("How much do you work now"),
    "age": gettext_lazy("Age"),
    "concerns": gettext_lazy("What are your questions or worries"),
    "sick_since": gettext_lazy("First sick day"),
    "has_bedrijfsarts": gettext_lazy("Bedrijfsarts"),
    "has_aov": gettext_lazy("Disability insurance (AOV)"),
    "contract_end": gettext_lazy("End date of your contract"),
    "postcode": gettext_lazy("Postcode"),
    "language": gettext_lazy("Language"),
    "body": gettext_lazy("Request"),
}


def problem_message(problem: Problem) -> str:
    """One sentence that says what is wrong and how to fix it."""
    params = problem.params
    code = problem.code
    if code == "required":
        return _("Fill in this field.")
    if code == "not_a_choice":
        return _("Choose one of: %(choices)s.") % {"choices": ", ".join(params["choices"])}
    if code == "not_a_number":
        return _("Enter a whole number.")
    if code == "out_of_range":
        return _("Enter a number from %(min)s to %(max)s.") % params
    if code == "not_a_list":
        return _("Give a list of choices.")
    if code == "unknown_items":
        return _("We do not know these choices: %(items)s.") % {"items": ", ".join(params["items"])}
    if code == "not_a_date":
        return _("Enter a date as YYYY-MM-DD, for example 2026-03-01.")
    if code == "too_early":
        return _("Enter a date from %(earliest)s onwards.") % params
    if code == "in_future":
        return _("This date is in the future. Enter a day that has passed.")
    if code == "not_a_bool":
        return _("Answer yes or no.")
    if code == "invalid_postcode":
        return _(
            "Enter a Dutch postcode: 4 digits, optionally 2 letters (for example 6525 or 6525 GA)."
        )
    if code == "unknown_field":
        return _("This field does not exist. Check the spelling.")
    if code == "not_an_object":
        return _("Send a JSON object with the fields of your situation.")
    return _("This value is not valid.")


def problem_as_error(problem: Problem) -> dict[str, str]:
    label = FIELD_LABELS.get(problem.field, problem.field)
    return {"field": problem.field, "message": f"{label}: {problem_message(problem)}"}
