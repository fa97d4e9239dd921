"""Words for the problems that navigator.situation finds, in the visitor's language."""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
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
    "earlier_sick_spells": gettext_lazy("Earlier periods of sickness"),
    "agency_clause": gettext_lazy("Agency clause (uitzendbeding)"),
    "benefit_end": gettext_lazy("Last day of the WW benefit"),
    "extension_weeks": gettext_lazy("Longer sick pay, in weeks"),
    "extension_kind": gettext_lazy("Kind of extension"),
    "wia_applied": gettext_lazy("WIA applied for"),
    "cancer_type": gettext_lazy("Kind of cancer"),
    "treatments": gettext_lazy("Treatments"),
}


def field_label(field: str) -> str:
    """The readable name of a field; ``earlier_sick_spells.2`` is the second period."""
    name, _dot, number = field.partition(".")
    if name == "earlier_sick_spells" and number:
        return _("Earlier period of sickness %(n)s") % {"n": number}
    return str(FIELD_LABELS.get(field, field))


def problem_message(problem: Problem, kind: str = "") -> str:
    """One sentence that says what is wrong and how to fix it. ``kind`` is the form's kind
    of question ("radio", "checkbox"), so an unanswered choice says "Kies ..."."""
    params = problem.params
    code = problem.code
    if code == "required":
        if kind == "radio":
            return _("Choose one of the answers.")
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
        earliest = date_format(dt.date.fromisoformat(params["earliest"]), "j F Y")
        return _("Enter a date from %(earliest)s onwards.") % {"earliest": earliest}
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
    if code == "route":
        return params["message"]  # worded by the sick-leave route, in the visitor's language
    if code == "too_many":
        return _("Enter at most %(max)s earlier periods.") % params
    if code == "spell_not_object":
        return _('Give the period as {"from": date, "to": date}.')
    if code == "spell_incomplete":
        return _("Enter both dates of the period: the first and the last sick day.")
    return _("This value is not valid.")


def problem_as_error(problem: Problem) -> dict[str, str]:
    """The API's and the command line's error: the message starts with the field's name
    (a route message names its field itself)."""
    message = problem_message(problem)
    if problem.code != "route":
        message = f"{field_label(problem.field)}: {message}"
    return {"field": problem.field, "message": message}
