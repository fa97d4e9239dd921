"""The reader's forms: "Heb je hier iets aan?" and the contact form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.feedback.models import MESSAGE_LENGTH, REMARK_LENGTH, Feedback


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(choices=Feedback.Kind.choices, widget=forms.HiddenInput)
    key = forms.RegexField(regex=r"^[a-z0-9-]{0,64}$", required=False, widget=forms.HiddenInput)
    back = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    helpful = forms.ChoiceField(
        label=_("Was this useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        error_messages={"required": _("Choose yes or no.")},
    )
    remark = forms.CharField(
        label=_("Do you want to tell us more?"),
        help_text=_("Do not write your name or anything about your health."),
        required=False,
        max_length=REMARK_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your message.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only if you want an answer. We use it only to answer you."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Fill in an e-mail address like name@example.nl.")},
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    page = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
