"""What readers tell the editors: "Heb je hier iets aan?", searches without a result and
messages sent through the contact form.

None of them holds who sent it: no account, no session, no address. A remark or a
message holds only what the reader typed; a contact message keeps an e-mail address for
the reply, and is deleted after CONTACT_KEEP_DAYS (tasks.purge_contact_messages).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# How long a contact message (with its e-mail address) is kept at most.
CONTACT_KEEP_DAYS = 90
REMARK_LENGTH = 1000
MESSAGE_LENGTH = 3000


class Feedback(models.Model):
    """One answer to "Heb je hier iets aan?" on an article or a plan."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("article")
        PLAN = "plan", _("personal plan")

    kind = models.CharField(_("page"), max_length=16, choices=Kind.choices)
    # The article's page id, or the plan's route ("poortwachter"): never a person.
    key = models.CharField(_("which"), max_length=64, blank=True)
    helpful = models.BooleanField(_("helpful"))
    remark = models.TextField(_("remark"), max_length=REMARK_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    # The day only: a time would help to link an answer to a visit in a server log.
    created_on = models.DateField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer to “Was this useful?”")
        verbose_name_plural = _("answers to “Was this useful?”")
        indexes = [models.Index(fields=["kind", "key"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}: {'+' if self.helpful else '-'}"


class SearchMiss(models.Model):
    """How often these words were searched without any result (words.normalise)."""

    words = models.CharField(_("words"), max_length=120)
    language = models.CharField(_("language"), max_length=8)
    count = models.PositiveIntegerField(_("times"), default=0)
    first_seen = models.DateField(_("first searched"), auto_now_add=True)
    last_seen = models.DateField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("search without a result")
        verbose_name_plural = _("searches without a result")
        constraints = [
            models.UniqueConstraint(fields=["words", "language"], name="feedback_miss_unique")
        ]

    def __str__(self) -> str:
        return f"{self.words} ({self.count})"


class ContactMessage(models.Model):
    """A message to the editors, stored before the e-mail about it is queued."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("contact message status", "New")
        HANDLED = "handled", pgettext_lazy("contact message status", "Handled")

    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    message = models.TextField(_("message"), max_length=MESSAGE_LENGTH)
    page = models.CharField(_("about the page"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        pgettext_lazy("contact message", "status"),
        max_length=16,
        choices=Status.choices,
        default=Status.NEW,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:60]
