"""The helper catalogue as the engine sees it: each helper's title, access and costs in
one language, and the work situations and ages it applies to.

Pure Python, no Django: the helpers app builds the catalogue (navigator.services), the
engine and its tests only read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from werkwijzer.navigator.situation import Situation


@dataclass(frozen=True)
class CatalogueEntry:
    """What the engine needs to know of one helper, in one language."""

    slug: str
    title: str
    access: str
    costs: str
    applies_to: frozenset[str]
    order: int = 0
    min_age: int | None = None
    max_age: int | None = None

    def applies(self, situation: Situation) -> bool:
        return self.applies_to_person(situation.employment, situation.age)

    def applies_to_person(self, employment: str, age: int) -> bool:
        if employment not in self.applies_to:
            return False
        if self.min_age is not None and age < self.min_age:
            return False
        return self.max_age is None or age <= self.max_age


class Catalogue(dict[str, CatalogueEntry]):
    """The helper catalogue in one language, built once and not changed afterwards, so
    it can remember which helpers apply to each work situation and age."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._applicable: dict[tuple[str, int], frozenset[str]] = {}

    def applicable(self, employment: str, age: int) -> frozenset[str]:
        found = self._applicable.get((employment, age))
        if found is None:
            found = frozenset(
                slug for slug, entry in self.items() if entry.applies_to_person(employment, age)
            )
            self._applicable[employment, age] = found
        return found


def applicable_helpers(
    catalogue: Mapping[str, CatalogueEntry], situation: Situation
) -> frozenset[str]:
    """The slugs of the helpers that apply to the situation's work and age."""
    if isinstance(catalogue, Catalogue):
        return catalogue.applicable(situation.employment, situation.age)
    return frozenset(slug for slug, entry in catalogue.items() if entry.applies(situation))
