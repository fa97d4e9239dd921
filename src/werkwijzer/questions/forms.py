from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkwijzer.questions import identifying
from werkwijzer.questions.models import TOPIC_CHOICES
from werkwijzer.questions.services import MAX_MESSAGE, MAX_QUESTION, consultation_providers

ANY = "any"

IDENTIFYING_MESSAGES = {
    identifying.BSN: _("a citizen service number (BSN)"),
    identifying.BIRTH_DATE: _("a full date, such as a date of birth (write an age instead)"),
    identifying.EMAIL: _("an e-mail address"),
    identifying.PHONE: _("a phone number"),
    identifying.ADDRESS: _("an address or a postcode with a house number"),
    identifying.NAME: _("a name after mevrouw, meneer or a similar word"),
}


def topic_choices():
    return [("", _("No topic / I don't know")), *TOPIC_CHOICES]


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Ask about work and cancer. Do not write your name or other details that show who you are."
        ),
        error_messages={"required": _("Write your question.")},
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=topic_choices, required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "Only if you want an e-mail when the answer is ready. We delete it once that e-mail is sent."
        ),
        error_messages={
            "invalid": _("Enter an e-mail address such as naam@voorbeeld.nl, or leave it empty.")
        },
    )
    consent_publication = forms.BooleanField(
        label=_(
            "My question and the answer may be published without anything that shows who I am, so others can read them too."
        ),
        required=False,
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by simple bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if len(text) < 10:
            raise forms.ValidationError(
                _("Your question is very short. Write at least 10 characters.")
            )
        return text

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Write the answer.")},
    )


class PublishForm(forms.Form):
    question_nl = forms.CharField(
        label=_("Question (Dutch)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    answer_nl = forms.CharField(label=_("Answer (Dutch)"), widget=forms.Textarea(attrs={"rows": 8}))
    question_en = forms.CharField(
        label=_("Question (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    answer_en = forms.CharField(
        label=_("Answer (English)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=TOPIC_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    anonymised = forms.BooleanField(
        label=_("I removed everything that could show who asked the question."),
        error_messages={
            "required": _("Check the text for names and other details, then tick this box.")
        },
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("question_en")) != bool(data.get("answer_en")):
            raise forms.ValidationError(
                _("Fill in both the English question and answer, or neither.")
            )
        return data


def check_identifying(text: str) -> None:
    kinds = identifying.find(text)
    if kinds:
        listed = "; ".join(str(IDENTIFYING_MESSAGES[kind]) for kind in kinds)
        raise forms.ValidationError(
            _(
                "This text seems to contain data that identify a person: %(kinds)s. "
                "Leave out names, dates of birth, BSN, addresses, phone numbers and e-mail "
                "addresses. Describe the case with age, work and situation instead."
            )
            % {"kinds": listed}
        )


def provider_choices():
    choices = [(ANY, _("Any BACO or KAG"))]
    for provider in consultation_providers().order_by("name"):
        where = f", {provider.city}" if provider.city else ""
        choices.append((str(provider.pk), f"{provider}{where}"))
    return choices


class ConsultationForm(forms.Form):
    provider = forms.ChoiceField(label=_("Ask"), choices=provider_choices, initial=ANY)
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        help_text=_(
            "In a few words, for example: return to work after chemotherapy in heavy work."
        ),
        error_messages={"required": _("Write a subject.")},
    )
    text = forms.CharField(
        label=_("Your question about the case"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Without identifying data: no name, date of birth, BSN, address, phone number or "
            "e-mail address. Age, work, diagnosis group and situation are enough."
        ),
        error_messages={"required": _("Write your question.")},
    )

    def clean_subject(self) -> str:
        subject = self.cleaned_data["subject"]
        check_identifying(subject)
        return subject

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        check_identifying(text)
        return text

    def chosen_provider(self):
        value = self.cleaned_data["provider"]
        if value == ANY:
            return None
        return consultation_providers().get(pk=int(value))


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Without identifying data about the person."),
        error_messages={"required": _("Write your reply.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        check_identifying(text)
        return text
