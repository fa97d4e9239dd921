"""The claims of the FAQ (core.claims): every answer with its sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.claims import Claim, claim


def claims(content_dir: Path) -> Iterator[Claim]:
    path = content_dir / "questions" / "faq.yaml"
    if not path.exists():
        return
    data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    for entry in data.get("faq") or []:
        for language in ("nl", "en"):
            answer = entry.get(f"answer_{language}")
            if answer:
                where = f"questions/faq.yaml {entry.get('slug')} {language}"
                yield claim(where, answer, entry.get("sources"))
