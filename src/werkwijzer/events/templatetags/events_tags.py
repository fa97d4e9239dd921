"""`{% events_for_topics topics %}`: coming courses, groups and events about these
topics, for a topic page (kennisbank) or the personal plan (wegwijzer).

    {% load events_tags %}
    {% events_for_topics plan.topics %}
    {% events_for_topics topic %}            one topic slug works too
"""

from __future__ import annotations

from typing import Any

from django import template

from werkwijzer.events.services import events_for_topics as find

register = template.Library()


@register.inclusion_tag("events/_for_topics.html")
def events_for_topics(topics: Any, limit: int = 3) -> dict[str, Any]:
    if isinstance(topics, str):
        topics = [topics] if topics else []
    wanted = [str(topic) for topic in topics or []]
    return {"events": find(wanted, limit=limit) if wanted else [], "topics": wanted}
