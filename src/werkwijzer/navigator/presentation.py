"""What the plan page and its PDF show, in short (issue 15): what to do now first, the
rest for later; the dates from today on; the articles to read; rule ids for
professionals only.

The plan itself (engine.Plan, the API's JSON) is unchanged: this only arranges it, and
adds the titles and addresses of the kennisbank's articles about its topics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from werkwijzer.core.roles import Viewer, is_professional
from werkwijzer.core.versions import content_version
from werkwijzer.knowledge.services import articles_for_topics
from werkwijzer.navigator.engine import Plan, date_overview, first_helpers
from werkwijzer.navigator.labels import party_labels
from werkwijzer.vocabulary.labels import CONCERNS, EMPLOYMENT, PHASE, ROLE, WORKING
from werkwijzer.vocabulary.slugs import slugs

ARTICLES_SHOWN = 5  # the rest of the plan's articles are folded


# The articles change only when one is published or unpublished, which moves the content
# version (core.versions): their links are kept per language until then, as the helper
# catalogue is, so a plan page asks the kennisbank nothing most of the time.
_articles_cache: dict[str, Any] = {"version": None, "by_language": {}}


def _article_links(language: str) -> list[dict[str, Any]]:
    version = content_version()
    if version != _articles_cache["version"]:
        _articles_cache.update(version=version, by_language={})
    by_language = _articles_cache["by_language"]
    if language not in by_language:
        by_language[language] = articles_for_topics(list(slugs("topics")), language)
    return by_language[language]


def reading(topics: Iterable[str], language: str) -> list[dict[str, Any]]:
    """The kennisbank's live articles about the plan's topics, each once, in the order of
    the topics (the rules list the most important first)."""
    order = {topic: index for index, topic in enumerate(topics)}
    about = [a for a in _article_links(language) if order.keys() & set(a["topics"])]
    return sorted(about, key=lambda a: min(order[t] for t in a["topics"] if t in order))


def plan_context(plan: Plan, user: Viewer | None, today: dt.date | None = None) -> dict:
    """The template context of the plan page and the plan's PDF."""
    situation = plan.situation
    today = today or dt.date.today()
    first, later = first_helpers(plan.helpers)
    articles = reading(plan.topics, situation.language)
    return {
        "plan": plan,
        "answers": situation.as_dict(),
        "summary": [
            ROLE[situation.role],
            EMPLOYMENT[situation.employment],
            PHASE[situation.phase],
            WORKING[situation.working],
        ],
        "concern_labels": [CONCERNS[c] for c in situation.concerns],
        "parties": party_labels(situation.role),
        "first_helpers": first,
        "later_helpers": later,
        "dates": date_overview(plan.milestones, today, situation.language),
        "today": today,
        "articles": articles[:ARTICLES_SHOWN],
        "more_articles": articles[ARTICLES_SHOWN:],
        # Rule ids help a professional check the advice; others read the reason and source.
        "show_rules": is_professional(user),
    }
