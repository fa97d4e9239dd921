"""Coming courses, groups and events about topics, for other apps' pages: a topic page
and an article (kennisbank) or the personal plan (wegwijzer).

    {% load events_tags %}
    {% events_for_topics page.topics %}      a section of its own
    {% events_for_topics topic %}            one topic slug works too
    {% coming_events plan.topics audience=plan.situation.role as events %}
        the events themselves, for a page that shows them its own way (the plan folds
        them); `events/_short_list.html` lists them
"""

from __future__ import annotations

from typing import Any

from django import template

from werkwijzer.events.services import TOPIC_EVENTS
from werkwijzer.events.services import events_for_topics as find

register = template.Library()


def _slugs(topics: Any) -> list[str]:
    if isinstance(topics, str):
        return [topics] if topics else []
    return [str(topic) for topic in topics or []]


@register.simple_tag
def coming_events(
    topics: Any, limit: int = TOPIC_EVENTS, audience: str = ""
) -> list[dict[str, Any]]:
    """At most `limit` coming events about any of the topics; none without topics."""
    wanted = _slugs(topics)
    return find(wanted, limit=limit, audience=audience) if wanted else []


@register.inclusion_tag("events/_for_topics.html")
def events_for_topics(topics: Any, limit: int = TOPIC_EVENTS) -> dict[str, Any]:
    return {"events": coming_events(topics, limit), "topics": _slugs(topics)}
