"""The run form: scenarios, run settings and every model assumption, read from GET.

Everything lives in the query string, so the address of a result page is a link that
reproduces the run. A parameter left out of the query keeps its default; a parameter
sent empty is an error that names it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from werkwijzer.businesscase.model.analysis import RunRequest, check_budget
from werkwijzer.businesscase.model.parameters import ParameterError, ParameterSet, load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.texts import (
    PARAMETER_LABELS,
    SCENARIO_LABELS,
    UNIT_LABELS,
    issue_message,
)

DRAW_CHOICES = [
    (0, _("None (fastest)")),
    (100, "100"),
    (200, "200"),
    (500, "500"),
    (1000, "1.000"),
]
PERSON_CHOICES = [
    (0, _("Cohort model (fast)")),
    (20_000, _("Microsimulation, 20.000 persons")),
    (100_000, _("Microsimulation, 100.000 persons")),
]
DEFAULT_SCENARIOS = ["s2"]
DEFAULT_DRAWS = 200
SETTINGS = ("scenarios", "draws", "persons", "seed")


def _format_default(value: float) -> str:
    return format(value, ".10g")


class RunForm(forms.Form):
    scenarios = forms.MultipleChoiceField(
        label=_("Scenarios to compare with the current situation"),
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
        required=False,
    )
    draws = forms.TypedChoiceField(
        label=_("Uncertainty analysis (number of draws)"),
        choices=DRAW_CHOICES,
        coerce=int,
        initial=DEFAULT_DRAWS,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    persons = forms.TypedChoiceField(
        label=_("Model"),
        choices=PERSON_CHOICES,
        coerce=int,
        initial=0,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    seed = forms.IntegerField(
        label=_("Seed (the same seed gives the same result)"),
        min_value=0,
        max_value=2**31,
        initial=1,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox"}),
    )

    def __init__(self, *args: Any, parameters: ParameterSet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parameters = parameters or load_parameters()
        book = load_scenarios()
        self.fields["scenarios"].choices = [
            (key, SCENARIO_LABELS.get(key, scenario.label))
            for key, scenario in book.scenarios.items()
            if key != "ist"
        ]
        self.fields["scenarios"].initial = DEFAULT_SCENARIOS
        for name, spec in self.parameters.specs.items():
            self.fields[name] = forms.CharField(
                label=PARAMETER_LABELS.get(name, spec.label),
                required=False,
                initial=_format_default(spec.value),
                widget=forms.TextInput(
                    attrs={"class": "utrecht-textbox", "inputmode": "decimal", "size": 10}
                ),
            )
            self.fields[name].spec = spec
            self.fields[name].unit_label = UNIT_LABELS.get(spec.unit, spec.unit)
        self.resolved: ParameterSet | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> RunForm:
        """A bound form: defaults for everything the query leaves out."""
        data = QueryDict(mutable=True)
        defaults = load_parameters()
        for name, spec in defaults.specs.items():
            data[name] = _format_default(spec.value)
        data.setlist("scenarios", DEFAULT_SCENARIOS)
        data["draws"] = str(DEFAULT_DRAWS)
        data["persons"] = "0"
        data["seed"] = "1"
        for key in query:
            data.setlist(key, query.getlist(key))
        if "run" in query and "scenarios" not in query:
            # The form was sent with every scenario unticked (browsers then leave it out).
            data.setlist("scenarios", [])
        return cls(data=data)

    def parameter_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.parameters.specs]

    def clean_scenarios(self) -> list[str]:
        chosen = self.cleaned_data.get("scenarios") or []
        if not chosen:
            raise forms.ValidationError(_("Choose at least one scenario."))
        return chosen

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        overrides = {name: cleaned.get(name) for name in self.parameters.specs}
        try:
            self.resolved = self.parameters.with_overrides(overrides)
        except ParameterError as error:
            for issue in error.issues:
                field = issue.name if issue.name in self.fields else None
                self.add_error(field, issue_message(issue))
        self.clean_budget()
        return cleaned

    def clean_budget(self) -> None:
        if self.errors:
            return
        for issue in check_budget(self.run_request()):
            self.add_error(issue.name, issue_message(issue))

    def run_request(self) -> RunRequest:
        assert self.resolved is not None
        return RunRequest(
            scenarios=tuple(self.cleaned_data["scenarios"]),
            overrides=self.resolved.changed(),
            draws=self.cleaned_data["draws"],
            persons=self.cleaned_data["persons"],
            seed=self.cleaned_data["seed"],
        )


def share_query(request: RunRequest) -> str:
    """The shortest query string that reproduces this run."""
    query = QueryDict(mutable=True)
    query.setlist("scenarios", list(request.scenarios))
    query["draws"] = str(request.draws)
    query["persons"] = str(request.persons)
    query["seed"] = str(request.seed)
    for name, value in sorted(request.overrides.items()):
        query[name] = format(value, ".10g")
    return query.urlencode()
