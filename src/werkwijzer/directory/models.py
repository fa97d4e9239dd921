"""Verwijsgids: providers (people or organisations) and the postcode table for distances."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from werkwijzer.core.versions import DIRECTORY, version_changed
from werkwijzer.directory.choices import (
    FOLDER_KINDS,
    KIND_CHOICES,
    LANGUAGE_CHOICES,
    PAYER_CHOICES,
    SPECIALISATION_CHOICES,
    Register,
    WorkSetting,
    labels_in_order,
)
from werkwijzer.directory.fields import TagListField
from werkwijzer.directory.geo import unit_vector

# An entry older than this is flagged to editors and shown with a notice to visitors;
# its owner gets the yearly reminder (tasks.remind_verification).
VERIFICATION_MAX_AGE = datetime.timedelta(days=365)
# Not checked for this many months: marked, and left out of personal plans.
OUT_OF_PLAN_MONTHS = 18
# Not checked for this many months: hidden (search, map, API, page) until verified.
HIDDEN_MONTHS = 24


def stale_before(today: datetime.date | None = None) -> datetime.date:
    """Entries verified before this date count as out of date."""
    return (today or timezone.localdate()) - VERIFICATION_MAX_AGE


def months_before(months: int, today: datetime.date | None = None) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    today = today or timezone.localdate()
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(today.day, last_day))


def out_of_plan_before(today: datetime.date | None = None) -> datetime.date:
    return months_before(OUT_OF_PLAN_MONTHS, today)


def hidden_before(today: datetime.date | None = None) -> datetime.date:
    return months_before(HIDDEN_MONTHS, today)


class Postcode(models.Model):
    """One Dutch PC4 area with its centre point (GeoNames, CC BY 4.0; see data/README.md)."""

    pc4 = models.CharField(_("postcode (4 digits)"), max_length=4, primary_key=True)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    municipality = models.CharField(_("municipality"), max_length=100, db_index=True)

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")

    def __str__(self) -> str:
        return f"{self.pc4} {self.municipality}"


class ProviderQuerySet(models.QuerySet):
    def active(self) -> ProviderQuerySet:
        return self.filter(active=True)

    def listed(self, today: datetime.date | None = None) -> ProviderQuerySet:
        """What visitors see: active and checked in the last 24 months."""
        return self.filter(active=True, checked_on__gte=hidden_before(today))

    def stale(self, today: datetime.date | None = None) -> ProviderQuerySet:
        return self.filter(
            models.Q(verified_on__isnull=True) | models.Q(verified_on__lt=stale_before(today))
        )


class Provider(models.Model):
    external_id = models.CharField(
        _("external id"),
        max_length=64,
        unique=True,
        help_text=_("Stable key used by imports: the same id updates the same entry."),
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    kinds = TagListField(_("kinds of helper"), choices=KIND_CHOICES, blank=False)
    work_setting = models.CharField(_("work setting"), max_length=32, choices=WorkSetting.choices)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, help_text=_("PC4 (1234) or PC6 (1234 AB).")
    )
    city = models.CharField(_("place"), max_length=100)
    pc4 = models.CharField(_("postcode area"), max_length=4, db_index=True, editable=False)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"), db_index=True)
    # The point as a unit vector (geo.unit_vector), derived from lat/lon on every save.
    x = models.FloatField(editable=False, default=0.0)
    y = models.FloatField(editable=False, default=0.0)
    z = models.FloatField(editable=False, default=0.0)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = TagListField(_("languages spoken"), choices=LANGUAGE_CHOICES)
    specialisations = TagListField(_("specialisations"), choices=SPECIALISATION_CHOICES)
    self_referral = models.BooleanField(
        _("self-referral possible"),
        default=False,
        help_text=_("People can make an appointment without a referral."),
    )
    intercollegial_consultation = models.BooleanField(
        _("accepts consultation requests from colleagues"), default=False
    )
    costs_note = models.TextField(_("costs"), blank=True)
    payers = TagListField(_("who pays"), choices=PAYER_CHOICES)
    how_to_refer = models.TextField(
        _("how to refer"),
        blank=True,
        help_text=_("What a referrer or the person does to get an appointment."),
    )
    consultation_hours = models.TextField(_("consultation hours"), blank=True)
    video_consults = models.BooleanField(_("video consultations possible"), default=False)
    other_locations = models.TextField(
        _("other locations"),
        blank=True,
        help_text=_("Other places where this provider sees people, one per line."),
    )
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    verified_by = models.CharField(_("verified by"), max_length=200, blank=True)
    # The date its age counts from: verified_on, or the day it was first listed when it
    # was never verified (set_derived_fields). The search rows carry it too, so the
    # 18 and 24 month rules cost no join.
    checked_on = models.DateField(
        _("checked or listed on"), default=datetime.date.today, editable=False, db_index=True
    )
    # When the yearly reminder to check this entry went out (directory.tasks).
    verification_reminded_on = models.DateField(
        _("reminded to verify on"), null=True, blank=True, editable=False
    )
    active = models.BooleanField(_("active"), default=True)
    # Which list an import brought it from (the mapping file's `source`); empty: entered
    # here. An import of that source marks entries missing from it for review.
    source = models.CharField(_("source"), max_length=64, blank=True, db_index=True)
    needs_review = models.BooleanField(_("needs review"), default=False, db_index=True)
    review_note = models.CharField(_("why it needs review"), max_length=300, blank=True)
    # Set only by `werkwijzer seed` (seeding.py): an invented entry, marked as such on
    # every page, map, PDF and API answer that shows it. Imports never set it.
    is_demo = models.BooleanField(_("demo entry (made up)"), default=False, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        # The bounding box of a distance search: a range on lat (this index), and on lon.
        indexes = [models.Index(fields=["lat", "lon"], name="directory_provider_latlon")]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def save(self, *args, **kwargs) -> None:
        self.set_derived_fields()
        super().save(*args, **kwargs)  # the post_save receiver below syncs the search rows

    def get_absolute_url(self) -> str:
        return reverse("directory:provider", kwargs={"pk": self.pk})

    def set_derived_fields(self) -> None:
        """pc4 and the unit vector follow postcode and lat/lon; bulk writes call this too."""
        self.pc4 = self.postcode[:4]
        self.x, self.y, self.z = unit_vector(self.lat, self.lon)
        self.checked_on = self.verified_on or self.checked_on or timezone.localdate()

    @property
    def is_stale(self) -> bool:
        return self.verified_on is None or self.verified_on < stale_before()

    @property
    def is_out_of_plan(self) -> bool:
        """Not checked for 18 months: marked, and not in personal plans."""
        return self.checked_on < out_of_plan_before()

    @property
    def is_hidden(self) -> bool:
        """Not checked for 24 months (or inactive): visitors no longer see it."""
        return not self.active or self.checked_on < hidden_before()

    @property
    def has_folder(self) -> bool:
        return bool(FOLDER_KINDS.intersection(self.kinds))

    @property
    def kind_labels(self) -> list[str]:
        return labels_in_order(KIND_CHOICES, self.kinds)

    @property
    def language_labels(self) -> list[str]:
        return labels_in_order(LANGUAGE_CHOICES, self.languages)

    @property
    def specialisation_labels(self) -> list[str]:
        return labels_in_order(SPECIALISATION_CHOICES, self.specialisations)

    @property
    def payer_labels(self) -> list[str]:
        return labels_in_order(PAYER_CHOICES, self.payers)

    @property
    def other_location_lines(self) -> list[str]:
        return [line.strip() for line in self.other_locations.splitlines() if line.strip()]


class ProviderKindLocation(models.Model):
    """Search index: one row per (active provider, helper kind) with its coordinates.

    Why a table of its own: a search is almost always "kind X near here". With the kind
    first in a composite index (kind, lat, lon), the database reads only the entries of
    that kind inside the latitude band, on SQLite and PostgreSQL alike, instead of
    every provider in the box. Rows are derived data: `sync_search_rows` rebuilds them
    whenever a provider is saved or imported.
    """

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="search_rows")
    kind = models.CharField(max_length=64)
    lat = models.FloatField()
    lon = models.FloatField()
    x = models.FloatField(default=0.0)
    y = models.FloatField(default=0.0)
    z = models.FloatField(default=0.0)
    checked_on = models.DateField(default=datetime.date.today)

    class Meta:
        # A covering index: the box is read from (kind, lat, lon), the distance from x, y,
        # z and the 18/24 month rules from checked_on in the same index entry, so no table
        # page is read (SQLite and PostgreSQL).
        indexes = [
            models.Index(
                fields=["kind", "lat", "lon", "x", "y", "z", "provider", "checked_on"],
                name="directory_kind_latlon_checked",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["provider", "kind"], name="directory_one_row_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} @ {self.lat:.4f},{self.lon:.4f}"


def sync_search_rows(providers: list[Provider]) -> None:
    """Rebuild the search rows of these (saved) providers.

    Also moves the directory's content version, which the cached nearby results carry in
    their keys (services.nearby_for_kinds): after a change no plan shows the old ones."""
    if not providers:  # an import that changed nothing
        return
    ids = [provider.pk for provider in providers]
    ProviderKindLocation.objects.filter(provider_id__in=ids).delete()
    ProviderKindLocation.objects.bulk_create(
        ProviderKindLocation(
            provider_id=provider.pk,
            kind=kind,
            lat=provider.lat,
            lon=provider.lon,
            x=provider.x,
            y=provider.y,
            z=provider.z,
            checked_on=provider.checked_on,
        )
        for provider in providers
        if provider.active
        for kind in provider.kinds
    )
    version_changed(DIRECTORY)


@receiver(post_save, sender=Provider, dispatch_uid="directory_sync_search_rows")
def _provider_saved(sender: type[Provider], instance: Provider, **kwargs: object) -> None:
    """Also on loaddata (a raw save that skips Provider.save)."""
    sync_search_rows([instance])


@receiver(post_delete, sender=Provider, dispatch_uid="directory_provider_deleted")
def _provider_deleted(sender: type[Provider], **kwargs: object) -> None:
    version_changed(DIRECTORY)


class ErrorReport(models.Model):
    """A reader's "Klopt er iets niet?" about one entry, for the editors' queue (/beheer/).

    The e-mail address is optional and kept only until the editors answered or closed the
    report (moderation.answer_report / close_report empty it)."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("error report", "Open")
        ANSWERED = "answered", pgettext_lazy("error report", "Answered")
        CLOSED = "closed", pgettext_lazy("error report", "Closed")

    provider = models.ForeignKey(
        Provider,
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("directory entry"),
    )
    message = models.TextField(_("what is wrong"))
    email = models.EmailField(_("e-mail for a reply"), blank=True)
    wants_reply = models.BooleanField(_("asked for a reply"), default=False, editable=False)
    language = models.CharField(
        pgettext_lazy("error report", "language"), max_length=8, default="nl", editable=False
    )
    status = models.CharField(
        pgettext_lazy("error report", "status"),
        max_length=16,
        choices=Status.choices,
        default=Status.OPEN,
        db_index=True,
    )
    reply = models.TextField(pgettext_lazy("error report", "reply"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reported mistake")
        verbose_name_plural = _("reported mistakes")

    def __str__(self) -> str:
        return f"{self.provider.name}: {self.message[:60]}"


class ProfessionalProfile(models.Model):
    """What a professional or organisation said at sign-up: the kind of helper and the
    registration number (checked for form; an editor checks it in the register)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="directory_profile",
        verbose_name=_("account"),
    )
    kind = models.CharField(_("kind of helper"), max_length=64, choices=KIND_CHOICES)
    is_organisation = models.BooleanField(_("organisation"), default=False)
    register = models.CharField(
        pgettext_lazy("registration", "register"), max_length=8, choices=Register.choices
    )
    number = models.CharField(_("registration number"), max_length=16)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registration checked by"),
    )
    checked_at = models.DateTimeField(_("registration checked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    class Meta:
        verbose_name = _("professional's sign-up")
        verbose_name_plural = _("professionals' sign-ups")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_register_display()} {self.number})"


class Ownership(models.Model):
    """A professional or organisation keeps this entry (after an editor approved it)."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="ownerships", verbose_name=_("entry")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="directory_ownerships",
        verbose_name=_("account"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    since = models.DateTimeField(_("owner since"), auto_now_add=True)

    class Meta:
        verbose_name = _("owner of an entry")
        verbose_name_plural = _("owners of entries")
        constraints = [
            models.UniqueConstraint(fields=["provider", "user"], name="directory_one_ownership")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.provider}"


class Proposal(models.Model):
    """A claim, a new entry or a change: nothing goes live before an editor approves it.

    `data` holds the proposed values (the fields of moderation.EDITABLE_FIELDS) as JSON;
    the queue in /beheer/ shows them next to the entry's current values."""

    class Kind(models.TextChoices):
        CLAIM = "claim", _("Claim an entry")
        NEW = "new", _("New entry")
        CHANGE = "change", _("Change of an entry")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an editor")
        APPROVED = "approved", pgettext_lazy("proposal", "Approved")
        RETURNED = "returned", pgettext_lazy("proposal", "Sent back")
        WITHDRAWN = "withdrawn", pgettext_lazy("proposal", "Withdrawn")

    kind = models.CharField(_("kind of proposal"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        pgettext_lazy("proposal", "status"),
        max_length=16,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    provider = models.ForeignKey(
        Provider,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("entry"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="directory_proposals",
        verbose_name=_("proposed by"),
    )
    data = models.JSONField(_("proposed values"), default=dict, blank=True)
    note = models.TextField(_("note for the editors"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals (moderation queue)")

    def __str__(self) -> str:
        name = self.provider.name if self.provider else self.data.get("name", "")
        return f"{self.get_kind_display()}: {name}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class ProviderChange(models.Model):
    """The history of an entry: who changed what, when, and how (kept for good)."""

    class Action(models.TextChoices):
        CREATED = "created", pgettext_lazy("entry history", "Created")
        CHANGED = "changed", pgettext_lazy("entry history", "Changed")
        VERIFIED = "verified", pgettext_lazy("entry history", "Verified")
        OWNER = "owner", _("New owner")
        IMPORTED = "imported", pgettext_lazy("entry history", "Imported")
        GONE_FROM_SOURCE = "gone", _("No longer in the source")

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="history", verbose_name=_("entry")
    )
    action = models.CharField(_("what happened"), max_length=16, choices=Action.choices)
    changes = models.JSONField(pgettext_lazy("entry history", "changes"), default=dict, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("entry history", "by"),
    )
    by_label = models.CharField(_("by (name)"), max_length=200, blank=True)
    proposal = models.ForeignKey(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(
        pgettext_lazy("entry history", "when"), auto_now_add=True, db_index=True
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("change of an entry")
        verbose_name_plural = _("history of the entries")

    def __str__(self) -> str:
        return f"{self.provider_id} {self.action} {self.at:%Y-%m-%d}"
