"""Zorgpad: referrals to a BACO/KAG, consultation notes, advice and the employer report.

What may flow where is decided by the model shapes: the employer report is its own
model that only holds work abilities, limitations, recommendations and dates.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkwijzer.care.workflow import FINAL_STATES, RequestStatus, State

# Directory kinds a referral can go to.
REFERRAL_KINDS = frozenset({"baco", "kag"})

STATE_LABELS = {
    State.REQUESTED: _("Requested"),
    State.ACCEPTED: _("Accepted"),
    State.DECLINED: _("Declined"),
    State.INTAKE_PLANNED: _("Intake planned"),
    State.CONSULTATIONS: _("Consultations"),
    State.ADVICE_GIVEN: _("Advice given"),
    State.CLOSED: _("Closed"),
    State.WITHDRAWN: _("Withdrawn"),
}
# What the state means for the person, in plain words.
STATE_HELP_FOR_PERSON = {
    State.REQUESTED: _(
        "The BACO or KAG looks at your question. You get an e-mail when something changes."
    ),
    State.ACCEPTED: _("The BACO or KAG will help you and plans a first talk (intake) with you."),
    State.INTAKE_PLANNED: _("Your first talk (intake) is planned. The date is on this page."),
    State.CONSULTATIONS: _("You are talking with the BACO or KAG about your work."),
    State.ADVICE_GIVEN: _(
        "You got advice. You can read it on this page and download it as a letter."
    ),
    State.CLOSED: _("This referral is finished. You can keep reading your advice here."),
    State.DECLINED: _(
        "The BACO or KAG cannot help you. The reason is on this page. You can look for another BACO or KAG in the directory."
    ),
    State.WITHDRAWN: _("You withdrew this referral."),
}
# What an employer reads of a request their employee answered (no more than this). A
# waiting request is never shown to them (issue 18), so it has no label.
REQUEST_STATUS_LABELS = {
    RequestStatus.AGREED: _("Your employee agreed; the BACO or KAG has the request"),
    RequestStatus.NOT_AGREED: _("Your employee did not agree"),
    RequestStatus.ENDED: _("Finished"),
}
# The one answer an employer gets after asking, on the page and in the API, whatever the
# address: whether it has a person account shows only once the employee answers.
REQUEST_SENT = _(
    "Your request has been sent. If this e-mail address belongs to a Werkwijzer account, "
    "your employee sees your request. You only see something here once your employee "
    "has answered."
)
STATE_CHOICES = [(state.value, STATE_LABELS[state]) for state in State]


class ReferralQuerySet(models.QuerySet):
    def open(self) -> ReferralQuerySet:
        return self.exclude(state__in=[state.value for state in FINAL_STATES])

    def confirmed(self) -> ReferralQuerySet:
        return self.filter(confirmed_by_person_at__isnull=False)


class Referral(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="referrals",
    )
    provider = models.ForeignKey(
        "directory.Provider",
        verbose_name=_("BACO or KAG"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referred by"),
        on_delete=models.PROTECT,
        related_name="referrals_made",
    )
    question = models.TextField(_("question"), max_length=4000)
    state = models.CharField(
        _("state"), max_length=32, choices=STATE_CHOICES, default=State.REQUESTED.value
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_accepted",
    )
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declined by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_declined",
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    intake_date = models.DateTimeField(_("intake date"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    confirmed_by_person_at = models.DateTimeField(_("confirmed by the person at"), null=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    intake_planned_at = models.DateTimeField(null=True, blank=True)
    consultations_at = models.DateTimeField(null=True, blank=True)
    advice_given_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [models.Index(fields=["provider", "state"], name="care_referral_provider_state")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=[state.value for state in State]),
                name="care_referral_state_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="accepted") | models.Q(accepted_by__isnull=False),
                name="care_referral_accepted_has_professional",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Referral')} {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("care:referral", kwargs={"pk": self.pk})

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_by_person_at is not None

    @property
    def is_open(self) -> bool:
        return State(self.state) not in FINAL_STATES

    @property
    def is_withdrawn(self) -> bool:
        return self.state == State.WITHDRAWN

    @property
    def awaits_a_professional(self) -> bool:
        """Requested and not taken on yet: the provider's professionals see it to decide."""
        return self.state == State.REQUESTED and self.accepted_by_id is None

    @property
    def handled_by_id(self) -> int | None:
        """The professional who took it on (accepted it) or declined it."""
        return self.accepted_by_id or self.declined_by_id

    @property
    def ended_at(self):
        """When it was closed or declined (the retention period counts from then)."""
        return self.closed_at or self.declined_at

    @property
    def on_behalf(self) -> bool:
        """Made for the person by someone else (a professional or the employer)."""
        return self.created_by_id != self.person_id

    @property
    def by_employer(self) -> bool:
        return self.on_behalf and self.created_by.role == "employer"

    @property
    def by_professional(self) -> bool:
        return self.on_behalf and not self.by_employer

    @property
    def state_help(self) -> str:
        return str(STATE_HELP_FOR_PERSON[State(self.state)])

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[State(self.state)])


class ConsultationNote(models.Model):
    """A note of a consultation. The person may read it (right of inspection, WGBO art.
    7:456 BW) unless the professional marked it as a personal work note when writing it;
    an employer never sees a note."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("note"), max_length=10000)
    personal_work_note = models.BooleanField(
        _("personal work note"),
        default=False,
        help_text=_("Only for the professional's own thinking; the person does not see it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("consultation note")
        verbose_name_plural = _("consultation notes")

    def __str__(self) -> str:
        return f"{_('Note')} {self.pk}"


class PersonAdvice(models.Model):
    """The advice letter to the person (also as PDF)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="advice")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("advice"), max_length=10000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("advice to the person")
        verbose_name_plural = _("advice to the person")

    def __str__(self) -> str:
        return f"{_('Advice')} {self.pk}"


class TreatingAdvice(models.Model):
    """Advice to a treating professional, only with the person's `treating-advice` consent."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="treating_advice")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("treating professional"),
        on_delete=models.PROTECT,
        related_name="treating_advice_received",
    )
    text = models.TextField(_("advice"), max_length=10000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("advice to a treating professional")
        verbose_name_plural = _("advice to treating professionals")

    def __str__(self) -> str:
        return f"{_('Advice')} {self.pk}"


# The only content fields an employer report has; the tests hold the model and the API
# schema to this list.
EMPLOYER_REPORT_FIELDS = ("abilities", "limitations", "recommendations", "valid_from", "review_on")


class EmployerReport(models.Model):
    """What an employer may know: work abilities, limitations, recommendations, dates.

    No diagnosis, no treatment, no notes: this model has no field for them and no link
    to a note or advice. The referral link is for access checks only and never rendered.
    """

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="employer_reports"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_reports"
    )
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employer"),
        on_delete=models.PROTECT,
        related_name="employer_reports_received",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    abilities = models.TextField(_("what the person can do in work"), max_length=4000)
    limitations = models.TextField(_("limitations in work"), max_length=4000)
    recommendations = models.TextField(_("recommendations for work"), max_length=4000)
    valid_from = models.DateField(_("valid from"))
    review_on = models.DateField(_("review on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The person releases each report on its own, after reading it (records.Consent with
    # the scope "care.EmployerReport:<pk>"): this says they have read it.
    read_by_person_at = models.DateTimeField(_("read by the person at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("employer report")
        verbose_name_plural = _("employer reports")

    def __str__(self) -> str:
        return f"{_('Employer report')} {self.pk}"
