"""Courses, groups and events people can join, kept by editors and by verified providers.

An event kept by a provider points to its directory entry; only the professionals who
own that entry (directory.moderation) change it. Demo events (`is_demo`) are made up by
`werkwijzer seed` and say so wherever they are shown.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkwijzer.events.choices import Kind


class Event(models.Model):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("what it is"), max_length=2000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place (address)"), max_length=200, blank=True)
    city = models.CharField(_("town or city"), max_length=100, blank=True)
    audiences = models.JSONField(_("for whom"), default=list)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    costs = models.CharField(_("costs"), max_length=200)
    is_free = models.BooleanField(_("free"), default=False)
    organiser = models.CharField(_("organiser"), max_length=200)
    url = models.URLField(_("website to sign up or read more"), blank=True)
    provider = models.ForeignKey(
        "directory.Provider",
        verbose_name=_("kept by the provider"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    published = models.BooleanField(_("shown on the site"), default=True)
    is_demo = models.BooleanField(_("demo event (made up)"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("course, group or event")
        verbose_name_plural = _("courses, groups and events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["published", "ends_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end is before the start.")
        if not self.online and not self.city.strip():
            errors["city"] = _("Fill in the town or city, or choose online.")
        if not self.audiences:
            errors["audiences"] = _("Choose for whom it is.")
        if errors:
            raise ValidationError(errors)
