"""The woordenlijst (issue 19): legal and medical words in B1, and the links from an
article to them.

Pure Python (no Django): the terms come from content/glossary.yaml; ``link_terms`` puts a
link on the first place an article uses each term, in the HTML the server sends, so it
works without JavaScript. Text inside links and headings is left alone.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import sources
from werkwijzer.timeline.legal_weeks import resolve as resolve_weeks

LANGUAGES = ("nl", "en")
FILE_NAME = "glossary.yaml"
TAG_RE = re.compile(r"(<[^>]+>)")
SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "summary"})
TAG_NAME_RE = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")


class GlossaryError(ValueError):
    """content/glossary.yaml does not follow its documented format."""


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    text: str
    matches: tuple[str, ...]
    source: str


def _term(raw: dict, language: str, where: str) -> Term:
    slug = str(raw.get("slug") or "")
    texts = raw.get(language) or {}
    if not slug or not texts.get("term") or not texts.get("text"):
        raise GlossaryError(f"{where}: needs a slug, and a term and text in {language}")
    source = str(raw.get("source") or "")
    if source not in sources():  # every explanation says something: it needs its source
        raise GlossaryError(f"{where}: unknown or missing source {source!r}")
    matches = tuple(str(m) for m in (texts.get("match") or [texts["term"]]))
    return Term(slug, str(texts["term"]), resolve_weeks(str(texts["text"])), matches, source)


@lru_cache(maxsize=4)
def _terms(path: Path, mtime: float) -> dict[str, tuple[Term, ...]]:
    data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    raw_terms = data.get("terms") or []
    slugs = [str(raw.get("slug")) for raw in raw_terms]
    if len(slugs) != len(set(slugs)):
        raise GlossaryError(f"{FILE_NAME}: a slug is used twice")
    found = {}
    for language in LANGUAGES:
        terms = [_term(raw, language, f"{FILE_NAME}: {raw.get('slug')}") for raw in raw_terms]
        found[language] = tuple(sorted(terms, key=lambda t: t.term.lower()))
    return found


def terms(content_dir: Path, language: str) -> tuple[Term, ...]:
    """Every term in one language (Dutch for an unknown language), in alphabetical order."""
    path = content_dir / FILE_NAME
    found = _terms(path, path.stat().st_mtime)
    return found.get(language, found["nl"])


def _pattern(term: Term) -> re.Pattern[str]:
    # Longest form first, so "vervroegde IVA" wins over "IVA". All-capital forms (WIA,
    # UWV) only match in capitals; other words in any case. Whole words only.
    forms = sorted(term.matches, key=len, reverse=True)
    parts = [f"(?-i:{re.escape(f)})" if f.isupper() else re.escape(f) for f in forms]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _patterns(found: tuple[Term, ...]) -> tuple[tuple[Term, re.Pattern[str]], ...]:
    return tuple((term, _pattern(term)) for term in found)


def _link_text(text: str, todo: dict[str, tuple[Term, re.Pattern[str]]], url: str) -> str:
    out, position = [], 0
    while todo:
        best = None
        for slug, (_unused, pattern) in todo.items():
            match = pattern.search(text, position)
            if match and (best is None or (match.start(), -len(match[0])) < best[0]):
                best = ((match.start(), -len(match[0])), slug, match)
        if best is None:
            break
        _key, slug, match = best
        del todo[slug]
        out.append(text[position : match.start()])
        out.append(f'<a class="utrecht-link glossary-link" href="{html.escape(url)}#{slug}">')
        out.append(f"{match[0]}</a>")
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def link_terms(body_html: str, found: tuple[Term, ...], url: str) -> str:
    """The HTML with the first use of each term linked to ``url#slug``."""
    todo = {term.slug: (term, pattern) for term, pattern in _patterns(found)}
    parts, skipping = [], 0
    for part in TAG_RE.split(body_html):
        tag = TAG_NAME_RE.match(part) if part.startswith("<") else None
        if tag:
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if name in SKIP_TAGS and not part.endswith("/>"):
                skipping = max(0, skipping - 1) if closing else skipping + 1
            parts.append(part)
        elif skipping or not todo or not part.strip():
            parts.append(part)
        else:
            parts.append(_link_text(part, todo, url))
    return "".join(parts)
