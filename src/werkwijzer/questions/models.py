"""Vraag de specialist (questions from anyone, answered by a BACO/KAG, some published as
FAQ) and intercollegial consultation (a professional asks a BACO/KAG about a case).

Writes go through `werkwijzer.questions.services`; views and the API never save these
models themselves.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkwijzer.core.i18n import current_language
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks
from werkwijzer.vocabulary.slugs import slugs

TOPIC_CHOICES = [(slug, slug.replace("-", " ").capitalize()) for slug in slugs("topics")]


def new_token() -> str:
    """A private link token: 192 random bits, URL-safe, unguessable."""
    return secrets.token_urlsafe(24)


class Question(models.Model):
    """A question from a visitor, without an account."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLAIMED = "claimed", _("Being answered")
        ANSWERED = "answered", _("Answered")

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    text = models.TextField(_("question"))
    topic = models.CharField(_("topic"), max_length=64, choices=TOPIC_CHOICES, blank=True)
    email = models.EmailField(
        _("e-mail for the notification"),
        blank=True,
        help_text=_("Only used to say that the answer is ready; blanked once that is sent."),
    )
    consent_publication = models.BooleanField(_("may be published anonymously"), default=False)
    language = models.CharField(_("language"), max_length=8, default="nl")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claimed_questions",
    )
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_questions",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    notified_at = models.DateTimeField(_("asker notified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return f"#{self.pk} {self.text[:60]}"

    @property
    def publishable(self) -> bool:
        return self.status == self.Status.ANSWERED and self.consent_publication


class FaqEntry(models.Model):
    """An anonymised question and answer, edited and published by an editor."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    source = models.OneToOneField(
        Question,
        verbose_name=_("from question"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faq",
    )
    question_nl = models.TextField(_("question (Dutch)"))
    answer_nl = models.TextField(_("answer (Dutch)"))
    question_en = models.TextField(_("question (English)"), blank=True)
    answer_en = models.TextField(_("answer (English)"), blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    sources = models.JSONField(
        _("sources"), default=list, blank=True, help_text=_("Keys of core/sources.yaml.")
    )
    published = models.BooleanField(_("published"), default=False, db_index=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        return self.question_nl[:80]

    def text(self, language: str | None = None) -> tuple[str, str]:
        """Question and answer in the language asked for, Dutch when there is none; the
        legal weeks in the answer ({{ week:key }}) come from the timeline's route data."""
        language = (language or current_language()).split("-")[0]
        if language == "en" and self.question_en and self.answer_en:
            return self.question_en, resolve_weeks(self.answer_en)
        return self.question_nl, resolve_weeks(self.answer_nl)

    @property
    def expert(self):
        """The BACO or KAG whose answer this entry is (from the question it came from),
        or None: then the editors wrote it and no expert has checked it."""
        user = self.source.answered_by if self.source_id and self.source else None
        if user is None or not (user.is_baco_or_kag or user.role == user.Role.EXPERT):
            return None
        return user

    @property
    def expert_line(self) -> str:
        """Real name and profession from the expert's account ("a BACO" without a name)."""
        user = self.expert
        if user is None:
            return ""
        profession = str(user.get_profession_display()) if user.profession else ""
        return ", ".join(part for part in (user.get_full_name().strip(), profession) if part)

    @property
    def edited_after_answer(self) -> bool:
        """True when the published Dutch answer is not the expert's own text (the editors
        changed it, for example to leave out personal details)."""
        if self.expert is None:
            return False
        return " ".join(self.answer_nl.split()) != " ".join(self.source.answer.split())

    def source_list(self) -> list:
        from werkwijzer.core.sources import sources

        register = sources()
        return [register[key] for key in self.sources if key in register]

    @property
    def question(self) -> str:
        return self.text()[0]

    @property
    def answer(self) -> str:
        return self.text()[1]


class Consultation(models.Model):
    """An intercollegial consultation: a professional asks a BACO/KAG about a case."""

    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="consultations_asked",
    )
    provider = models.ForeignKey(
        "directory.Provider",
        verbose_name=_("asked of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        help_text=_("Empty: any BACO or KAG may answer."),
    )
    subject = models.CharField(_("subject"), max_length=200)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last message at"), default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("intercollegial consultation")
        verbose_name_plural = _("intercollegial consultations")

    def __str__(self) -> str:
        return self.subject


class ConsultationMessage(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("consultation message")
        verbose_name_plural = _("consultation messages")

    def __str__(self) -> str:
        return f"{self.author} {self.created_at:%Y-%m-%d %H:%M}"
