"""Every claim Werkwijzer makes, with the sources that back it (issue 13).

A claim is a fact as a reader meets it: a helper's fact, a rule's advice, a timeline
milestone, an article, an FAQ answer, a section of the employer pages, a conversation
aid. Each app that makes claims has a ``claims.py`` with ``claims(content_dir)``, which
yields them; this module finds those the way the seed finds ``seeding.py``. The tests
fail on a claim without a source, and ``werkwijzer sources check`` lists the claims
that lean on a source nobody checked for a year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings

from werkwijzer.core.sources import sources

EXCERPT_LENGTH = 90


@dataclass(frozen=True)
class Claim:
    where: str  # file and place, for example "helpers/uwv.yaml nl facts 3"
    text: str
    sources: tuple[str, ...]  # keys of core/sources.yaml

    @property
    def excerpt(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


def claim(where: str, text: str, keys: Iterable[str | None] | str | None) -> Claim:
    """A claim; ``keys`` may be one key, a list of keys or nothing (then the tests fail)."""
    if keys is None:
        found: tuple[str, ...] = ()
    elif isinstance(keys, str):
        found = (keys,)
    else:
        found = tuple(key for key in keys if key)
    return Claim(where, str(text or ""), found)


def providers() -> list[tuple[str, Callable[[Path], Iterable[Claim]]]]:
    """The ``claims`` function of every app that has a ``claims.py``."""
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.claims"
        if not config.name.startswith("werkwijzer.") or find_spec(module_name) is None:
            continue
        provider = getattr(import_module(module_name), "claims", None)
        if provider is not None:
            found.append((config.label, provider))
    return found


def all_claims(content_dir: Path | None = None) -> Iterator[Claim]:
    folder = Path(content_dir or settings.CONTENT_DIR)
    for _label, provider in providers():
        yield from provider(folder)


def problems(found: Iterable[Claim]) -> list[str]:
    """Claims without a source, or citing a key that sources.yaml does not have."""
    register = sources()
    messages = []
    for item in found:
        if not item.sources:
            messages.append(f"{item.where}: no source for {item.excerpt!r}")
        for key in item.sources:
            if key not in register:
                messages.append(f"{item.where}: unknown source {key!r}")
    return messages


def claims_by_source(found: Iterable[Claim]) -> dict[str, list[Claim]]:
    by_source: dict[str, list[Claim]] = {}
    for item in found:
        for key in item.sources:
            by_source.setdefault(key, []).append(item)
    return by_source
