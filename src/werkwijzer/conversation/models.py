"""A question list kept for a logged-in person (anonymous visitors keep it in the browser)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedQuestionList(models.Model):
    """The chosen questions, own questions and answers of one person for one conversation.

    Only its owner reads or writes it, through ``conversation.services``.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="question_lists",
        verbose_name=_("owner"),
    )
    conversation = models.SlugField(_("conversation"), max_length=64)
    data = models.JSONField(_("questions and answers"), default=dict)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("saved question list")
        verbose_name_plural = _("saved question lists")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "conversation"], name="conversation_one_list_per_owner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation} ({self.updated:%Y-%m-%d})"
