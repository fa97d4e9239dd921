"""Writes and reads of the feedback app, for its views, the search app and the editors.

- `record_feedback`: one answer to "Heb je hier iets aan?".
- `count_missed_search`: the search page calls it when a search found nothing; only the
  normalised words are kept (words.normalise), with a count per language.
- `send_contact_message`: stores the message, then queues the e-mail to the editors in
  the same transaction (core.mail), so a mail server that is down loses nothing.
- `gap_map`: what the editors' page shows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkwijzer.core.mail import send_mail_later
from werkwijzer.feedback.models import CONTACT_KEEP_DAYS, ContactMessage, Feedback, SearchMiss
from werkwijzer.feedback.words import missing_languages, most_unhelpful, normalise
from werkwijzer.knowledge.services import live_article_queryset, overdue_articles

FEEDBACK_SCOPE = "feedback"  # core.ratelimit scopes, per client address
CONTACT_SCOPE = "contact"
GAP_ROWS = 20


def record_feedback(kind: str, key: str, helpful: bool, remark: str, language: str) -> Feedback:
    return Feedback.objects.create(
        kind=kind,
        key=key[:64],
        helpful=helpful,
        remark=remark.strip()[:1000],
        language=(language or "")[:8],
    )


def count_missed_search(query: str, language: str) -> str:
    """Count one search without a result; returns the words kept ("" keeps nothing)."""
    words = normalise(query)
    if not words:
        return ""
    language = (language or settings.LANGUAGE_CODE)[:8]
    updated = SearchMiss.objects.filter(words=words, language=language).update(
        count=F("count") + 1, last_seen=timezone.localdate()
    )
    if not updated:
        try:
            with transaction.atomic():
                SearchMiss.objects.create(words=words, language=language, count=1)
        except IntegrityError:  # another request counted the same words at the same time
            SearchMiss.objects.filter(words=words, language=language).update(count=F("count") + 1)
    return words


def editor_addresses() -> list[str]:
    """Where contact messages go: WERKWIJZER_EDITORS_EMAIL, else every active editor."""
    configured = list(getattr(settings, "WERKWIJZER_EDITORS_EMAIL", []) or [])
    if configured:
        return configured
    editors = get_user_model().objects.filter(role="editor", is_active=True).exclude(email="")
    return sorted(set(editors.values_list("email", flat=True)))


def _site() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


@transaction.atomic
def send_contact_message(
    name: str, email: str, message: str, page: str, language: str
) -> ContactMessage:
    """Store the message first; the e-mail to the editors is queued with it."""
    stored = ContactMessage.objects.create(
        name=name.strip()[:100],
        email=email.strip(),
        message=message.strip(),
        page=page.strip()[:200],
        language=(language or settings.LANGUAGE_CODE)[:8],
    )
    editors = editor_addresses()
    if editors:
        link = _site() + reverse("admin:feedback_contactmessage_change", args=[stored.pk])
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Werkwijzer: a message through the contact form")
            body = _(
                "Hello,\n\nA reader sent a message to the editors:\n\n%(message)s\n\n"
                "Read it and mark it as handled here:\n%(link)s\n\nWerkwijzer"
            ) % {"message": stored.message, "link": link}
        # Replying to this e-mail reaches the reader; the address is not in the text.
        reply_to = [stored.email] if stored.email else []
        send_mail_later(subject, body, editors, kind="feedback.contact", reply_to=reply_to)
    return stored


def mark_handled(pks: list[int]) -> int:
    """Handled: the name and e-mail address go at once (the reply has been sent)."""
    return ContactMessage.objects.filter(pk__in=pks).update(
        status=ContactMessage.Status.HANDLED, email="", name="", handled_at=timezone.now()
    )


def purge_old_messages(now: dt.datetime | None = None) -> int:
    """Delete contact messages older than CONTACT_KEEP_DAYS, handled or not."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=CONTACT_KEEP_DAYS)
    deleted, _by_model = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
    return deleted


# --- the editors' gap map ---------------------------------------------------------------


@dataclass
class ArticleRow:
    title: str
    url: str
    admin_url: str
    yes: int = 0
    no: int = 0
    remarks: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    next_review: dt.date | None = None


@dataclass
class GapMap:
    searches: list[SearchMiss]
    unhelpful: list[ArticleRow]
    overdue: list[ArticleRow]
    untranslated: list[ArticleRow]
    plan: tuple[int, int]
    messages_new: int


def _row(article, **extra) -> ArticleRow:
    return ArticleRow(
        title=article.title,
        url=article.url or "",
        admin_url=reverse("wagtailadmin_pages:edit", args=[article.pk]),
        **extra,
    )


def _unhelpful() -> list[ArticleRow]:
    answers = (
        Feedback.objects.filter(kind=Feedback.Kind.ARTICLE)
        .values("key")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    ranked = most_unhelpful({a["key"]: (a["yes"], a["no"]) for a in answers}, GAP_ROWS)
    keys = [int(key) for key, _yes, _no in ranked if key.isdigit()]
    articles = {str(a.pk): a for a in live_article_queryset().filter(pk__in=keys)}
    remarks: dict[str, list[str]] = defaultdict(list)
    recent = Feedback.objects.filter(kind=Feedback.Kind.ARTICLE, helpful=False, key__in=articles)
    for key, remark in recent.exclude(remark="").order_by("-pk").values_list("key", "remark"):
        if len(remarks[key]) < 3:
            remarks[key].append(remark)
    return [
        _row(articles[key], yes=yes, no=no, remarks=remarks[key])
        for key, yes, no in ranked
        if key in articles
    ]


def _untranslated() -> list[ArticleRow]:
    languages = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    versions: dict[str, set[str]] = defaultdict(set)
    first: dict[str, object] = {}
    for article in live_article_queryset().select_related("locale").order_by("title"):
        key = str(article.translation_key)
        versions[key].add(article.locale.language_code)
        first.setdefault(key, article)
    missing = missing_languages(dict(versions), languages)
    return [_row(first[key], languages=missing[key]) for key in first if key in missing]


def gap_map() -> GapMap:
    searches = list(SearchMiss.objects.order_by("-count", "-last_seen", "words")[:GAP_ROWS])
    overdue = [_row(a, next_review=a.next_review) for a in overdue_articles()[:GAP_ROWS]]
    plan = Feedback.objects.filter(kind=Feedback.Kind.PLAN).aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    return GapMap(
        searches=searches,
        unhelpful=_unhelpful(),
        overdue=overdue,
        untranslated=_untranslated(),
        plan=(plan["yes"], plan["no"]),
        messages_new=ContactMessage.objects.filter(status=ContactMessage.Status.NEW).count(),
    )
