"""Text analysis: normalise, tokenise and stem Dutch (pure Python, no Django).

Shared by the kennisbank, which stores an article's stems when it is saved, and search,
which stems the query, so both sides always agree on what a "word" is. It lives in core
because both apps need it: knowledge does not import search (docs/decisions/0014).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache, lru_cache

import Stemmer

WORD_RE = re.compile(r"[0-9a-zà-ÿ]+(?:['’][a-z]+)?", re.IGNORECASE)
TAG_RE = re.compile(r"<[^>]+>")

# Words that carry no meaning for search. Dutch and English, lower case, no accents.
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "maar",
        "als",
        "dan",
        "dat",
        "die",
        "dit",
        "deze",
        "wat",
        "wie",
        "waar",
        "wanneer",
        "hoe",
        "waarom",
        "welk",
        "welke",
        "ik",
        "je",
        "jij",
        "u",
        "hij",
        "zij",
        "ze",
        "we",
        "wij",
        "mij",
        "me",
        "mijn",
        "jou",
        "jouw",
        "uw",
        "zijn",
        "haar",
        "hun",
        "ons",
        "onze",
        "men",
        "er",
        "is",
        "ben",
        "bent",
        "was",
        "waren",
        "wordt",
        "worden",
        "word",
        "werd",
        "zal",
        "zou",
        "zullen",
        "kan",
        "kun",
        "kunt",
        "kunnen",
        "mag",
        "mogen",
        "moet",
        "moeten",
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "had",
        "doe",
        "doet",
        "doen",
        "ga",
        "gaat",
        "gaan",
        "krijg",
        "krijgt",
        "te",
        "van",
        "in",
        "op",
        "aan",
        "met",
        "voor",
        "bij",
        "naar",
        "om",
        "over",
        "uit",
        "door",
        "tot",
        "tegen",
        "na",
        "tijdens",
        "zonder",
        "niet",
        "geen",
        "nog",
        "al",
        "ook",
        "wel",
        "toch",
        "even",
        "zo",
        "heel",
        "veel",
        "meer",
        "erg",
        "iets",
        "niets",
        "alles",
        "wil",
        "wilt",
        "willen",
        "weet",
        "weten",
        "graag",
        "eigenlijk",
        "nu",
        "hier",
        "daar",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "then",
        "that",
        "this",
        "these",
        "those",
        "what",
        "who",
        "where",
        "when",
        "how",
        "why",
        "which",
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "will",
        "would",
        "have",
        "has",
        "had",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "about",
        "into",
        "during",
        "after",
        "before",
        "not",
        "no",
        "any",
        "some",
    ]
)


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer({"nl": "dutch", "en": "english"}.get(language, "dutch"))


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Lower case without accents: 'Financiën' -> 'financien'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain(html_text: str) -> str:
    """Text without tags and entities."""
    return html.unescape(TAG_RE.sub(" ", html_text))


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes kept inside (zzp'er)."""
    return [word.replace("’", "'") for word in WORD_RE.findall(fold(text))]


@lru_cache(maxsize=50_000)
def stem(word: str, language: str = "nl") -> str:
    return _stemmer(language).stemWord(word.replace("'", ""))


def stems(text: str, language: str = "nl", keep_stopwords: bool = False) -> list[str]:
    """The stems of the meaningful words of a text, in order."""
    found = [w for w in words(text) if keep_stopwords or w not in STOPWORDS]
    return _stemmer(language).stemWords([w.replace("'", "") for w in found])


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), cut off above `limit`.

    Only cells within `limit` of the diagonal are computed: any path that leaves that
    band already costs more than the limit, so long words cost little more than short."""
    beyond = limit + 1
    if abs(len(a) - len(b)) > limit:
        return beyond
    previous2: list[int] = []
    previous = [j if j <= limit else beyond for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, 1):
        current = [beyond] * (len(b) + 1)
        current[0] = i if i <= limit else beyond
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            char_b = b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return beyond
        previous2, previous = previous, current
    return min(previous[-1], beyond)
