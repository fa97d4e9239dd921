from __future__ import annotations

from django import template

from werkwijzer.knowledge.personas import AUDIENCES, EMPLOYMENT_LABELS, ROLE_LABELS

register = template.Library()


@register.inclusion_tag("knowledge/persona_picker.html", takes_context=True)
def persona_picker(context) -> dict:
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "persona": context.get("persona"),
        "roles": [(slug, str(label)) for slug, label in ROLE_LABELS.items()],
        "employments": [(slug, str(label)) for slug, label in EMPLOYMENT_LABELS.items()],
    }


@register.simple_tag
def audience_title(audience: str) -> str:
    return str(AUDIENCES.get(audience, ("",))[0])


@register.filter
def topic_label(slug: str) -> str:
    return slug.replace("-", " ").capitalize()
