"""What the plan adds for the kind of cancer and the treatments (issue 19): the patient
organisation, the late effects to watch for at work and the topics to read about.

Pure Python. The content is content/navigator/cancer-and-treatment.yaml; a mistake in it
(an unknown slug or source, a missing language) stops with a message naming the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import sources
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks
from werkwijzer.vocabulary.slugs import slug_set, slugs

LANGUAGES = ("nl", "en")
FILE = Path("navigator") / "cancer-and-treatment.yaml"


class IllnessContentError(ValueError):
    """The content file does not follow its documented format."""


@dataclass(frozen=True)
class Organisation:
    name: str
    what: str
    source: str  # the page that shows the organisation


@dataclass(frozen=True)
class LateEffects:
    treatment: str
    text: str
    source: str


@dataclass(frozen=True)
class IllnessInfo:
    cancer_type: str | None
    treatments: tuple[str, ...]
    organisation: Organisation | None
    late_effects: tuple[LateEffects, ...]
    topics: tuple[str, ...]  # kennisbank topics about the late effects, most useful first

    @property
    def given(self) -> bool:
        return bool(self.cancer_type or self.treatments)


def _text(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(not raw.get(lang) for lang in LANGUAGES):
        raise IllnessContentError(f"{where}: needs a text in {' and '.join(LANGUAGES)}")
    return {lang: str(raw[lang]) for lang in LANGUAGES}


def _source(key: Any, where: str) -> str:
    if key not in sources():
        raise IllnessContentError(f"{where}: unknown source {key!r}")
    return str(key)


def _check(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise IllnessContentError(f"{FILE}: expected a mapping at the top")
    kinds, treatments = data.get("cancer_types") or {}, data.get("treatments") or {}
    for section, found in (("cancer_type", kinds), ("treatment", treatments)):
        if set(found) != slug_set(section):
            raise IllnessContentError(f"{FILE}: {section} slugs differ from the vocabulary")
    _text((data.get("fallback") or {}).get("organisation"), f"{FILE}: fallback")
    _text((data.get("fallback") or {}).get("what"), f"{FILE}: fallback")
    for slug, item in kinds.items():
        _source(item.get("source"), f"{FILE}: {slug}")
        if "organisation" in item:
            _text(item["organisation"], f"{FILE}: {slug}")
            _text(item.get("what"), f"{FILE}: {slug}")
    for slug, item in treatments.items():
        _text(item.get("late_effects"), f"{FILE}: {slug}")
        _source(item.get("source"), f"{FILE}: {slug}")
        unknown = set(item.get("topics") or []) - slug_set("topics")
        if unknown:
            raise IllnessContentError(f"{FILE}: {slug}: unknown topics {sorted(unknown)}")
    return data


@lru_cache(maxsize=4)
def _content(path: Path, mtime: float) -> dict[str, Any]:
    return _check(yamlfile.load(path.read_text(encoding="utf-8")))


def content(content_dir: Path) -> dict[str, Any]:
    """The checked content file (cached until the file changes)."""
    path = content_dir / FILE
    return _content(path, path.stat().st_mtime)


def _organisation(data: dict[str, Any], cancer_type: str, language: str) -> Organisation:
    item = data["cancer_types"][cancer_type]
    texts = item if "organisation" in item else data["fallback"]
    return Organisation(
        name=texts["organisation"][language],
        what=texts["what"][language],
        source=item["source"],
    )


def illness_info(
    content_dir: Path, cancer_type: str | None, treatments: tuple[str, ...], language: str
) -> IllnessInfo:
    """The organisation, late effects and topics for what the person chose to give."""
    data = content(content_dir)
    language = language if language in LANGUAGES else "nl"
    effects = tuple(
        LateEffects(
            treatment=slug,
            text=resolve_weeks(data["treatments"][slug]["late_effects"][language]),
            source=data["treatments"][slug]["source"],
        )
        for slug in slugs("treatment")
        if slug in treatments
    )
    topics = [t for slug in effects for t in data["treatments"][slug.treatment].get("topics", [])]
    return IllnessInfo(
        cancer_type=cancer_type,
        treatments=tuple(effect.treatment for effect in effects),
        organisation=_organisation(data, cancer_type, language) if cancer_type else None,
        late_effects=effects,
        topics=tuple(dict.fromkeys(topics)),
    )
