"""What the plan page and its PDF show, in short (issue 15): what to do now first, the
rest for later; the dates from today on; the articles to read; rule ids for
professionals only.

The plan itself (plan.Plan, the API's JSON) is unchanged: this only arranges it, and
adds the titles and addresses of the kennisbank's articles about its topics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings

from werkwijzer.core.roles import Viewer, is_professional
from werkwijzer.core.sources import sources
from werkwijzer.core.versions import content_version
from werkwijzer.knowledge.services import articles_for_illness, articles_for_topics
from werkwijzer.navigator.illness import illness_info
from werkwijzer.navigator.labels import party_labels
from werkwijzer.navigator.plan import Plan, date_overview, first_helpers
from werkwijzer.navigator.situation import Situation
from werkwijzer.vocabulary.labels import (
    CANCER_TYPE,
    CONCERNS,
    EMPLOYMENT,
    PHASE,
    ROLE,
    TREATMENT,
    WORKING,
)
from werkwijzer.vocabulary.slugs import slug_set, slugs

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


def illness_context(situation: Situation, shown: list[str]) -> dict[str, Any] | None:
    """What the plan adds for the kind of cancer and the treatments the person chose to
    give (issue 19), or None. ``shown``: slugs of the articles the plan lists already."""
    if not (situation.cancer_type or situation.treatments):
        return None
    language = situation.language
    info = illness_info(settings.CONTENT_DIR, situation.cancer_type, situation.treatments, language)
    tagged = articles_for_illness(info.cancer_type, list(info.treatments), language)
    # The articles about this cancer or treatment always stand here (the general list
    # leaves them out); the late-effects topics only add what the plan does not list.
    # An article about another kind of cancer or another treatment is not for this
    # person, even when it shares a late-effects topic.
    chosen = {info.cancer_type, *info.treatments}
    others = (slug_set("cancer_type") | slug_set("treatment")) - chosen
    seen = {article["slug"] for article in tagged}
    articles = list(tagged)
    for article in reading(info.topics, language):
        about_others = others.intersection(article["topics"])
        if article["slug"] not in seen | set(shown) and not about_others:
            seen.add(article["slug"])
            articles.append(article)
    register = sources()
    organisation = info.organisation
    return {
        "cancer_label": CANCER_TYPE[info.cancer_type] if info.cancer_type else "",
        "treatment_labels": [TREATMENT[slug] for slug in info.treatments],
        "organisation": organisation,
        "organisation_source": register[organisation.source] if organisation else None,
        "late_effects": [
            {"label": TREATMENT[e.treatment], "text": e.text, "source": register[e.source]}
            for e in info.late_effects
        ],
        "articles": articles[:ARTICLES_SHOWN],
        "more_articles": articles[ARTICLES_SHOWN:],
    }


def plan_context(plan: Plan, user: Viewer | None, today: dt.date | None = None) -> dict:
    """The template context of the plan page and the plan's PDF."""
    situation = plan.situation
    today = today or dt.date.today()
    first, later = first_helpers(plan.helpers)
    articles = reading(plan.topics, situation.language)
    illness = illness_context(situation, [a["slug"] for a in articles])
    if illness:
        own = {article["slug"] for article in illness["articles"]}
        articles = [article for article in articles if article["slug"] not in own]
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
        # Only on screen: never printed, never in the PDF (an employer may see those).
        "illness": illness,
        # Rule ids help a professional check the advice; others read the reason and source.
        "show_rules": is_professional(user),
    }
