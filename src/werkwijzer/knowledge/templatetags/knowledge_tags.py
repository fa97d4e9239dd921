from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from werkwijzer.knowledge import glossary
from werkwijzer.knowledge.personas import AUDIENCES
from werkwijzer.timeline import legal_weeks as weeks
from werkwijzer.vocabulary.labels import choices_for

register = template.Library()


@register.inclusion_tag("knowledge/persona_picker.html", takes_context=True)
def persona_picker(context) -> dict:
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "persona": context.get("persona"),
        "roles": choices_for("role"),
        "employments": choices_for("employment"),
    }


@register.simple_tag
def audience_title(audience: str) -> str:
    return str(AUDIENCES.get(audience, ("",))[0])


@register.filter
def topic_label(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


@register.filter(is_safe=True)
def legal_weeks(value) -> str:
    """Fill in ``{{ week:key }}`` placeholders from the timeline's route data. Only digits
    are put in, so a safe text stays safe."""
    return weeks.resolve(str(value))


@register.filter(is_safe=True)
def glossary_links(value, language: str = "nl") -> str:
    """Link the first use of each woordenlijst term in an article's rendered body to its
    explanation (server-side: works without JavaScript)."""
    found = glossary.terms(settings.CONTENT_DIR, (language or "nl")[:2])
    return mark_safe(glossary.link_terms(str(value), found, reverse("knowledge:glossary")))
