"""Article files: Markdown with YAML front matter, read into plain data (no Django).

    ---
    title: ...
    summary: ...
    topics: [poortwachter]
    ---
    Markdown text.

    ::: tip Optional title
    Markdown text.
    :::

    ::: zzp            (any audience: zzp, loondienst, uitkering, werkgever, naaste, professional)
    ::: checklist Title   (a Markdown list)
    ::: questions Title   (a Markdown list)

Files live in content/knowledge/<language>/<slug>.md; a file in another language with
the same name is the translation of the Dutch one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from werkwijzer.core import yamlfile
from werkwijzer.knowledge.personas import AUDIENCES

DIRECTIVE_RE = re.compile(r"^:::\s*([a-z-]+)\s*(.*)$")
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*]|\d+[.)])\s+(?:\[[ x]\]\s+)?(.*)$")
_markdown = MarkdownIt("commonmark")


class ContentError(ValueError):
    """A content file that cannot be read; the message names the file and the problem."""


@dataclass
class ArticleFile:
    slug: str
    language: str
    meta: dict
    blocks: list[dict]
    digest: str
    path: Path = field(repr=False, default=Path())


def markdown_html(text: str) -> str:
    html = _markdown.render(text.strip())
    for old, new in (
        ("<strong>", "<b>"),
        ("</strong>", "</b>"),
        ("<em>", "<i>"),
        ("</em>", "</i>"),
    ):
        html = html.replace(old, new)
    return html.strip()


def _list_items(text: str) -> list[str]:
    items: list[str] = []
    for line in text.splitlines():
        match = LIST_ITEM_RE.match(line)
        if match:
            items.append(match.group(1).strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return items


def _block(kind: str, title: str, text: str, where: str) -> dict:
    if kind == "tip":
        return {"type": "tip", "value": {"title": title, "text": markdown_html(text)}}
    if kind in AUDIENCES:
        value = {"audience": kind, "title": title, "text": markdown_html(text)}
        return {"type": "persona_box", "value": value}
    if kind in ("checklist", "questions"):
        return {"type": kind, "value": {"title": title, "items": _list_items(text)}}
    raise ContentError(f"{where}: unknown block '::: {kind}'")


def parse_body(text: str, where: str = "") -> list[dict]:
    blocks: list[dict] = []
    buffer: list[str] = []
    directive: tuple[str, str] | None = None

    def flush() -> None:
        chunk = "\n".join(buffer).strip()
        buffer.clear()
        if directive is not None:
            blocks.append(_block(directive[0], directive[1].strip(), chunk, where))
        elif chunk:
            blocks.append({"type": "text", "value": markdown_html(chunk)})

    for line in text.splitlines():
        match = DIRECTIVE_RE.match(line.strip())
        if line.strip() == ":::":
            if directive is None:
                raise ContentError(f"{where}: ':::' closes no block")
            flush()
            directive = None
        elif match:
            flush()
            directive = (match.group(1), match.group(2))
        else:
            buffer.append(line)
    if directive is not None:
        raise ContentError(f"{where}: block '::: {directive[0]}' is not closed")
    flush()
    return blocks


def read_article(path: Path) -> ArticleFile:
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---"):
        raise ContentError(f"{path}: starts without YAML front matter (---)")
    _start, front, body = raw.split("---", 2)
    meta = yamlfile.load(front) or {}
    for required in ("title", "summary"):
        if not meta.get(required):
            raise ContentError(f"{path}: '{required}' is missing")
    return ArticleFile(
        slug=path.stem,
        language=path.parent.name,
        meta=meta,
        blocks=parse_body(body, str(path)),
        digest=hashlib.sha256(raw.encode()).hexdigest()[:16],
        path=path,
    )


def read_articles(folder: Path) -> dict[str, list[ArticleFile]]:
    """Articles per language folder: {"nl": [...], "en": [...]}."""
    found: dict[str, list[ArticleFile]] = {}
    if not folder.exists():
        return found
    for language_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        found[language_dir.name] = [read_article(p) for p in sorted(language_dir.glob("*.md"))]
    return found
