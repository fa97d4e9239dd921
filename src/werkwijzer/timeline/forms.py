"""The timeline form: work situation, first sick day, the sick-leave history and options.

Works without JavaScript: three fixed pairs of date fields for earlier spells. The
checks are those of timeline.services (the same as the API and the command line).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.core.forms import ChoiceMessagesMixin
from werkwijzer.timeline.routes import (
    MAX_AOV_WAITING_DAYS,
    MAX_EXTENSION_WEEKS,
    Route,
    RouteInput,
)
from werkwijzer.timeline.services import TimelineInputError, compute, parse_input
from werkwijzer.vocabulary.labels import choices_for

HISTORY_ROWS = 3
YES_NO_UNKNOWN = [("true", _("Yes")), ("false", _("No")), ("", _("I don't know"))]
EXTENSION_KIND_CHOICES = [
    ("vrijwillig", _("Agreed by me and my employer with UWV")),
    ("loonsanctie", _("A wage sanction (loonsanctie) imposed by UWV")),
]


class DateInput(forms.DateInput):
    input_type = "date"


def _yes_no(label: Any, help_text: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO_UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )


class TimelineForm(ChoiceMessagesMixin, forms.Form):
    role = forms.ChoiceField(
        label=_("Who are you?"),
        help_text=_("The dates stay the same; the texts speak to you."),
        choices=choices_for("role"),
        required=False,
        initial="werkende",
    )
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
        label=_("End date of your contract (if it ends or has ended)"),
        help_text=_(
            "For a temporary contract: the last day. Looking for work: the last day of your "
            "previous contract."
        ),
        required=False,
        widget=DateInput(),
    )
    agency_clause = _yes_no(
        _("Agency workers: does your contract have an agency clause (uitzendbeding)?"),
        _("With an agency clause your contract ends when you fall sick. Ask your agency."),
    )
    benefit_end = forms.DateField(
        label=_("Unemployment benefit (WW): last day of your WW"),
        help_text=_("Only with a WW benefit. You find it in your WW decision from UWV."),
        required=False,
        widget=DateInput(),
    )
    extension_weeks = forms.IntegerField(
        label=_("Longer sick pay, in weeks"),
        help_text=_(
            "Only when the sick pay goes on after the usual period: agreed, or a sanction."
        ),
        required=False,
        min_value=0,
        max_value=MAX_EXTENSION_WEEKS,
    )
    extension_kind = forms.ChoiceField(
        label=_("What kind of extension?"),
        choices=EXTENSION_KIND_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    wia_applied = _yes_no(
        _("Have you applied for WIA already?"),
        _("We use this to warn you when the deadline has passed."),
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
        self.situation: RouteInput | None = None
        self.route: Route | None = None
        self._filled_rows: list[int] = []

    def history_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"history_{n}_start"], self[f"history_{n}_end"])
            for n in range(1, HISTORY_ROWS + 1)
        ]

    def _history(self, cleaned: dict[str, Any]) -> list[str]:
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
            self._filled_rows.append(number)
            history.append(f"{start.isoformat()}/{end.isoformat()}")
        return history

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        history = self._history(cleaned)
        if self.errors:
            return cleaned
        try:
            self.situation = parse_input(cleaned, history)
            self.route = compute(self.situation)
        except TimelineInputError as error:
            for item in error.errors:
                self.add_error(self._form_field(item["field"]), item["message"])
        return cleaned

    def _form_field(self, field: str) -> str | None:
        if field.startswith("history."):
            # the engine numbers only the filled rows; name the row it came from
            number = int(field.split(".")[1])
            rows = self._filled_rows
            row = rows[number - 1] if number <= len(rows) else 1
            return f"history_{row}_start"
        return field if field in self.fields else None
