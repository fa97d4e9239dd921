"""The wegwijzer's engine: a Situation and the helper catalogue in, a Plan out.

Pure Python, no Django. It applies the rules (navigator.rules) to the situation, keeps
the helpers of the catalogue (navigator.catalogue) that apply, adds the sick-leave route
(timeline app) and the screening's vulnerable groups, and orders it all into a plan
(navigator.plan). The other apps come in as sources passed to `plan`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from werkwijzer.navigator.catalogue import CatalogueEntry, applicable_helpers
from werkwijzer.navigator.plan import (
    Attention,
    Notice,
    Plan,
    PlannedHelper,
    PlannedMilestone,
    Reason,
)
from werkwijzer.navigator.rules import Rule, candidate_rules, derived_flags, fired
from werkwijzer.navigator.situation import Situation, route_input
from werkwijzer.timeline.routes import RouteInput, format_date, route_for

MAX_NEXT_STEPS = 3
UPCOMING_STEP = {"nl": "Uiterlijk {date}: {what}", "en": "By {date}: {what}"}
# Due today, "Uiterlijk" would read oddly; the repeating evaluation is named, not numbered.
TODAY_STEP = {"nl": "Vandaag: {what}", "en": "Today: {what}"}
EVALUATION_STEP = {
    "nl": "Uiterlijk {date}: de volgende evaluatie van het plan van aanpak. Bespreek samen hoe "
    "het gaat en pas het plan aan als dat nodig is.",
    "en": "By {date}: the next review of the plan of action. Discuss together how it goes "
    "and adjust the plan when needed.",
}


@dataclass
class _Collected:
    priority: dict[str, int] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, list[Reason]] = field(default_factory=dict)
    topics: dict[str, None] = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)
    steps: list[tuple[int, int, str]] = field(default_factory=list)


def _collect(
    situation: Situation,
    usable: frozenset[str],
    rules: tuple[Rule, ...] | None,
    flags: Mapping[str, bool],
) -> _Collected:
    """What the rules that fire add, keeping only helpers in `usable`."""
    found = _Collected()
    true_flags = frozenset(name for name, value in flags.items() if value)
    for candidate in candidate_rules(rules, situation):
        outcome = fired(candidate, situation, true_flags)
        if outcome is None:
            continue
        index, rule, _static_outcome = candidate
        for helper in rule.helpers:
            if helper.slug not in usable:
                continue
            found.priority[helper.slug] = min(found.priority.get(helper.slug, 9), helper.priority)
            found.first_seen.setdefault(helper.slug, index)
            found.reasons.setdefault(helper.slug, []).append(outcome.reason_for(helper.slug))
        found.topics.update(dict.fromkeys(rule.topics))
        if outcome.warning:
            found.warnings.append(outcome.warning)
        if outcome.step:
            found.steps.append((rule.step_priority, index, outcome.step))
    return found


@dataclass(frozen=True)
class PlannedRoute:
    """The sick-leave route of a plan: which one, its milestones and its warnings."""

    kind: str | None
    milestones: tuple[PlannedMilestone, ...] = ()
    alerts: tuple[Notice, ...] = ()


def route_milestones(situation: Situation, today: dt.date) -> PlannedRoute:
    """The person's sick-leave route (timeline app) as plan items: the plan passes the
    same RouteInput as the timeline page, so both give the same dates."""
    return _planned_route(route_input(situation), situation.language, today)


@lru_cache(maxsize=4096)
def _planned_route(given: RouteInput, language: str, today: dt.date) -> PlannedRoute:
    # A pure function of its arguments, so the result can be remembered.
    if given.employment == "zzp":
        return PlannedRoute(None)  # the plan does not ask the policy's waiting time
    route = route_for(given, language=language, today=today)
    milestones = tuple(
        PlannedMilestone(
            code=m.code,
            due=m.due,
            week=m.week,
            who=m.who,
            what=m.what,
            source=m.source,
            optional=m.optional,
        )
        for m in route.milestones
    )
    alerts = tuple(Notice(f"route-{a.key}", a.text, a.source) for a in route.alerts)
    return PlannedRoute(route.kind if milestones else None, milestones, alerts)


MilestoneSource = Callable[[Situation, dt.date], "PlannedRoute | Iterable[PlannedMilestone]"]
NearbySource = Callable[[str, str], Iterable[Mapping[str, Any]]]
ScreeningSource = Callable[[Situation], Iterable[Attention]]
# Helpers a vulnerable group's flow chart refers to come after those the rules call urgent.
ATTENTION_PRIORITY = 3


# The group's reason speaks of the group, not of the helper it brings in: the sentence
# after it names the helper, so that the helper's card explains that helper.
ATTENTION_HELPER = {
    "nl": "{reason} Daarom staat ook deze hulp in je plan: {title}.",
    "en": "{reason} That is why your plan also includes: {title}.",
}


@lru_cache(maxsize=4096)
def _attention_reason(group: Attention, title: str, language: str) -> Reason:
    # Groups come from the screening's cache, so the same few reasons recur.
    template = ATTENTION_HELPER.get(language, ATTENTION_HELPER["nl"])
    text = template.format(reason=group.reason, title=title)
    return Reason(group.rule, text, {"group": group.label}, group.source)


def _add_attention(
    found: _Collected,
    attention: Iterable[Attention],
    usable: frozenset[str],
    catalogue: Mapping[str, CatalogueEntry],
    language: str,
) -> None:
    """Let the screening's flags bring in the helpers of their flow charts, with the reason."""
    first_index = len(found.first_seen) + 1000  # after every rule-found helper of equal priority
    for offset, group in enumerate(attention):
        for slug in group.refer:
            if slug not in usable:
                continue
            reason = _attention_reason(group, catalogue[slug].title, language)
            found.priority[slug] = min(found.priority.get(slug, 9), ATTENTION_PRIORITY)
            found.first_seen.setdefault(slug, first_index + offset)
            found.reasons.setdefault(slug, []).append(reason)


def _upcoming_step(milestone: PlannedMilestone, today: dt.date, language: str) -> str:
    """The next dated step, as the first thing to do."""
    if milestone.code == "evaluatie":
        templates = EVALUATION_STEP
    else:
        templates = TODAY_STEP if milestone.due == today else UPCOMING_STEP
    template = templates.get(language, templates["nl"])
    return template.format(date=format_date(milestone.due, language), what=milestone.what)


def _planned_helpers(
    found: _Collected,
    catalogue: Mapping[str, CatalogueEntry],
    situation: Situation,
    nearby: NearbySource | None,
) -> tuple[PlannedHelper, ...]:
    """The helpers found, most urgent first, with their reasons and (given a postcode)
    the providers nearby."""
    ordered = sorted(
        found.priority,
        key=lambda slug: (found.priority[slug], found.first_seen[slug], catalogue[slug].order),
    )
    postcode = situation.postcode
    helpers = []
    for slug in ordered:
        entry = catalogue[slug]
        near = tuple(nearby(slug, postcode)) if nearby is not None and postcode else ()
        reasons = tuple(found.reasons[slug])
        priority = found.priority[slug]
        helpers.append(
            PlannedHelper(slug, entry.title, priority, reasons, entry.access, entry.costs, near)
        )
    return tuple(helpers)


def plan(
    situation: Situation,
    catalogue: Mapping[str, CatalogueEntry],
    *,
    today: dt.date,
    rules: Iterable[Rule] | None = None,
    milestones: MilestoneSource | None = None,
    nearby: NearbySource | None = None,
    screening: ScreeningSource | None = None,
) -> Plan:
    """Apply every rule to the situation and build the personal plan."""
    flags = derived_flags(situation, today)
    usable = applicable_helpers(catalogue, situation)
    found = _collect(situation, usable, tuple(rules) if rules is not None else None, flags)
    attention = tuple(screening(situation)) if screening else ()
    _add_attention(found, attention, usable, catalogue, situation.language)
    helpers = _planned_helpers(found, catalogue, situation, nearby)
    route = _route(situation, today, milestones)
    planned_milestones = route.milestones
    steps = [text for _priority, _index, text in sorted(found.steps)]
    upcoming = next((m for m in planned_milestones if m.due >= today and not m.optional), None)
    if upcoming:
        steps.insert(0, _upcoming_step(upcoming, today, situation.language))
    return Plan(
        situation=situation,
        helpers=helpers,
        milestones=planned_milestones,
        topics=tuple(found.topics),
        warnings=(*route.alerts, *found.warnings),
        next_steps=tuple(dict.fromkeys(steps))[:MAX_NEXT_STEPS],
        attention=attention,
        route=route.kind,
    )


def _route(situation: Situation, today: dt.date, source: MilestoneSource | None) -> PlannedRoute:
    """The route from the milestone source; a test's source may give bare milestones."""
    if source is None:
        return PlannedRoute(None)
    found = source(situation, today)
    if isinstance(found, PlannedRoute):
        return found
    return PlannedRoute(None, tuple(found))
