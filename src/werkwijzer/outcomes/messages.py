"""Words for the questionnaire's problems, in the visitor's language, naming the fix."""

from __future__ import annotations

from django.utils.translation import gettext as _

from werkwijzer.outcomes.questionnaire import Problem


def problem_message(problem: Problem) -> str:
    code, params = problem.code, problem.params
    if code == "required":
        return _("Answer this question, or save the questionnaire as a draft.")
    if code == "not_a_choice":
        return _("Choose one of the answers.")
    if code == "not_a_number":
        return _("Enter a whole number.")
    if code == "out_of_range":
        return _("Enter a number from %(min)s to %(max)s.") % params
    if code == "contradiction_not_working_hours":
        return (
            _(
                "You said you do not work now, but also that you work %(hours)s hours a week. "
                "Change one of the two answers."
            )
            % params
        )
    if code == "contradiction_working_no_hours":
        return _("You said you work, but with 0 hours a week. Fill in how many hours you work.")
    if code == "contradiction_not_working_returned":
        return _(
            "You said you do not work now, but also that you went back to work. "
            "Change one of the two answers."
        )
    raise ValueError(f"Unknown problem code {code!r}")
