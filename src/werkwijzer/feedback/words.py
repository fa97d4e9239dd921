"""What is kept of a search that found nothing: the words only, in one spelling.

Pure Python (no Django), so the rule is easy to test. A search box gets anything typed
into it, also a name, an e-mail address, a phone number or a postcode. Only words of
letters are kept: every token with a digit or an @ goes, so numbers, addresses and
postcodes never reach the database. What is left is lower case, in at most MAX_WORDS
words of at most MAX_WORD letters.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 8
MAX_WORD = 30
MAX_LENGTH = 120
_TOKEN = re.compile(r"[^\s]+")
_LETTERS = re.compile(r"[^\w'-]+")


def _plain(token: str) -> str:
    """A token without surrounding punctuation, or "" when it holds a digit or an @."""
    if "@" in token or any(character.isdigit() for character in token):
        return ""
    token = _LETTERS.sub("", token).strip("'-_")
    return token if token.isprintable() else ""


def normalise(text: str) -> str:
    """The words of a search in one spelling: "  Moe op  WERK!! " -> "moe op werk"."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    words = []
    for token in _TOKEN.findall(folded[:1000]):
        word = _plain(token)[:MAX_WORD]
        if word:
            words.append(word)
        if len(words) == MAX_WORDS:
            break
    return " ".join(words)[:MAX_LENGTH].strip()


def missing_languages(
    versions: dict[str, set[str]], languages: tuple[str, ...]
) -> dict[str, list[str]]:
    """For each article (by translation key) the site languages it has no version in."""
    return {
        key: [language for language in languages if language not in present]
        for key, present in versions.items()
        if any(language not in present for language in languages)
    }


def most_unhelpful(
    counts: dict[str, tuple[int, int]], limit: int = 20
) -> list[tuple[str, int, int]]:
    """(key, yes, no) of the pages with any "no", the most "no" first (then the lowest
    share of "yes", then the key, so the order is stable)."""
    rows = [(key, yes, no) for key, (yes, no) in counts.items() if no > 0]
    rows.sort(key=lambda row: (-row[2], row[1] / (row[1] + row[2]), row[0]))
    return rows[:limit]
