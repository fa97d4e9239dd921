from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkwijzer.directory.choices import (
    DEFAULT_RADIUS_KM,
    KIND_CHOICES,
    LANGUAGE_CHOICES,
    RADIUS_CHOICES,
    SPECIALISATION_CHOICES,
)
from werkwijzer.directory.services import SearchFilters


class SearchForm(forms.Form):
    """The GET form of /verwijsgids/; works without JavaScript."""

    q = forms.CharField(
        label=_("Postcode or place"),
        max_length=64,
        required=False,
        help_text=_("For example 6525 AB, 6525 or Nijmegen."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of helper"), choices=[("", _("All kinds")), *KIND_CHOICES], required=False
    )
    radius_km = forms.TypedChoiceField(
        label=_("Distance"),
        choices=[(km, km) for km in RADIUS_CHOICES],  # labels: __init__, in today's language
        coerce=int,
        initial=DEFAULT_RADIUS_KM,
        required=False,
        empty_value=DEFAULT_RADIUS_KM,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Any language")), *LANGUAGE_CHOICES],
        required=False,
    )
    specialisation = forms.ChoiceField(
        label=_("Specialisation"),
        choices=[("", _("Any specialisation")), *SPECIALISATION_CHOICES],
        required=False,
    )
    self_referral = forms.BooleanField(
        label=_("Only helpers you can go to without a referral"), required=False
    )
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["radius_km"].choices = [
            (km, gettext("within %(km)s km") % {"km": km}) for km in RADIUS_CHOICES
        ]

    def select_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("kind", "radius_km", "language", "specialisation")]

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            kind=data.get("kind") or "",
            language=data.get("language") or "",
            specialisation=data.get("specialisation") or "",
            self_referral=bool(data.get("self_referral")),
        )


class ErrorReportForm(forms.Form):
    """ "Klopt er iets niet?": no account, the address only for an answer."""

    message = forms.CharField(
        label=_("What is not right?"),
        help_text=_(
            "For example a new address, a phone number that does not work, or someone who stopped."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only if you want an answer. We delete your address after we answer."),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
