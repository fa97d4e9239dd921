"""Forms of the zorgpad pages (the API validates with its own schemas)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


# core/_field.html gives the Utrecht classes; these widgets only add what differs.
class TextArea(forms.Textarea):
    def __init__(self, rows: int = 5) -> None:
        super().__init__(attrs={"class": "care-textarea", "rows": rows})


class EmailInput(forms.EmailInput):
    """Someone else's address: the browser should not fill in the user's own."""

    def __init__(self) -> None:
        super().__init__(attrs={"autocomplete": "off"})


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class StartForm(forms.Form):
    question = forms.CharField(
        label=_("What would you like help with?"),
        help_text=_(
            "Write it in your own words. For example: I want to go back to work, but I am "
            "very tired. Only the BACO or KAG reads this."
        ),
        max_length=4000,
        widget=TextArea(6),
    )


class StartForPersonForm(StartForm):
    person_email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person needs a Werkwijzer account. They confirm the referral first."),
        widget=EmailInput(),
    )

    field_order = ["person_email", "question"]


class StartForEmployeeForm(forms.Form):
    """An employer asks for a BACO/KAG for an employee; the employee decides (issue 18)."""

    employee_email = forms.EmailField(
        label=_("E-mail address of your employee"),
        help_text=_(
            "The address of your employee's Werkwijzer account. Your employee decides whether "
            "they agree."
        ),
        widget=EmailInput(),
    )
    question = forms.CharField(
        label=_("Why do you ask for a BACO or KAG?"),
        help_text=_(
            "Your employee reads this first. The BACO or KAG reads it only if your employee "
            "agrees. Write about work, never about illness."
        ),
        max_length=4000,
        widget=TextArea(4),
    )


class DeclineForm(forms.Form):
    prefix = "decline"

    reason = forms.CharField(
        label=_("Reason for declining"),
        help_text=_("The person reads this reason."),
        max_length=2000,
        widget=TextArea(3),
    )


class IntakeForm(forms.Form):
    prefix = "intake"

    intake_date = forms.DateTimeField(
        label=_("Date and time of the intake"),
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
    )


class NoteForm(forms.Form):
    prefix = "note"

    text = forms.CharField(
        label=_("Consultation note"),
        help_text=_(
            "The person can read this note (right of inspection). The employer never sees it."
        ),
        max_length=10000,
        widget=TextArea(5),
    )
    personal_work_note = forms.BooleanField(
        label=_("Personal work note: only for my own thinking, the person does not see it"),
        required=False,
    )


class AdviceForm(forms.Form):
    prefix = "advice"

    text = forms.CharField(
        label=_("Advice to the person"),
        help_text=_("The person reads this advice and can download it as a letter (PDF)."),
        max_length=10000,
        widget=TextArea(6),
    )


class TreatingAdviceForm(forms.Form):
    prefix = "treating"

    recipient_email = forms.EmailField(
        label=_("E-mail address of the treating professional"), widget=EmailInput()
    )
    text = forms.CharField(
        label=_("Advice to the treating professional"),
        help_text=_("Only possible when the person has given consent for this professional."),
        max_length=10000,
        widget=TextArea(5),
    )


class EmployerReportForm(forms.Form):
    prefix = "report"

    employer_email = forms.EmailField(
        label=_("E-mail address of the employer"),
        help_text=_("The employer sees the report only after the person agrees."),
        widget=EmailInput(),
    )
    abilities = forms.CharField(
        label=_("What the person can do in work"), max_length=4000, widget=TextArea(4)
    )
    limitations = forms.CharField(
        label=_("Limitations in work"), max_length=4000, widget=TextArea(4)
    )
    recommendations = forms.CharField(
        label=_("Recommendations for work"), max_length=4000, widget=TextArea(4)
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    review_on = forms.DateField(label=_("Review on"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if (
            data.get("valid_from")
            and data.get("review_on")
            and data["review_on"] < data["valid_from"]
        ):
            self.add_error("review_on", _("The review date cannot be before the start date."))
        return data

    help_intro = _(
        "Write only about work: what the person can do, what is hard, and what helps. "
        "Never write a diagnosis or treatment."
    )
