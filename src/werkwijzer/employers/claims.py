"""The claims of the employer pages (core.claims): each section of the guide and each
template, with its sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.claims import Claim, claim


def _text(value) -> str:
    if isinstance(value, dict):
        return str(value.get("nl") or "")
    return str(value or "")


def claims(content_dir: Path) -> Iterator[Claim]:
    path = content_dir / "employers" / "guide.yaml"
    if not path.exists():
        return
    data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    for section in data.get("sections") or []:
        where = f"employers/guide.yaml sections {section.get('slug')}"
        yield claim(where, _text(section.get("title")), section.get("source"))
    for template in data.get("templates") or []:
        where = f"employers/guide.yaml templates {template.get('slug')}"
        yield claim(where, _text(template.get("title")), template.get("sources"))
