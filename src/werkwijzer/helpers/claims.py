"""The claims of the helper catalogue (core.claims): every fact with its own source, and
each helper's other texts (what, access, costs) with the helper's sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.claims import Claim, claim

PROSE_FIELDS = ("summary", "what", "access", "costs")


def claims(content_dir: Path) -> Iterator[Claim]:
    for path in sorted((content_dir / "helpers").glob("*.yaml")):
        raw = yamlfile.load(path.read_text(encoding="utf-8")) or {}
        where = f"helpers/{path.name}"
        for language, text in raw.items():
            if not (isinstance(text, dict) and len(language) == 2):
                continue
            for number, fact in enumerate(text.get("facts") or [], start=1):
                yield claim(
                    f"{where} {language} facts {number}", fact.get("text"), fact.get("source")
                )
            for field in PROSE_FIELDS:
                if text.get(field):
                    yield claim(f"{where} {language} {field}", text[field], raw.get("sources"))
