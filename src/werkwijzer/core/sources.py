"""The register of sources that facts, rules and milestones cite (core/sources.yaml).

Pure Python: domain modules use it to name where a rule comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

SOURCES_FILE = Path(__file__).with_name("sources.yaml")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    url: str
    checked: str

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "title": self.title, "publisher": self.publisher, "url": self.url}


@cache
def sources() -> dict[str, Source]:
    raw = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))
    return {
        key: Source(
            key=key,
            title=value["title"],
            publisher=value["publisher"],
            url=value["url"],
            checked=str(value.get("checked", "")),
        )
        for key, value in raw.items()
    }


def source(key: str) -> Source:
    """The source with this key; a KeyError names the unknown key."""
    try:
        return sources()[key]
    except KeyError:
        raise KeyError(f"Unknown source {key!r}; add it to {SOURCES_FILE.name}") from None
