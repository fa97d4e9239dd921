from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from werkwijzer.accounts.forms import RegistrationForm
from werkwijzer.directory.choices import (
    DEFAULT_RADIUS_KM,
    KIND_CHOICES,
    LANGUAGE_CHOICES,
    ORGANISATION_KINDS,
    ORGANISATION_REGISTERS,
    PAYER_CHOICES,
    RADIUS_CHOICES,
    SIGNUP_REGISTERS,
    SPECIALISATION_CHOICES,
    Register,
    WorkSetting,
)
from werkwijzer.directory.models import Postcode
from werkwijzer.directory.registers import normalise_number, number_error
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


class ProfessionalSignupForm(RegistrationForm):
    """An account for a professional or an organisation that keeps an entry.

    The e-mail and password checks are those of every account (accounts.forms); the
    registration number is checked for form here and by an editor in the register."""

    account_type = forms.ChoiceField(
        label=_("Who signs up?"),
        choices=[
            ("person", _("I am a professional")),
            ("organisation", _("We are an organisation: a practice, bureau or centre")),
        ],
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(label=_("What do you do?"), choices=())
    register = forms.ChoiceField(
        label=pgettext_lazy("registration", "Register"),
        choices=Register.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A BACO, KAG or bedrijfsarts uses the BIG register; a bureau or centre its KvK number."
        ),
    )
    number = forms.CharField(
        label=_("Registration number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("The practice, bureau or centre you work for, or that signs up."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    field_order = (
        "account_type", "kind", "register", "number", "first_name", "last_name",
        "organisation", "email", "password1", "password2",
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["role"]
        labels = dict(KIND_CHOICES)
        self.fields["kind"].choices = [
            ("", _("Choose")),
            *((k, labels[k]) for k in SIGNUP_REGISTERS),
        ]
        self.order_fields(self.field_order)

    def clean_number(self) -> str:
        return normalise_number(self.cleaned_data["number"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind, register = data.get("kind"), data.get("register")
        organisation = data.get("account_type") == "organisation"
        if kind in ORGANISATION_KINDS and not organisation:
            self.add_error("account_type", _("A centre signs up as an organisation."))
        if organisation and not data.get("organisation"):
            self.add_error("organisation", _("Give the name of the organisation."))
        if not organisation and not data.get("first_name"):
            self.add_error("first_name", _("Give your first name."))
        if kind and register:
            allowed = ORGANISATION_REGISTERS if organisation else SIGNUP_REGISTERS[kind]
            if register not in allowed:
                names = ", ".join(str(Register(code).label) for code in allowed)
                self.add_error(
                    "register", _("Use one of these: %(registers)s.") % {"registers": names}
                )
            elif data.get("number") is not None and (
                error := number_error(register, data["number"])
            ):
                self.add_error("number", error)
        return data

    def save(self) -> Any:
        User = get_user_model()  # the account model, as Django lets other apps name it
        from werkwijzer.directory.models import ProfessionalProfile

        data = self.cleaned_data
        # The profession (and with it what a BACO or KAG may do) waits for an editor.
        user = User.objects.create_user(
            username=data["email"],
            email=data["email"],
            password=data["password1"],
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
            role=User.Role.PROFESSIONAL,
            organisation=data.get("organisation", ""),
        )
        ProfessionalProfile.objects.create(
            user=user,
            kind=data["kind"],
            is_organisation=data["account_type"] == "organisation",
            register=data["register"],
            number=data["number"],
        )
        return user


class ClaimForm(forms.Form):
    note = forms.CharField(
        label=_("How can the editors see that this entry is yours?"),
        help_text=_("For example: your work e-mail address, or the website that names you."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EntryForm(forms.Form):
    """What a professional proposes for their entry (new or changed); an editor approves."""

    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("Your name, or the name of the centre.")
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of helper"), choices=KIND_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    work_setting = forms.ChoiceField(label=_("Where do you work?"), choices=WorkSetting.choices)
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        help_text=_("For example 3511 AB."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    city = forms.CharField(
        label=_("Place"),
        max_length=100,
        required=False,
        help_text=_("Empty: the municipality of the postcode."),
    )
    other_locations = forms.CharField(
        label=_("Other locations"),
        required=False,
        max_length=2000,
        help_text=_("Other places where you see people, one per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak with clients"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    specialisations = forms.MultipleChoiceField(
        label=_("Specialisations"),
        choices=SPECIALISATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consultation_hours = forms.CharField(
        label=_("Consultation hours"),
        required=False,
        max_length=1000,
        help_text=_("For example: Monday and Thursday morning."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    self_referral = forms.BooleanField(
        label=_("People can come without a referral"), required=False
    )
    how_to_refer = forms.CharField(
        label=_("How to refer"),
        required=False,
        max_length=2000,
        help_text=_("What a referrer or the person does to get an appointment."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    video_consults = forms.BooleanField(label=_("Video consultations are possible"), required=False)
    intercollegial_consultation = forms.BooleanField(
        label=_("Colleagues can ask me for advice (intercollegial consultation)"), required=False
    )
    payers = forms.MultipleChoiceField(
        label=_("Who pays?"),
        choices=PAYER_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    costs_note = forms.CharField(
        label=_("Costs"),
        required=False,
        max_length=2000,
        help_text=_("What it costs, and what people ask their insurer or employer."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Note for the editors"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_postcode(self) -> str:
        compact = re.sub(r"\s+", "", self.cleaned_data["postcode"]).upper()
        if not re.fullmatch(r"\d{4}([A-Z]{2})?", compact):
            raise forms.ValidationError(_("Give a postcode like 1234 AB."))
        if not Postcode.objects.filter(pc4=compact[:4]).exists():
            raise forms.ValidationError(_("We do not know this postcode. Check the four digits."))
        return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else compact

    def values(self) -> dict[str, Any]:
        """The proposed values (JSON types), without the note."""
        data = dict(self.cleaned_data)
        data.pop("note", None)
        for name in ("kinds", "languages", "specialisations", "payers"):
            data[name] = sorted(set(data.get(name) or []))
        return data

    @classmethod
    def initial_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        return {name: values[name] for name in cls.base_fields if name in values}
