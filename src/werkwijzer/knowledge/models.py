"""The kennisbank: an index page and article pages, with expert review and personas.

Articles are Wagtail pages, so they get revisions, the moderation workflow (an expert
approves before anything is published), translations per locale and the search index.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from werkwijzer.core.text import stems, words
from werkwijzer.knowledge import personas
from werkwijzer.knowledge.blocks import ArticleBodyBlock, SourceBlock
from werkwijzer.knowledge.forms import ArticlePageForm
from werkwijzer.knowledge.text import article_passages
from werkwijzer.timeline import legal_weeks

SEARCH_DATA_VERSION = 2


class KnowledgeIndexPage(Page):
    """The root of the kennisbank in one language: lists the articles, persona first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.ArticlePage"]
    template = "knowledge/index_page.html"

    class Meta:
        verbose_name = _("knowledge base")

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # An article that is not translated yet: serve the Dutch original.
            default = Locale.get_default()
            if not path_components or self.locale_id == default.id:
                raise
            original = self.get_translation_or_none(default)
            if original is None:
                raise
            return original.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from werkwijzer.knowledge.services import articles_for_listing

        context = super().get_context(request, *args, **kwargs)
        persona = personas.from_request(request)
        topic = request.GET.get("onderwerp", "")
        context.update(
            persona=persona,
            topic=topic,
            sections=articles_for_listing(translation.get_language(), persona, topic),
        )
        return context


class ArticlePage(Page):
    class ReadingLevel(models.TextChoices):
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"

    summary = models.TextField(_("summary"), help_text=_("One or two sentences."))
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    topics = models.JSONField(_("topics"), default=list)
    roles = models.JSONField(_("for whom (role)"), default=list, blank=True)
    employments = models.JSONField(_("for whom (work situation)"), default=list, blank=True)
    phases = models.JSONField(_("phases"), default=list, blank=True)
    keywords = models.TextField(
        _("words people use"),
        blank=True,
        help_text=_("Lay words and phrases people search with, separated by commas."),
    )
    sources = StreamField([("source", SourceBlock())], verbose_name=_("sources"), blank=True)
    reading_level = models.CharField(
        _("reading level"), max_length=2, choices=ReadingLevel.choices, default=ReadingLevel.B1
    )
    # Set only by an expert's approval in the review workflow (signals.record_review),
    # never typed by an editor: the page may only say it was checked when it was.
    reviewed_on = models.DateField(_("checked on"), null=True, blank=True, editable=False)
    next_review = models.DateField(_("next review"), null=True, blank=True, editable=False)
    search_data = models.JSONField(default=dict, editable=False)
    content_digest = models.CharField(max_length=32, blank=True, editable=False)

    base_form_class = ArticlePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("roles"),
                FieldPanel("employments"),
                FieldPanel("phases"),
                FieldPanel("keywords"),
                FieldPanel("reading_level"),
            ],
            heading=_("Topics and readers"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("keywords", boost=3),
        index.SearchField("body"),
        index.FilterField("next_review"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []
    template = "knowledge/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @cached_property
    def current_review(self) -> ArticleReview | None:
        """The expert approval of the text that is live now, if there is one. A text
        changed and published after the approval has not been checked."""
        if not self.live_revision_id:
            return None
        return self.reviews.filter(revision_id=self.live_revision_id).first()

    @property
    def reviewed_by(self) -> str:
        review = self.current_review
        return review.reviewer_line if review else ""

    @property
    def review_overdue(self) -> bool:
        # The dates first: they are on the page, the review costs a query.
        return (
            self.next_review is not None
            and self.next_review < timezone.localdate()
            and self.current_review is not None
        )

    def source_list(self) -> list[dict]:
        return [dict(block.value) for block in self.sources]

    def build_search_data(self) -> dict:
        """Stems per field and the plain passages, stored so that ranking and passages
        never have to render the body (see search/index.py)."""
        language = self.locale.language_code if self.locale_id else "nl"
        # Legal weeks are filled in, so that "week 93" finds the WIA article.
        passages = [legal_weeks.resolve(passage) for passage in article_passages(self.body)]
        topic_words = " ".join(slug.replace("-", " ") for slug in self.topics)
        lead = legal_weeks.resolve(f"{self.summary} {self.keywords} {topic_words}")
        return {
            "version": SEARCH_DATA_VERSION,
            "title": stems(self.title),
            "lead": stems(lead),
            "body": sorted(set(stems(" ".join(passages)))),
            "words": sorted(set(words(f"{self.title} {lead} {' '.join(passages)}"))),
            "passages": passages,
            "language": language,
            "weeks": legal_weeks.fingerprint(),
        }

    def save(self, *args, **kwargs):
        self.search_data = self.build_search_data()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        persona = personas.from_request(request)
        language = translation.get_language() or "nl"
        from werkwijzer.knowledge.services import helpers_for_topics

        context.update(
            persona=persona,
            open_audiences=persona.audiences(),
            helpers=helpers_for_topics(self.topics, language),
            translations=self.get_translations(inclusive=False).live(),
            not_in_language=self.locale.language_code != language.split("-")[0],
            today=datetime.date.today(),
        )
        return context


class ArticleReview(models.Model):
    """An expert's approval of one revision of an article in the review workflow.

    Written only by ``signals.record_review`` when the workflow is approved. The name and
    profession are those of the approving user's account at that moment, so the page
    shows who really checked the text."""

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="reviews")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewer_name = models.CharField(_("name"), max_length=200, blank=True)
    reviewer_profession = models.CharField(_("profession"), max_length=200, blank=True)
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)

    class Meta:
        ordering = ["-approved_at"]
        verbose_name = _("expert review")
        verbose_name_plural = _("expert reviews")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.reviewer_line}"

    @property
    def reviewer_line(self) -> str:
        return ", ".join(part for part in (self.reviewer_name, self.reviewer_profession) if part)
