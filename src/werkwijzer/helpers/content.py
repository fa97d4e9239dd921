"""Read and check the helper catalogue files in content/helpers/ (pure Python).

A mistake in a content file (an unknown slug, a missing text, a source that does not
exist) stops the seed with a message that names the file and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import sources
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks
from werkwijzer.vocabulary.slugs import slugs

GROUPS = ("work", "care", "support", "income")
COST_KINDS = (
    "free",
    "basic-insurance",
    "check-insurer",
    "employer",
    "not-insured",
    "public",
    "varies",
)
ACCESS_ROUTES = ("self", *slugs("helpers"))
TEXT_FIELDS = ("title", "summary", "what", "when", "access", "costs", "facts")


class ContentError(ValueError):
    """A content file that does not follow the documented format."""


@dataclass(frozen=True)
class HelperContent:
    slug: str
    order: int
    group: str
    applies_to: tuple[str, ...]
    access_routes: tuple[str, ...]
    cost_kind: str
    topics: tuple[str, ...]
    min_age: int | None
    max_age: int | None
    sources: tuple[str, ...]
    texts: dict[str, dict[str, Any]]


def _check_subset(path: Path, field: str, values: list, allowed: tuple[str, ...]) -> tuple:
    if not isinstance(values, list):
        raise ContentError(f"{path.name}: '{field}' must be a list")
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ContentError(f"{path.name}: '{field}' has unknown value(s) {unknown}")
    return tuple(values)


def _check_texts(path: Path, raw: dict, source_keys: set[str]) -> dict[str, dict[str, Any]]:
    texts = {key: value for key, value in raw.items() if isinstance(value, dict) and len(key) == 2}
    if "nl" not in texts:
        raise ContentError(f"{path.name}: the Dutch text ('nl') is required")
    for language, text in texts.items():
        missing = [field for field in TEXT_FIELDS if not text.get(field)]
        if missing:
            raise ContentError(f"{path.name}: '{language}' misses {missing}")
        for fact in text["facts"]:
            if fact.get("source") not in source_keys:
                raise ContentError(
                    f"{path.name}: fact {fact.get('text')!r} cites unknown source "
                    f"{fact.get('source')!r}"
                )
    return {language: _fill_weeks(text) for language, text in texts.items()}


def _fill_weeks(value: Any) -> Any:
    """Legal weeks ({{ week:key }}) filled in from the timeline's route data: the seed
    stores the numbers, and seeding again after the routes change updates them."""
    if isinstance(value, str):
        return resolve_weeks(value)
    if isinstance(value, list):
        return [_fill_weeks(item) for item in value]
    if isinstance(value, dict):
        return {key: _fill_weeks(item) for key, item in value.items()}
    return value


def parse_helper_file(path: Path) -> HelperContent:
    try:
        raw = yamlfile.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ContentError(f"{path.name}: not valid YAML ({error})") from error
    if not isinstance(raw, dict):
        raise ContentError(f"{path.name}: expected a mapping at the top")
    slug = raw.get("slug")
    if slug not in slugs("helpers") or path.stem != slug:
        raise ContentError(f"{path.name}: slug {slug!r} must be a helper slug and the file name")
    if raw.get("group") not in GROUPS:
        raise ContentError(f"{path.name}: group must be one of {GROUPS}")
    if raw.get("cost_kind") not in COST_KINDS:
        raise ContentError(f"{path.name}: cost_kind must be one of {COST_KINDS}")
    source_keys = set(sources())
    return HelperContent(
        slug=slug,
        order=int(raw.get("order", 0)),
        group=raw["group"],
        applies_to=_check_subset(path, "applies_to", raw.get("applies_to"), slugs("employment")),
        access_routes=_check_subset(path, "access_routes", raw.get("access_routes"), ACCESS_ROUTES),
        cost_kind=raw["cost_kind"],
        topics=_check_subset(path, "topics", raw.get("topics", []), slugs("topics")),
        min_age=raw.get("min_age"),
        max_age=raw.get("max_age"),
        sources=_check_subset(path, "sources", raw.get("sources"), tuple(source_keys)),
        texts=_check_texts(path, raw, source_keys),
    )


def load_helper_files(folder: Path) -> list[HelperContent]:
    """All helper files in a folder, ordered; a missing helper slug is an error too."""
    helpers = [parse_helper_file(path) for path in sorted(folder.glob("*.yaml"))]
    missing = set(slugs("helpers")) - {helper.slug for helper in helpers}
    if missing:
        raise ContentError(f"{folder}: no content for helper(s) {sorted(missing)}")
    return sorted(helpers, key=lambda helper: (helper.order, helper.slug))
