"""The filters of the list, and the event form of editors (admin) and providers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.events.choices import Kind, audience_choices, topic_choices
from werkwijzer.events.models import Event
from werkwijzer.events.services import Filters

LOCAL = "%Y-%m-%dT%H:%M"


def _any(label: str) -> list[tuple[str, str]]:
    return [("", label)]


class FilterForm(forms.Form):
    soort = forms.ChoiceField(label=_("Kind"), required=False)
    voor = forms.ChoiceField(label=_("For whom"), required=False)
    onderwerp = forms.ChoiceField(label=_("Topic"), required=False)
    waar = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Online and on location")),
            ("online", _("Online")),
            ("place", _("On location")),
        ],
    )
    gratis = forms.BooleanField(label=_("Only free"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = _any(_("All kinds")) + list(Kind.choices)
        self.fields["voor"].choices = _any(_("Everyone")) + audience_choices()
        self.fields["onderwerp"].choices = _any(_("All topics")) + topic_choices()

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            kind=data["soort"],
            audience=data["voor"],
            topic=data["onderwerp"],
            where=data["waar"],
            free=data["gratis"],
        )


def _moment(label: str, required: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[LOCAL],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
        error_messages={"invalid": _("Fill in a date and time."), "required": required},
    )


class EventForm(forms.ModelForm):
    starts_at = _moment(_("Starts"), _("Fill in when it starts."))
    ends_at = _moment(_("Ends"), _("Fill in when it ends."))
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose for whom it is.")},
    )
    url = forms.URLField(
        label=_("Website to sign up or read more"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Fill in a web address like https://www.example.nl.")},
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The event is shown on the pages about these topics and in matching plans."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "summary",
            "starts_at",
            "ends_at",
            "online",
            "place",
            "city",
            "audiences",
            "topics",
            "costs",
            "is_free",
            "organiser",
            "url",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audiences"].choices = audience_choices()
        self.fields["topics"].choices = topic_choices()
        self.fields["kind"].choices = list(Kind.choices)
