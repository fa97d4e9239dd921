"""The wegwijzer's service layer: builds a Plan for a situation with the live catalogue.

Joins the pure engine with the other apps through their services: the helper
catalogue (helpers), the sick-leave milestones (timeline), nearby providers
(directory) and the vulnerable groups of the screening (screening). The same Plan feeds the HTML page, the JSON API and the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from werkwijzer.core.versions import content_version
from werkwijzer.directory.services import nearby_for_kinds
from werkwijzer.helpers.services import helpers_with_texts
from werkwijzer.navigator.catalogue import Catalogue, CatalogueEntry, applicable_helpers
from werkwijzer.navigator.engine import NearbySource, ScreeningSource, plan, route_milestones
from werkwijzer.navigator.plan import Attention, Plan
from werkwijzer.navigator.situation import Situation
from werkwijzer.screening.rules import age_class, screen

# The catalogue changes rarely and a plan must cost little, so it is kept in memory and
# rebuilt when the content version moves (core.versions): at once in the process that
# saved a helper, within seconds in every other one.
_catalogue_cache: dict[str, Any] = {"version": None, "entries": {}, "merged": {}}


def _load_catalogue() -> dict[str, dict[str, CatalogueEntry]]:
    by_language: dict[str, dict[str, CatalogueEntry]] = {}
    for helper in helpers_with_texts():
        for text in helper.texts.all():
            by_language.setdefault(text.language, {})[helper.slug] = CatalogueEntry(
                slug=helper.slug,
                title=text.title,
                access=text.access,
                costs=text.costs,
                applies_to=frozenset(helper.applies_to),
                order=helper.order,
                min_age=helper.min_age,
                max_age=helper.max_age,
            )
    return by_language


def catalogue(language: str) -> Mapping[str, CatalogueEntry]:
    """Every helper in one language, Dutch where a translation is missing."""
    version = content_version()
    if version != _catalogue_cache["version"] or not _catalogue_cache["entries"]:
        _catalogue_cache.update(entries=_load_catalogue(), merged={}, version=version)
    merged = _catalogue_cache["merged"]
    if language not in merged:
        entries = _catalogue_cache["entries"]
        merged[language] = Catalogue({**entries.get("nl", {}), **entries.get(language, {})})
    return merged[language]


def _nearby_source(entries: Mapping[str, CatalogueEntry], situation: Situation) -> NearbySource:
    """Nearby providers for one plan. The engine asks per helper; the directory is asked
    once, on the first question, for every helper that applies to the situation (the
    plan's helpers are among them): one location lookup and one query, or none when the
    shared cache has them (directory.services.nearby_for_kinds)."""
    found: dict[str, list[dict]] = {}

    def nearby(kind: str, postcode: str) -> list[dict]:
        if kind not in found:
            kinds = sorted(applicable_helpers(entries, situation) | {kind})
            found.update(nearby_for_kinds(kinds, postcode, limit=3))
        return found[kind]

    return nearby


# Flags depend on age only through the groups' age ranges, so they are remembered per
# age class, not per year of age: a few hundred entries cover every situation.
_attention_cache: dict[tuple, tuple[Attention, ...]] = {}
ATTENTION_CACHE_SIZE = 4096


def _attention(answers: dict[str, Any], language: str) -> tuple[Attention, ...]:
    others = tuple(sorted((key, value) for key, value in answers.items() if key != "age"))
    key = (others, age_class(answers.get("age")), language)
    found = _attention_cache.get(key)
    if found is None:
        found = tuple(
            Attention(
                code=flag.code,
                rule=flag.rule,
                label=flag.label,
                reason=flag.reason,
                source=flag.source.key,
                refer=tuple(dict.fromkeys(slug for step in flag.flow for slug in step.refer)),
            )
            for flag in screen(answers, language)
        )
        if len(_attention_cache) >= ATTENTION_CACHE_SIZE:
            _attention_cache.clear()  # odd screening answers must not grow it without end
        _attention_cache[key] = found
    return found


def screening_source(extra_answers: Mapping[str, Any] | None = None) -> ScreeningSource:
    """Screen the situation, plus any answers the visitor gave on the screening page.

    The wegwijzer's own answers (employment, age, phase) win over the screening's: they
    are the ones the plan is about."""

    def attention(situation: Situation) -> tuple[Attention, ...]:
        answers = {
            **(extra_answers or {}),
            "employment": situation.employment,
            "age": situation.age,
            "phase": situation.phase,
        }
        return _attention(answers, situation.language)

    return attention


def make_plan(
    situation: Situation,
    today: dt.date | None = None,
    screening_answers: Mapping[str, Any] | None = None,
) -> Plan:
    """The personal plan for a checked situation, in the situation's language."""
    entries = catalogue(situation.language)
    return plan(
        situation,
        entries,
        today=today or dt.date.today(),
        milestones=route_milestones,
        nearby=_nearby_source(entries, situation),
        screening=screening_source(screening_answers),
    )
