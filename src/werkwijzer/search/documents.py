"""What search can find: one Document shape for articles, helper kinds, providers and
the published FAQ of Vraag de specialist.

Each source reads its app through that app's models or services, read-only. Articles
come from the Wagtail search backend (the full-text engine); the helper catalogue and
the directory are small and are read whole.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from django.db import transaction
from django.urls import NoReverseMatch, reverse

from werkwijzer.core.text import fold, stems, words
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks

logger = logging.getLogger(__name__)

ARTICLE, HELPER, PROVIDER, FAQ = "article", "helper", "provider", "faq"
TYPES = (ARTICLE, HELPER, PROVIDER, FAQ)


@dataclass
class Document:
    type: str
    slug: str
    title: str
    url: str
    topics: list[str]
    language: str
    title_stems: frozenset[int]  # stem numbers of the lexicon (search/index.py)
    lead_stems: frozenset[int]
    body_stems: frozenset[int]
    passages: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    employments: list[str] = field(default_factory=list)
    group: str = ""  # articles: translation key, so translations count once
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.key or f"{self.type}:{self.language}:{self.slug}"

    def all_stems(self) -> frozenset[int]:
        return self.title_stems | self.lead_stems | self.body_stems


@cache
def _serve_prefix() -> str:
    return reverse("wagtail_serve", args=[""])


def _article_url(url_path: str) -> str:
    """The public URL of an article from its tree path (the first part is the locale root)."""
    relative = "/".join(url_path.strip("/").split("/")[1:])
    return _serve_prefix() + (f"{relative}/" if relative else "")


def article_document(row: dict, title, lead, body) -> Document:
    return Document(
        type=ARTICLE,
        slug=row["slug"],
        title=row["title"],
        url=_article_url(row["url_path"]),
        topics=list(row["topics"] or []),
        language=row["locale__language_code"],
        title_stems=title,
        lead_stems=lead,
        body_stems=body,
        roles=list(row["roles"] or []),
        employments=list(row["employments"] or []),
        group=str(row["translation_key"]),
        key=f"article:{row['id']}",
    )


def live_articles():
    from werkwijzer.knowledge.services import live_article_queryset

    return live_article_queryset()


def locale_ids() -> dict[str, int]:
    """The Wagtail locale of each language code."""
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("language_code", "pk"))


def article_candidates(backend_words: list[str], locales: list[int], limit: int) -> list[int]:
    """Ids of live articles in these locales that match any of the words, according to
    the Wagtail search backend, in no particular order within a locale: search ranks
    them itself. The locales are taken in the order of their ids, up to `limit` in all.

    One query per locale: each filters on a single locale, so ordering by it is ordering
    by a constant and PostgreSQL answers from its full-text (GIN) index. Ordering several
    locales by locale_id made it walk the pages in that order instead, testing each row
    against the query: 0.5 ms became 360 ms at 100,000 articles for every English
    question (issue 16). Ranking inside the engine (ts_rank) and the pages' own order
    (their tree path) would cost the same walk."""
    if not backend_words:
        return []
    text = " ".join(backend_words)
    ids: list[int] = []
    for locale in sorted(set(locales)):
        if len(ids) >= limit:
            break
        queryset = (
            live_articles()
            .filter(locale_id=locale)
            .order_by("locale_id")
            # Plain ids: building page objects (Wagtail pages are model clusters) for
            # the candidates cost as much as the engine's query itself.
            .values_list("pk", flat=True)
        )
        results = queryset.search(text, operator="or", order_by_relevance=False)
        ids.extend(results[: limit - len(ids)])
    return ids


def article_passages(ids: list[int]) -> dict[int, list[str]]:
    """The stored passages of these articles (only the top results need them)."""
    from django.db.models.fields.json import KeyTransform

    rows = (
        live_articles()
        .filter(pk__in=ids)
        .annotate(p=KeyTransform("passages", "search_data"))
        .values_list("pk", "p")
    )
    return {pk: passages or [] for pk, passages in rows}


def _helper_documents(lexicon) -> list[Document]:
    try:
        from werkwijzer.helpers.services import helpers_with_texts
    except ImportError:  # the helper catalogue is not installed
        return []
    documents = []
    for helper in helpers_with_texts():
        for text in helper.texts.all():
            when = [str(item) for item in (text.when or [])]
            passages = [text.summary, text.what, *when, text.access, text.costs]
            topic_words = " ".join(slug.replace("-", " ") for slug in helper.topics or [])
            try:
                url = reverse("helpers:detail", args=[helper.slug])
            except NoReverseMatch:
                url = ""
            documents.append(
                Document(
                    type=HELPER,
                    slug=helper.slug,
                    title=text.title,
                    url=url,
                    topics=list(helper.topics or []),
                    language=text.language,
                    title_stems=_encode(lexicon, f"{text.title} {helper.slug.replace('-', ' ')}"),
                    lead_stems=_encode(lexicon, f"{text.summary} {topic_words}"),
                    body_stems=_encode(lexicon, " ".join(p for p in passages if p)),
                    passages=[p for p in passages if p],
                    words=words(" ".join([text.title, *[p for p in passages if p]])),
                    employments=list(helper.applies_to or []),
                    group=f"helper:{helper.slug}",
                )
            )
    return documents


# The published FAQ answers come from the questions app, which also holds private
# questions: it hands search its public entries (questions/apps.py), so search never
# imports it (.importlinter, contract public-apps).
_faq_source: Callable[[], Iterable] | None = None


def register_faq_source(source: Callable[[], Iterable]) -> None:
    global _faq_source
    _faq_source = source


def published_faq() -> Iterable | None:
    """Published FAQ entries of Vraag de specialist (None without the questions app)."""
    return None if _faq_source is None else _faq_source()


def _faq_documents(lexicon) -> list[Document]:
    entries = published_faq()
    if entries is None:
        return []
    documents = []
    for entry in entries:
        url = reverse("questions:faq_detail", args=[entry.slug])
        topic_words = " ".join(slug.replace("-", " ") for slug in entry.topics or [])
        texts = [("nl", entry.question_nl, entry.answer_nl)]
        if entry.question_en and entry.answer_en:
            texts.append(("en", entry.question_en, entry.answer_en))
        for language, question, raw_answer in texts:
            answer = resolve_weeks(raw_answer)  # legal weeks from the timeline's routes
            passages = [p for p in answer.split("\n") if p.strip()]
            documents.append(
                Document(
                    type=FAQ,
                    slug=entry.slug,
                    title=question,
                    url=url,
                    topics=list(entry.topics or []),
                    language=language,
                    title_stems=_encode(lexicon, question),
                    lead_stems=_encode(lexicon, topic_words),
                    body_stems=_encode(lexicon, answer),
                    passages=passages,
                    words=words(f"{question} {answer}"),
                    group=f"faq:{entry.slug}",
                )
            )
    return documents


def places() -> frozenset[str]:
    """Folded municipality names the directory knows (empty without the directory)."""
    try:
        from werkwijzer.directory.services import municipality_names

        with transaction.atomic():
            return frozenset(fold(name) for name in municipality_names())
    except Exception:  # the directory is absent or not migrated: search the rest
        logger.warning("directory places could not be read for search", exc_info=True)
        return frozenset()


def nearby_providers(kind: str, place: str, limit: int = 3) -> list[dict]:
    """Providers of one helper kind near a place or postcode, through the directory."""
    try:
        from werkwijzer.directory.services import nearby
    except ImportError:
        return []
    return nearby(kind, place, limit=limit)


def _encode(lexicon, text: str) -> frozenset[int]:
    return frozenset(lexicon.encode(stems(text)))


def small_documents(lexicon) -> list[Document]:
    """Helper kinds and FAQ entries: few enough to keep in memory."""
    return _helper_documents(lexicon) + _faq_documents(lexicon)
