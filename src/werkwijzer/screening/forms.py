"""The screening form: the same validation for the page and the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.core.forms import ChoiceMessagesMixin, FieldErrorsMixin
from werkwijzer.screening.rules import AGE_RANGE, DISTRESS_MAX, YES_NO_ANSWERS
from werkwijzer.vocabulary.labels import choices_for

YES_NO = (("yes", _("Yes")), ("no", _("No")))


def _yes_no(label: Any, help_text: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose yes or no.")},
    )


class ScreeningForm(ChoiceMessagesMixin, FieldErrorsMixin, forms.Form):
    age = forms.IntegerField(
        label=_("Age"),
        min_value=AGE_RANGE[0],
        max_value=AGE_RANGE[1],
        error_messages={
            "required": _("Fill in the age in whole years."),
            "invalid": _("Enter the age as a whole number, for example 45."),
            "min_value": _("Enter an age from 16 to 100."),
            "max_value": _("Enter an age from 16 to 100."),
        },
    )
    employment = forms.ChoiceField(
        label=_("Work situation"),
        choices=choices_for("employment"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the work situations in the list.")},
    )
    phase = forms.ChoiceField(
        label=_("Phase of the illness"),
        choices=choices_for("phase"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the phases in the list.")},
    )
    low_income = _yes_no(_("Low income or worries about money?"))
    limited_literacy = _yes_no(
        _("Is reading, Dutch or understanding health information difficult?")
    )
    heavy_work = _yes_no(
        _("Is the work physically heavy?"), _("For example lifting, standing a lot or shifts.")
    )
    caregiver = _yes_no(
        _("Caring for others?"), _("For example young children, a partner or a parent.")
    )
    distress = forms.IntegerField(
        label=_("Distress thermometer (0 to 10)"),
        help_text=_("How much distress was there in the past week? 0 is none, 10 is extreme."),
        min_value=0,
        max_value=DISTRESS_MAX,
        required=False,
        error_messages={
            "invalid": _("Enter a whole number from 0 to 10."),
            "min_value": _("Enter a whole number from 0 to 10."),
            "max_value": _("Enter a whole number from 0 to 10."),
        },
    )

    def answers(self) -> dict[str, Any]:
        """The cleaned answers in the shape `rules.screen()` reads."""
        data = dict(self.cleaned_data)
        for name in YES_NO_ANSWERS:
            data[name] = {"yes": True, "no": False}.get(data.get(name) or "")
        for name in ("employment", "phase"):
            data[name] = data.get(name) or None
        return data
