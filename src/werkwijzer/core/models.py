"""What the background work keeps in the database: scheduled runs and web-started jobs.

The task queue itself is django-tasks-db's table; these two models hold what the queue
does not: when a periodic job last ran (so two workers never both start it), and the
progress and result of a long job that a page shows while it runs.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The texts of the two models below carry a context ("background work"): core comes
# first in INSTALLED_APPS, so without one its Dutch for short words ("status", "Done")
# would replace other apps' everywhere.


class ScheduledRun(models.Model):
    """One periodic job of core.schedule. A worker starts it by moving `next_run_at` on in
    one conditional UPDATE, so only one worker wins each turn."""

    name = models.CharField(
        pgettext_lazy("background work", "name"), max_length=64, primary_key=True
    )
    last_run_at = models.DateTimeField(
        pgettext_lazy("background work", "last run at"), null=True, blank=True
    )
    next_run_at = models.DateTimeField(pgettext_lazy("background work", "next run at"))

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("background work", "scheduled job")
        verbose_name_plural = pgettext_lazy("background work", "scheduled jobs")

    def __str__(self) -> str:
        return self.name


class Job(models.Model):
    """A long piece of work started from a page (a business-case run, a provider import).

    The page polls this row: the worker writes the stage and how far it got, and at the
    end the result. Input the worker needs only once (an uploaded file) is removed when
    the job finishes.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("background work", "Waiting")
        RUNNING = "running", pgettext_lazy("background work", "Running")
        DONE = "done", pgettext_lazy("background work", "Done")
        FAILED = "failed", pgettext_lazy("background work", "Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(pgettext_lazy("background work", "kind"), max_length=64)
    key = models.CharField(pgettext_lazy("background work", "key"), max_length=64, blank=True)
    status = models.CharField(
        pgettext_lazy("background work", "status"),
        max_length=16,
        choices=Status.choices,
        default=Status.QUEUED,
    )
    stage = models.CharField(pgettext_lazy("background work", "stage"), max_length=100, blank=True)
    done = models.PositiveIntegerField(pgettext_lazy("background work", "done"), default=0)
    total = models.PositiveIntegerField(pgettext_lazy("background work", "total"), default=0)
    params = models.JSONField(
        pgettext_lazy("background work", "parameters"), default=dict, blank=True
    )
    payload = models.BinaryField(pgettext_lazy("background work", "input"), null=True, blank=True)
    result = models.JSONField(pgettext_lazy("background work", "result"), null=True, blank=True)
    # Python objects of a result (pickled), as Django's database cache stores its values.
    result_blob = models.BinaryField(
        pgettext_lazy("background work", "result (objects)"), null=True, blank=True
    )
    error = models.TextField(pgettext_lazy("background work", "error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("background work", "started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(
        pgettext_lazy("background work", "created at"), auto_now_add=True, db_index=True
    )
    updated_at = models.DateTimeField(pgettext_lazy("background work", "updated at"), auto_now=True)
    finished_at = models.DateTimeField(
        pgettext_lazy("background work", "finished at"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = pgettext_lazy("background work", "background job")
        verbose_name_plural = pgettext_lazy("background work", "background jobs")
        indexes = [models.Index(fields=["kind", "key"], name="core_job_kind_key")]

    def __str__(self) -> str:
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0


class ContentVersion(models.Model):
    """A counter that moves whenever content that processes keep in memory changes
    (core.versions); one row per key."""

    key = models.CharField(_("key"), max_length=32, primary_key=True)
    number = models.BigIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self) -> str:
        return f"{self.key} {self.number}"
