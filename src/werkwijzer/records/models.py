"""The person's own record: work data, consents and the append-only audit log."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.labels import choices_for


class WorkData(models.Model):
    """Arbeidsgegevens: one per person (`user.work_data`)."""

    class EmployerSize(models.TextChoices):
        NONE = "none", _("No employer")
        MICRO = "1-9", _("1 to 9 employees")
        SMALL = "10-49", _("10 to 49 employees")
        MEDIUM = "50-249", _("50 to 249 employees")
        LARGE = "250+", _("250 employees or more")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="work_data",
    )
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    tasks = models.TextField(_("tasks"), blank=True)
    physical_demands = models.TextField(_("physical demands"), blank=True)
    mental_demands = models.TextField(_("mental demands"), blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(80)],
    )
    contract = models.CharField(
        _("contract"), max_length=32, blank=True, choices=choices_for("employment")
    )
    employer_size = models.CharField(
        _("employer size"), max_length=16, blank=True, choices=EmployerSize.choices
    )
    sick_leave_start = models.DateField(_("first day of sick leave"), null=True, blank=True)
    sick_leave_history = models.TextField(_("earlier sick leave"), blank=True)
    work_status = models.CharField(
        _("current work status"),
        max_length=32,
        blank=True,
        choices=choices_for("working"),
    )
    work_ability = models.PositiveSmallIntegerField(
        _("work ability (0 to 10)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    goals = models.TextField(_("goals about work"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("work data")
        verbose_name_plural = _("work data")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(work_ability__isnull=True) | models.Q(work_ability__lte=10),
                name="records_workdata_work_ability_0_10",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__isnull=True)
                | models.Q(hours_per_week__gte=0, hours_per_week__lte=80),
                name="records_workdata_hours_0_80",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Work data"))

    def clean(self) -> None:
        super().clean()
        if self.sick_leave_start and self.sick_leave_start > timezone.localdate():
            raise ValidationError(
                {"sick_leave_start": _("The first day of sick leave cannot be in the future.")}
            )

    @property
    def is_empty(self) -> bool:
        fields = (
            "occupation",
            "tasks",
            "physical_demands",
            "mental_demands",
            "contract",
            "employer_size",
            "sick_leave_history",
            "work_status",
            "goals",
        )
        return not any(getattr(self, name) for name in fields) and all(
            getattr(self, name) is None
            for name in ("hours_per_week", "sick_leave_start", "work_ability")
        )


class ConsentQuerySet(models.QuerySet):
    def active(self) -> ConsentQuerySet:
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """The owner lets one recipient use their record for one purpose, until withdrawn."""

    class Purpose(models.TextChoices):
        VIEW_WORK_DATA = "view-work-data", _("See my work data")
        TREATING_ADVICE = "treating-advice", _("Receive advice about me as treating professional")
        EMPLOYER_REPORT = "employer-report", _("Receive the report for my employer")
        RESEARCH = "research", _("Use my answers for research (without my name)")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="consents_given",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="consents_received",
        null=True,
        blank=True,
        help_text=_("Empty for research: then Werkwijzer itself is the recipient."),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    scope = models.CharField(
        _("for what exactly"),
        max_length=200,
        blank=True,
        default="",
        help_text=_(
            "One thing this consent is for, such as one employer report "
            "(care.EmployerReport:<id>). Empty: the whole purpose."
        ),
    )
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "recipient", "purpose", "scope"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="records_consent_one_active_per_scope",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit events cannot be deleted.")

    _raw_delete = delete


class AuditEvent(models.Model):
    """One line of the audit log (NEN 7513): who did what to whose record, when and why.

    Written only by `werkwijzer.records.audit.record`. Append-only and hash-chained:
    `hash` is HMAC-SHA256, with the secret key named by `key_id` (kept in the environment,
    never here), over the previous event's hash and this event's canonical content (ids,
    codes and the time; no names or other personal data).
    """

    class Action(models.TextChoices):
        READ = "read", _("looked at")
        CREATE = "create", _("added")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("removed")
        EXPORT = "export", _("exported")

    sequence = models.PositiveBigIntegerField(_("sequence number"), unique=True, editable=False)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        related_name="audit_events_as_actor",
        null=True,
        blank=True,
    )
    actor_role = models.CharField(_("role at the time"), max_length=32, blank=True)
    actor_profession = models.CharField(_("profession at the time"), max_length=32, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose record"),
        on_delete=models.PROTECT,
        related_name="audit_events_as_subject",
        null=True,
        blank=True,
    )
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        related_name="audit_events_on_behalf",
        null=True,
        blank=True,
    )
    action = models.CharField(_("what"), max_length=16, choices=Action.choices)
    resource = models.CharField(_("resource"), max_length=200)
    reason = models.CharField(_("why"), max_length=200)
    previous_hash = models.CharField(_("previous hash"), max_length=64, editable=False)
    hash = models.CharField(_("hash"), max_length=64, unique=True, editable=False)
    key_id = models.CharField(_("key"), max_length=32, default="", editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-sequence"]
        indexes = [
            models.Index(fields=["subject", "-sequence"], name="records_audit_subject"),
            models.Index(fields=["actor", "-sequence"], name="records_audit_actor"),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.resource}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditChainHead(models.Model):
    """One row that holds the end of the chain; locking it serialises appends."""

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.last_sequence}"
