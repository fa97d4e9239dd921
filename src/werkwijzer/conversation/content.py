"""Read and check the gesprekshulp and keuzehulp content in content/conversation/.

Pure Python. A mistake in a content file (an unknown slug, a missing language) stops with
a message that names the file and the item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import sources
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks
from werkwijzer.vocabulary.slugs import slugs

LANGUAGES = ("nl", "en")


class ContentError(ValueError):
    """A content file that does not follow the documented format."""


Text = dict[str, str]


def _text(raw: Any, where: str) -> Text:
    if not isinstance(raw, dict) or any(not raw.get(lang) for lang in LANGUAGES):
        raise ContentError(f"{where}: needs a text in {' and '.join(LANGUAGES)}")
    return {lang: str(raw[lang]) for lang in LANGUAGES}


def _slugs(raw: Any, section: str, where: str) -> tuple[str, ...]:
    values = tuple(raw or ())
    unknown = [value for value in values if value not in slugs(section)]
    if unknown:
        raise ContentError(f"{where}: unknown {section} {unknown}")
    return values


def _source(key: Any, where: str) -> str:
    if key not in sources():
        raise ContentError(f"{where}: unknown source {key!r}")
    return str(key)


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    phases: tuple[str, ...] = ()
    employment: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()

    def applies_to(self, employment: str | None) -> bool:
        return not self.employment or not employment or employment in self.employment

    def preselected(
        self, phase: str | None, employment: str | None, concerns: Iterable[str]
    ) -> bool:
        """Rule gh-1: checked beforehand when it fits the phase and work situation; a
        question about a concern only when that concern is chosen or its phase fits."""
        if not self.applies_to(employment):
            return False
        if self.concerns and set(self.concerns) & set(concerns):
            return True
        phase_fits = bool(phase) and phase in self.phases
        if self.concerns:
            return phase_fits
        return not self.phases or phase_fits


@dataclass(frozen=True)
class Conversation:
    slug: str
    title: Text
    intro: Text
    source: str
    employment: tuple[str, ...]
    questions: tuple[Question, ...]

    def applies_to(self, employment: str | None) -> bool:
        return not self.employment or not employment or employment in self.employment

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _load_yaml(path: Path) -> dict:
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path.name}: cannot be read ({error})") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path.name}: expected a mapping at the top")
    return data


@lru_cache(maxsize=8)
def _conversations(path: Path, mtime: float) -> tuple[Conversation, ...]:
    data = _load_yaml(path)
    found: list[Conversation] = []
    seen: set[str] = set()
    for raw in data.get("conversations", []):
        slug = str(raw.get("slug", ""))
        where = f"{path.name}: conversation {slug or '?'}"
        questions = []
        for item in raw.get("questions", []):
            qid = str(item.get("id", ""))
            if not qid or qid in seen:
                raise ContentError(f"{where}: question id {qid!r} is missing or used twice")
            seen.add(qid)
            questions.append(
                Question(
                    id=qid,
                    text=_text(item.get("text"), f"{where}, question {qid}"),
                    phases=_slugs(item.get("phases"), "phase", f"{where}, question {qid}"),
                    employment=_slugs(item.get("employment"), "employment", f"{where}, {qid}"),
                    concerns=_slugs(item.get("concerns"), "concerns", f"{where}, {qid}"),
                )
            )
        found.append(
            Conversation(
                slug=slug,
                title=_text(raw.get("title"), where),
                intro=_text(raw.get("intro"), where),
                source=_source(raw.get("source"), where),
                employment=_slugs(raw.get("employment"), "employment", where),
                questions=tuple(questions),
            )
        )
    if not found:
        raise ContentError(f"{path.name}: no conversations")
    return tuple(found)


def conversations(content_dir: Path) -> tuple[Conversation, ...]:
    path = content_dir / "conversation" / "questions.yaml"
    return _conversations(path, path.stat().st_mtime if path.exists() else 0.0)


@lru_cache(maxsize=16)
def _document(path: Path, mtime: float) -> dict:
    data = _load_yaml(path)
    _check_document(data, path.name)
    return data


def _check_document(value: Any, where: str) -> None:
    if isinstance(value, dict):
        if any(lang in value for lang in LANGUAGES):
            _text(value, where)
            return
        for key, item in value.items():
            if key == "source":
                _source(item, where)
            elif key == "sources":
                for source_key in item:
                    _source(source_key, where)
            else:
                _check_document(item, f"{where}: {key}")
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            _check_document(item, f"{where} #{index}")


def document(content_dir: Path, name: str, app: str = "conversation") -> dict:
    """A content document (content/<app>/<name>.yaml) as checked plain data; every text
    has both languages and every source key exists."""
    path = content_dir / app / f"{name}.yaml"
    return _document(path, path.stat().st_mtime if path.exists() else 0.0)


def localise(value: Any, language: str) -> Any:
    """Replace every {nl, en} text in plain data by the text in one language, with its
    legal weeks ({{ week:key }}) filled in from the timeline's route data."""
    if isinstance(value, dict):
        if set(value) >= set(LANGUAGES) and all(isinstance(value[k], str) for k in LANGUAGES):
            text = resolve_weeks(value[language])
            extra = {k: v for k, v in value.items() if k not in LANGUAGES}
            if not extra:
                return text
            return {**{k: localise(v, language) for k, v in extra.items()}, "text": text}
        return {key: localise(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localise(item, language) for item in value]
    return value
