from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from werkwijzer.accounts.models import User
from werkwijzer.core.forms import ChoiceMessagesMixin


def _attrs(autocomplete: str, **extra) -> dict:
    return {"autocomplete": autocomplete, **extra}


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("E-mail address or username"),
        max_length=254,
        widget=forms.TextInput(attrs=_attrs("username", autocapitalize="none")),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_attrs("current-password")),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits. The code changes every 30 seconds."),
        max_length=16,
        widget=forms.TextInput(
            attrs=_attrs("one-time-code", inputmode="numeric", pattern="[0-9 ]*")
        ),
    )


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("One of the ten codes you saved, for example abcde-fghjk."),
        max_length=32,
        widget=forms.TextInput(attrs=_attrs("off", autocapitalize="none")),
    )


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_attrs("current-password")),
    )

    def __init__(self, user: User, *args, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password


SELF_SERVICE_ROLES = [
    (User.Role.PERSON.value, _("I have or had cancer, and I work or want to work")),
    (User.Role.NAASTE.value, _("I am a partner, family member or friend")),
    (User.Role.EMPLOYER.value, _("I am an employer or manager")),
]


class RegistrationForm(ChoiceMessagesMixin, forms.Form):
    role = forms.ChoiceField(
        label=_("Who are you?"), choices=SELF_SERVICE_ROLES, widget=forms.RadioSelect
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "You log in with this address. We use it only to send you messages about your account."
        ),
        max_length=150,
        widget=forms.EmailInput(attrs=_attrs("email")),
    )
    first_name = forms.CharField(
        label=_("First name"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs=_attrs("given-name")),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("Only for employers: the name of your organisation."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=_attrs("organization")),
    )
    password1 = forms.CharField(
        label=_("Password"),
        help_text=_(
            "At least 10 characters. Not only numbers, and not a password that is easy to guess."
        ),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_attrs("new-password")),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_attrs("new-password")),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if (
            User.objects.filter(email__iexact=email).exists()
            or User.objects.filter(username__iexact=email).exists()
        ):
            raise forms.ValidationError(
                _(
                    "There is already an account with this e-mail address. Log in, or ask for a new password."
                )
            )
        return email

    def clean(self) -> dict:
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            candidate = User(
                username=data.get("email", ""),
                email=data.get("email", ""),
                first_name=data.get("first_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

    def save(self) -> User:
        data = self.cleaned_data
        return User.objects.create_user(
            username=data["email"],
            email=data["email"],
            password=data["password1"],
            first_name=data.get("first_name", ""),
            role=data["role"],
            organisation=data.get("organisation", "") if data["role"] == User.Role.EMPLOYER else "",
        )
