"""Outcome measurement: participants, their answers per moment, reminders, a summary.

A participant belongs to a person: a user account (`owner`) or nobody for the
synthetic demo population. Anonymous visitors keep their answers in the session only
(see store.py); nothing of theirs reaches these tables.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from werkwijzer.outcomes.choices import CARE_SETTINGS, REGIONS


class Participant(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcome_participant",
    )
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    synthetic = models.BooleanField(default=False, db_index=True)
    diagnosis_date = models.DateField()
    region = models.CharField(max_length=20, choices=list(REGIONS.items()))
    care_setting = models.CharField(max_length=20, choices=list(CARE_SETTINGS.items()))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [("export_research", "Can download the pseudonymised research export")]

    def __str__(self) -> str:
        return f"participant {self.pk}"


class Response(models.Model):
    """The answers of one participant at one moment (3, 6, 12 or 24 months)."""

    class Status(models.TextChoices):
        DRAFT = "draft"
        SUBMITTED = "submitted"

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="responses")
    moment = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Copied from the participant on save, so the aggregation needs no join.
    region = models.CharField(max_length=20, choices=list(REGIONS.items()))
    care_setting = models.CharField(max_length=20, choices=list(CARE_SETTINGS.items()))
    working = models.CharField(max_length=12, blank=True)
    hours = models.PositiveSmallIntegerField(null=True, blank=True)
    work_ability = models.PositiveSmallIntegerField(null=True, blank=True)
    returned_to_work = models.CharField(max_length=14, blank=True)
    work_discussed = models.BooleanField(null=True, blank=True)
    referral_offered = models.BooleanField(null=True, blank=True)
    employer_support = models.PositiveSmallIntegerField(null=True, blank=True)
    draft = models.JSONField(default=dict, blank=True)  # the answers as typed, kept as is
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "moment"], name="outcome_one_per_moment")
        ]
        indexes = [
            models.Index(
                fields=["status", "moment", "region", "care_setting"], name="outcome_group_idx"
            )
        ]

    def __str__(self) -> str:
        return f"response {self.pk} at {self.moment} months"


class Reminder(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reminders")
    moment = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "moment"], name="outcome_one_reminder")
        ]

    def __str__(self) -> str:
        return f"reminder at {self.moment} months"


class Summary(models.Model):
    """Counts per moment, region and care setting, refreshed from Response by
    `werkwijzer outcomes refresh` (and after seeding). The dashboard reads only this."""

    moment = models.PositiveSmallIntegerField()
    region = models.CharField(max_length=20)
    care_setting = models.CharField(max_length=20)
    respondents = models.PositiveIntegerField()
    discussed_yes = models.PositiveIntegerField()
    discussed_n = models.PositiveIntegerField()
    referred_yes = models.PositiveIntegerField()
    referred_n = models.PositiveIntegerField()
    returned_yes = models.PositiveIntegerField()
    returned_n = models.PositiveIntegerField()
    ability_sum = models.PositiveIntegerField()
    ability_n = models.PositiveIntegerField()
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["moment", "region", "care_setting"], name="outcome_summary_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.moment} months, {self.region}, {self.care_setting}"
