"""The editable term lists (data/*.yaml) and the spelling index (pure Python).

synonyms.yaml maps lay Dutch to the words of our texts, terms_en.yaml maps English to
Dutch. Both are read once per process; editors extend them without touching code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.text import edit_distance, fold, stem, words

DATA_DIR = Path(__file__).with_name("data")


@cache
def term_list(name: str) -> dict[str, tuple[str, ...]]:
    """A term list as {folded phrase: (folded replacements, ...)}."""
    raw = yamlfile.load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8")) or {}
    return {
        " ".join(words(str(key))): tuple(fold(str(value)) for value in values or ())
        for key, values in raw.items()
    }


@cache
def english_stems() -> dict[str, tuple[str, ...]]:
    """Single English words by their English stem, so 'talking' finds 'talk'."""
    return {
        stem(key, "en"): values for key, values in term_list("terms_en").items() if " " not in key
    }


def max_typos(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class Speller:
    """Symmetric-delete spelling correction over the words of the index."""

    def __init__(self, words: Iterable[tuple[str, int]]) -> None:
        self.frequency: dict[str, int] = {}
        self.index: dict[str, list[str]] = defaultdict(list)
        for word, count in words:
            if len(word) < 4 or word in self.frequency:
                continue
            self.frequency[word] = count
            for deleted in _deletes(word, max_typos(word)):
                self.index[deleted].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequency

    def correct(self, word: str) -> str | None:
        """The most frequent index word within the allowed distance, or None."""
        limit = max_typos(word)
        if not limit or word in self.frequency:
            return None
        best: tuple[int, int, str] | None = None
        # A candidate shares several deletions with the word: measure it once.
        candidates = {c for deleted in _deletes(word, limit) for c in self.index.get(deleted, ())}
        for candidate in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance > limit or distance > max_typos(candidate):
                continue
            key = (distance, -self.frequency[candidate], candidate)
            if best is None or key < best:
                best = key
        return best[2] if best else None
