"""Forms of the questionnaire. Checking is done by questionnaire.check(), not here:
the fields only carry labels and widgets, so a draft keeps whatever was typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.core.forms import ChoiceMessagesMixin, FieldErrorsMixin
from werkwijzer.outcomes import choices
from werkwijzer.outcomes.moments import add_months
from werkwijzer.outcomes.questionnaire import FIELDS
from werkwijzer.vocabulary.labels import WORKING


def _choice(label: Any, options: dict, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.RadioSelect(choices=list(options.items())),
    )


class ProfileForm(ChoiceMessagesMixin, FieldErrorsMixin, forms.Form):
    diagnosis_date = forms.DateField(
        label=_("Date of diagnosis"),
        help_text=_("An estimate is fine, for example the first day of the month."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Fill in the date of diagnosis."),
            "invalid": _("Enter a date, for example 2026-03-15."),
        },
    )
    region = forms.ChoiceField(
        label=_("Province"),
        choices=list(choices.REGIONS.items()),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose your province."),
            "invalid_choice": _("Choose a province from the list."),
        },
    )
    care_setting = forms.ChoiceField(
        label=_("Where are you treated?"),
        choices=list(choices.CARE_SETTINGS.items()),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose where you are treated."),
            "invalid_choice": _("Choose one of the answers."),
        },
    )

    def clean_diagnosis_date(self) -> dt.date:
        value = self.cleaned_data["diagnosis_date"]
        today = dt.date.today()
        if value > today:
            raise forms.ValidationError(_("The date of diagnosis cannot lie in the future."))
        if value < add_months(today, -120):
            raise forms.ValidationError(_("Enter a date in the past ten years."))
        return value


class QuestionnaireForm(ChoiceMessagesMixin, FieldErrorsMixin, forms.Form):
    working = _choice(_("Do you work now?"), WORKING)
    hours = forms.CharField(
        label=_("How many hours a week do you work now?"),
        help_text=_("Paid work. Fill in 0 if you do not work."),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 80}),
    )
    work_ability = forms.CharField(
        label=_("How well can you work now? (0 to 10)"),
        help_text=_("0 means you cannot work at all; 10 means as well as ever."),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 10}),
    )
    returned_to_work = _choice(_("Did you go back to work after you stopped?"), choices.RETURNED)
    work_discussed = _choice(
        _("Did a doctor or nurse talk with you about your work?"), choices.YES_NO
    )
    referral_offered = _choice(
        _("Were you offered a referral for help with work?"),
        choices.YES_NO,
        _("For example to a bedrijfsarts, BACO or KAG, or a re-integration coach."),
    )
    employer_support = _choice(
        _("How satisfied are you with the support from your employer? (1 to 5)"), choices.SUPPORT
    )

    def raw(self) -> dict[str, str]:
        data = self.data
        return {name: str(data.get(name, "")).strip()[:40] for name in FIELDS if data.get(name)}
