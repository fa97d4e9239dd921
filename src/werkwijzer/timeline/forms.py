"""The timeline form: work situation, first sick day and the sick-leave history."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.timeline.routes import MAX_AOV_WAITING_DAYS, MAX_EXTENSION_WEEKS
from werkwijzer.timeline.services import (
    TimelineInput,
    TimelineInputError,
    compute,
    parse_input,
)
from werkwijzer.vocabulary.labels import choices_for

HISTORY_ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"


class TimelineForm(forms.Form):
    employment = forms.ChoiceField(
        label=_("Your work situation"),
        choices=[("", _("Choose…")), *choices_for("employment")],
    )
    sick_since = forms.DateField(
        label=_("First day of sickness"),
        help_text=_("The first day you reported sick. This is day 1."),
        widget=DateInput(),
    )
    contract_end = forms.DateField(
        label=_("End date of your contract (if it ends)"),
        help_text=_("Only for a temporary contract or when your job ends while you are sick."),
        required=False,
        widget=DateInput(),
    )
    extension_weeks = forms.IntegerField(
        label=_("Agreed extension of sick pay, in weeks"),
        help_text=_("Only when you and your employer agreed with UWV to extend the 104 weeks."),
        required=False,
        min_value=0,
        max_value=MAX_EXTENSION_WEEKS,
    )
    aov_waiting_days = forms.IntegerField(
        label=_("Waiting period of your disability insurance (AOV), in days"),
        help_text=_("For the self-employed: see your policy, for example 30, 90 or 365 days."),
        required=False,
        min_value=0,
        max_value=MAX_AOV_WAITING_DAYS,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, HISTORY_ROWS + 1):
            self.fields[f"history_{number}_start"] = forms.DateField(
                label=_("Period %(n)s: first sick day") % {"n": number},
                required=False,
                widget=DateInput(),
            )
            self.fields[f"history_{number}_end"] = forms.DateField(
                label=_("Period %(n)s: last sick day") % {"n": number},
                required=False,
                widget=DateInput(),
            )
        self.situation: TimelineInput | None = None
        self.route = None

    def history_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"history_{n}_start"], self[f"history_{n}_end"])
            for n in range(1, HISTORY_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        history = []
        for number in range(1, HISTORY_ROWS + 1):
            start = cleaned.get(f"history_{number}_start")
            end = cleaned.get(f"history_{number}_end")
            if start is None and end is None:
                continue
            if start is None or end is None:
                missing = "start" if start is None else "end"
                self.add_error(f"history_{number}_{missing}", _("Enter both dates of the period."))
                continue
            history.append(f"{start.isoformat()}/{end.isoformat()}")
        if self.errors:
            return cleaned
        try:
            self.situation = parse_input(cleaned, history)
            self.route = compute(self.situation)
        except TimelineInputError as error:
            for item in error.errors:
                self.add_error(self._form_field(item["field"], history), item["message"])
        return cleaned

    def _form_field(self, field: str, history: list[str]) -> str | None:
        if field.startswith("history."):
            number = int(field.split(".")[1])
            # history holds only the filled rows; find the row it came from
            filled = [
                n
                for n in range(1, HISTORY_ROWS + 1)
                if self.cleaned_data.get(f"history_{n}_start") is not None
            ]
            row = filled[number - 1] if number <= len(filled) else 1
            return f"history_{row}_start"
        return field if field in self.fields else None
