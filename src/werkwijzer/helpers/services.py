"""Writes and reads of the helper catalogue. Other apps use these, not the models."""

from __future__ import annotations

from django.db import transaction

from werkwijzer.helpers.content import HelperContent
from werkwijzer.helpers.models import Helper, HelperText


@transaction.atomic
def save_helper(content: HelperContent) -> Helper:
    """Create or update one helper and its texts from a content file (idempotent)."""
    helper, _created = Helper.objects.update_or_create(
        slug=content.slug,
        defaults={
            "order": content.order,
            "group": content.group,
            "applies_to": list(content.applies_to),
            "access_routes": list(content.access_routes),
            "cost_kind": content.cost_kind,
            "topics": list(content.topics),
            "min_age": content.min_age,
            "max_age": content.max_age,
            "sources": list(content.sources),
        },
    )
    for language, text in content.texts.items():
        HelperText.objects.update_or_create(
            helper=helper,
            language=language,
            defaults={field: text[field] for field in HelperText.TEXT_FIELDS},
        )
    helper.texts.exclude(language__in=content.texts).delete()
    return helper


def helpers_with_texts():
    return Helper.objects.prefetch_related("texts")


def access_route_label(route: str) -> str:
    """A readable name for an access route (self, or the helper slug that refers)."""
    from werkwijzer.helpers.labels import ACCESS_ROUTE_LABELS

    return str(ACCESS_ROUTE_LABELS.get(route, route))


def helper_as_dict(helper: Helper, language: str) -> dict:
    """The JSON representation of one helper in one language (falls back to Dutch)."""
    from werkwijzer.core.sources import source

    text = helper.text(language)
    return {
        "slug": helper.slug,
        "language": text.language,
        "group": helper.group,
        "title": text.title,
        "summary": text.summary,
        "what": text.what,
        "when": text.when,
        "access": {
            "text": text.access,
            "routes": helper.access_routes,
            "self_referral": "self" in helper.access_routes,
        },
        "costs": {"text": text.costs, "kind": helper.cost_kind},
        "applies_to": helper.applies_to,
        "age": {"min": helper.min_age, "max": helper.max_age},
        "topics": helper.topics,
        "facts": [
            {"text": fact["text"], "source": source(fact["source"]).as_dict()}
            for fact in text.facts
        ],
        "sources": [source(key).as_dict() for key in helper.sources],
    }


def helpers_about_topics(topics: list[str], language: str) -> list[dict]:
    """Helper kinds about any of these topics, with their page: the kennisbank's "who
    can help" links (registered with it in apps.py)."""
    from django.urls import NoReverseMatch, reverse

    wanted = set(topics)
    found = []
    for helper in Helper.objects.prefetch_related("texts"):
        if not wanted.intersection(helper.topics or []):
            continue
        try:
            url = reverse("helpers:detail", args=[helper.slug])
        except NoReverseMatch:
            continue
        found.append({"slug": helper.slug, "title": helper.text(language).title, "url": url})
    return found
