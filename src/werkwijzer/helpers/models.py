"""The helper catalogue ("wie kan helpen"): every kind of helper in vocabulary.yaml.

Language-neutral facts live on Helper; texts live on HelperText, one row per language,
so a new language needs content, not code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.slugs import slugs


class Helper(models.Model):
    class Group(models.TextChoices):
        WORK = "work", _("Care aimed at work")
        CARE = "care", _("Care and treatment")
        SUPPORT = "support", _("Support and contact with others")
        INCOME = "income", _("Income and insurance")

    class CostKind(models.TextChoices):
        FREE = "free", _("Free")
        BASIC_INSURANCE = "basic-insurance", _("Covered by the basic health insurance")
        CHECK_INSURER = "check-insurer", _("Ask your health insurer")
        EMPLOYER = "employer", _("Usually paid by the employer")
        NOT_INSURED = "not-insured", _("Not covered by the health insurance")
        PUBLIC = "public", _("Paid from public funds")
        VARIES = "varies", _("Depends on your situation")

    slug = models.SlugField(_("slug"), unique=True, choices=[(s, s) for s in slugs("helpers")])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    group = models.CharField(_("group"), max_length=16, choices=Group.choices)
    applies_to = models.JSONField(
        _("applies to employment types"), default=list, help_text=_("Employment slugs.")
    )
    access_routes = models.JSONField(
        _("access routes"), default=list, help_text=_("How to reach them: self or via whom.")
    )
    cost_kind = models.CharField(_("costs"), max_length=32, choices=CostKind.choices)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    sources = models.JSONField(_("sources"), default=list)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("helper")
        verbose_name_plural = _("helpers")

    def __str__(self) -> str:
        return self.slug

    def text(self, language: str) -> "HelperText":
        """The text in this language, falling back to Dutch."""
        texts = {text.language: text for text in self.texts.all()}
        return texts.get(language) or texts["nl"]


class HelperText(models.Model):
    TEXT_FIELDS = ("title", "summary", "what", "when", "access", "costs", "facts")

    helper = models.ForeignKey(Helper, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    what = models.TextField(_("what they do"))
    when = models.JSONField(_("when to go"), default=list)
    access = models.TextField(_("how to reach them"))
    costs = models.TextField(_("costs and who pays"))
    facts = models.JSONField(_("facts with their source"), default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["helper", "language"], name="one_text_per_language")
        ]
        verbose_name = _("helper text")
        verbose_name_plural = _("helper texts")

    def __str__(self) -> str:
        return f"{self.helper.slug} ({self.language})"
