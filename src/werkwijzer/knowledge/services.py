"""Reads of the kennisbank for pages, other apps and search. Plain functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Locale

from werkwijzer.knowledge.models import ArticlePage
from werkwijzer.knowledge.personas import Persona


@dataclass
class Listing:
    for_you: list[ArticlePage] = field(default_factory=list)
    others: list[ArticlePage] = field(default_factory=list)


def locale_for(language: str | None) -> Locale | None:
    """The locale of a language, else the default one; None before any locale exists."""
    code = (language or "nl").split("-")[0]
    found = Locale.objects.filter(language_code=code).first()
    if found is None:
        try:
            found = Locale.get_default()
        except Locale.DoesNotExist:
            return None
    return found


def live_article_queryset() -> QuerySet[ArticlePage]:
    """Every live article in every language, for search to index and query."""
    return ArticlePage.objects.live()


def live_articles(language: str | None) -> list[ArticlePage]:
    """Live articles in this language; Dutch originals where no translation exists yet."""
    locale = locale_for(language)
    if locale is None:  # a fresh database without the kennisbank: nothing to show
        return []
    live = ArticlePage.objects.live().select_related("locale")  # the list shows its language
    articles = list(live.filter(locale=locale).order_by("title"))
    default = Locale.get_default()
    if locale.pk != default.pk:
        translated = {article.translation_key for article in articles}
        articles += [
            article
            for article in live.filter(locale=default).order_by("title")
            if article.translation_key not in translated
        ]
    return articles


def articles_for_listing(language: str | None, persona: Persona, topic: str = "") -> Listing:
    listing = Listing()
    for article in live_articles(language):
        if topic and topic not in article.topics:
            continue
        if persona.is_set and persona.matches(article.roles, article.employments):
            listing.for_you.append(article)
        else:
            listing.others.append(article)
    return listing


def articles_for_topics(topics: list[str], language: str | None = "nl") -> list[dict]:
    """Title, URL, topics and language of the live articles about any of these topics (for
    other apps): a Dutch original stands in for a missing translation, and says so."""
    wanted = set(topics)
    return [
        {
            "slug": article.slug,
            "title": article.title,
            "url": article.url,
            "topics": article.topics,
            "language": article.locale.language_code,
        }
        for article in live_articles(language)
        if wanted.intersection(article.topics)
    ]


def articles_for_illness(
    cancer_type: str | None, treatments: list[str], language: str | None = "nl"
) -> list[dict]:
    """Title, URL and language of the live articles about this kind of cancer or one of
    these treatments (their slug of vocabulary.yaml among the article's topics), the kind
    of cancer first; for the wegwijzer's plan."""
    wanted = set(treatments) | ({cancer_type} if cancer_type else set())
    found = [
        {
            "slug": article.slug,
            "title": article.title,
            "url": article.url,
            "topics": article.topics,
            "language": article.locale.language_code,
            "about_cancer": cancer_type in article.topics,
        }
        for article in live_articles(language)
        if wanted.intersection(article.topics)
    ]
    return sorted(found, key=lambda article: not article["about_cancer"])


def overdue_articles():
    """Articles whose next expert review date has passed (for the editors' report)."""
    return ArticlePage.objects.filter(next_review__lt=timezone.localdate()).order_by("next_review")


# The helper catalogue hands the kennisbank its "who can help" links when it starts
# (helpers/apps.py): the kennisbank does not import the helpers app, which links to
# articles itself (one direction between the apps, .importlinter).
HelperSource = Callable[[list[str], str], list[dict]]
_helper_source: list[HelperSource] = []


def register_helper_source(source: HelperSource) -> None:
    _helper_source[:] = [source]


def helpers_for_topics(topics: list[str], language: str | None = "nl") -> list[dict]:
    """Helper kinds about any of these topics ({slug, title, url}), for the "who can
    help" links of an article; none without the helper catalogue."""
    if not _helper_source:
        return []
    return _helper_source[0](list(topics), (language or "nl")[:2])
