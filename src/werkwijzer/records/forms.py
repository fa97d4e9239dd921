from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkwijzer.core import access
from werkwijzer.core.forms import ChoiceMessagesMixin
from werkwijzer.records.models import Consent, WorkData

# Which kind of account may receive consent for each purpose: the access policy's table,
# so the form offers only consents the policy will honour. Not research (its own form)
# and not the employer report: each report is released on its own, on the report itself
# after reading it (issue 18), so a consent for "every report" is no longer given.
RECIPIENT_ROLES = {
    Consent.Purpose(purpose): roles
    for purpose, roles in access.CONSENT_RECIPIENTS.items()
    if purpose not in (Consent.Purpose.RESEARCH, Consent.Purpose.EMPLOYER_REPORT)
}


class WorkDataForm(forms.ModelForm):
    class Meta:
        model = WorkData
        fields = [
            "occupation",
            "tasks",
            "physical_demands",
            "mental_demands",
            "hours_per_week",
            "contract",
            "employer_size",
            "work_status",
            "sick_leave_start",
            "sick_leave_history",
            "work_ability",
            "goals",
        ]
        labels = {
            "occupation": _("What is your job?"),
            "tasks": _("What are your main tasks?"),
            "physical_demands": _("What does your work ask of your body?"),
            "mental_demands": _("What does your work ask of your head?"),
            "hours_per_week": _("How many hours a week do you work by contract?"),
            "contract": _("What kind of work or income do you have?"),
            "employer_size": _("How big is your employer?"),
            "work_status": _("How much do you work now?"),
            "sick_leave_start": _("First day of sick leave"),
            "sick_leave_history": _("Were you on sick leave before?"),
            "work_ability": _("How well can you do your work now?"),
            "goals": _("What do you want to reach in your work?"),
        }
        help_texts = {
            "occupation": _("For example: teacher, nurse, bus driver."),
            "physical_demands": _("For example: lifting, standing, walking, shifts."),
            "mental_demands": _("For example: deadlines, focus, many contacts."),
            "hours_per_week": _("A number from 0 to 80."),
            "sick_leave_start": _("Only if you are on sick leave now. Not a date in the future."),
            "sick_leave_history": _("When and for how long. You do not have to say why."),
            "work_ability": _("0 means: I cannot work at all. 10 means: as well as ever."),
            "goals": _("For example: back to my own job, fewer hours, other work."),
        }
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 3}),
            "physical_demands": forms.Textarea(attrs={"rows": 3}),
            "mental_demands": forms.Textarea(attrs={"rows": 3}),
            "sick_leave_history": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 3}),
            # any step: the error message about decimals is clearer than the browser's
            "hours_per_week": forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
            "sick_leave_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "hours_per_week": {
                "max_value": _("Fill in at most 80 hours."),
                "min_value": _("Fill in 0 hours or more."),
                "invalid": _("Fill in a number of hours, for example 32."),
                "max_digits": _("Fill in at most 80 hours."),
                "max_decimal_places": _("Use at most one decimal, for example 32.5."),
            },
            "work_ability": {
                "max_value": _("Choose a number from 0 to 10."),
                "min_value": _("Choose a number from 0 to 10."),
                "invalid": _("Choose a number from 0 to 10."),
            },
            "sick_leave_start": {"invalid": _("Fill in a date, for example 2025-03-01.")},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["work_ability"].widget = forms.Select(
            choices=[("", _("Choose a number"))] + [(n, str(n)) for n in range(11)]
        )
        hours = self.instance.hours_per_week if self.instance else None
        if hours is not None and hours == hours.to_integral_value():
            self.initial["hours_per_week"] = int(hours)  # "32", not "32.0"
        for name in ("contract", "employer_size", "work_status"):
            self.fields[name].choices = [("", _("Choose")), *list(self.fields[name].choices)[1:]]

    def clean_sick_leave_start(self):
        value = self.cleaned_data.get("sick_leave_start")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The first day of sick leave cannot be in the future."))
        return value


class GiveConsentForm(ChoiceMessagesMixin, forms.Form):
    purpose = forms.ChoiceField(
        label=_("What may they do?"),
        choices=[(p.value, p.label) for p in RECIPIENT_ROLES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what they may do.")},
    )
    email = forms.EmailField(
        label=_("E-mail address of their Werkwijzer account"),
        help_text=_("Ask them for the e-mail address they use to log in to Werkwijzer."),
        error_messages={
            "required": _("Fill in an e-mail address."),
            "invalid": _("Fill in a valid e-mail address, for example naam@voorbeeld.nl."),
        },
    )

    def __init__(self, *args, owner=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.recipient = None

    def clean(self):
        cleaned = super().clean()
        purpose, email = cleaned.get("purpose"), cleaned.get("email")
        if not purpose or not email:
            return cleaned
        roles = RECIPIENT_ROLES[Consent.Purpose(purpose)]
        recipient = (
            get_user_model()
            .objects.filter(email__iexact=email.strip(), role__in=roles, is_active=True)
            .exclude(pk=self.owner.pk)
            .first()
        )
        if recipient is None:
            kind = _("an employer") if "employer" in roles else _("a professional")
            self.add_error(
                "email",
                _(
                    "We found no account of %(kind)s with this e-mail address. Check the "
                    "address, or ask them to make a Werkwijzer account first."
                )
                % {"kind": kind},
            )
        self.recipient = recipient
        return cleaned


class ResearchConsentForm(forms.Form):
    research = forms.BooleanField(
        label=_("Werkwijzer may use my answers about work for research, without my name."),
        required=False,
    )


class AuditSearchForm(forms.Form):
    subject = forms.EmailField(
        label=_("Whose record (e-mail address)"),
        required=False,
        error_messages={"invalid": _("Fill in a valid e-mail address.")},
    )
    actor = forms.EmailField(
        label=_("Who (e-mail address)"),
        required=False,
        error_messages={"invalid": _("Fill in a valid e-mail address.")},
    )
