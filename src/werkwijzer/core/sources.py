"""The register of sources that facts, rules and milestones cite (core/sources.yaml).

Pure Python: domain modules use it to name where a rule comes from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from werkwijzer.core import yamlfile

SOURCES_FILE = Path(__file__).with_name("sources.yaml")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    url: str
    checked: str
    # Where in a document without a page of its own the claim is (a slide, a chapter): a
    # source with a locator and no url is a document, cited the way a paper is.
    locator: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "key": self.key,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "locator": self.locator,
        }

    @property
    def is_document(self) -> bool:
        """A printed or shared document cited by its place in it, not by an address."""
        return not self.url and bool(self.locator)

    @property
    def checked_on(self) -> dt.date | None:
        """The date of the last check; None when never checked (or not a date)."""
        try:
            return dt.date.fromisoformat(self.checked) if self.checked else None
        except ValueError:
            return None

    def is_stale(self, today: dt.date, months: int = 12) -> bool:
        """Not compared with our text in the last ``months`` months (or never)."""
        checked = self.checked_on
        return checked is None or checked < _months_before(today, months)


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    # The same day of that month, or its last day (31 March - 1 month = 28/29 February).
    for candidate in range(day.day, 0, -1):
        try:
            return dt.date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a first day")


def stale_sources(today: dt.date, months: int = 12) -> list[Source]:
    return [item for item in sources().values() if item.is_stale(today, months)]


@cache
def sources() -> dict[str, Source]:
    raw = yamlfile.load(SOURCES_FILE.read_text(encoding="utf-8"))
    return {
        key: Source(
            key=key,
            title=value["title"],
            publisher=value["publisher"],
            url=value.get("url", ""),
            checked=str(value.get("checked", "")),
            locator=value.get("locator", ""),
        )
        for key, value in raw.items()
    }


def source(key: str) -> Source:
    """The source with this key; a KeyError names the unknown key."""
    try:
        return sources()[key]
    except KeyError:
        raise KeyError(f"Unknown source {key!r}; add it to {SOURCES_FILE.name}") from None
