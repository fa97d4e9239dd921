"""The claims of the conversation aids (core.claims): each question list, the decision
aid and the specialist's guide, with their sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.claims import Claim, claim


def _load(path: Path) -> dict:
    return yamlfile.load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


def _title(value) -> str:
    return str(value.get("nl") or "") if isinstance(value, dict) else str(value or "")


def claims(content_dir: Path) -> Iterator[Claim]:
    folder = content_dir / "conversation"
    for item in _load(folder / "questions.yaml").get("conversations") or []:
        where = f"conversation/questions.yaml {item.get('slug')}"
        yield claim(where, _title(item.get("title")), item.get("source"))
    names = ("keuzehulp", "keuzehulp-vervroegde-iva", "keuzehulp-werkgever-vertellen")
    for name in (*names, "keuzehulp-eigen-bedrijf", "specialist"):
        data = _load(folder / f"{name}.yaml")
        if data:
            yield claim(f"conversation/{name}.yaml", _title(data.get("title")), data.get("sources"))
