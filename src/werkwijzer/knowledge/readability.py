"""A measured reading level for the kennisbank (issue 19): average sentence length and
the share of long words, per article.

Pure Python. The limits and why they are what they are: docs/readability.md. The
measure is rough on purpose (counted, not judged): a sentence ends at . ! ? : ; or the
end of a line or list item; a word is a run of letters; a long word has four or more
syllables, a syllable being a group of vowels (Dutch diphthongs such as ui, ei, oe count
once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Limits for B1 Dutch (docs/readability.md). An article above either one fails the test.
MAX_AVERAGE_SENTENCE_WORDS = 12.0
MAX_LONG_WORD_SHARE = 0.10
LONG_WORD_SYLLABLES = 4

_WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_VOWELS_RE = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?:;]+(?:\s|$)|\n+")
_MARKUP_RE = re.compile(r"<[^>]+>|\{\{[^}]*\}\}|\[([^\]]*)\]\([^)]*\)|^:::.*$|[*_`#>]", re.M)


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    long_words: int

    @property
    def average_sentence_words(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    def problems(self) -> list[str]:
        """What is above the B1 limits, in words; empty when the text is within them."""
        found = []
        if self.average_sentence_words > MAX_AVERAGE_SENTENCE_WORDS:
            found.append(
                f"average sentence {self.average_sentence_words:.1f} words "
                f"(limit {MAX_AVERAGE_SENTENCE_WORDS})"
            )
        if self.long_word_share > MAX_LONG_WORD_SHARE:
            found.append(f"long words {self.long_word_share:.1%} (limit {MAX_LONG_WORD_SHARE:.0%})")
        return found


def syllables(word: str) -> int:
    """Vowel groups in a word: a close count of its syllables in Dutch."""
    return max(1, len(_VOWELS_RE.findall(word)))


def plain_text(markdown: str) -> str:
    """Text without HTML tags, Markdown marks, block lines and link targets."""
    return _MARKUP_RE.sub(lambda m: m.group(1) or " ", markdown)


def measure(text: str) -> Readability:
    """Sentences, words and long words of a plain text."""
    sentences = [part for part in _SENTENCE_END_RE.split(text) if _WORD_RE.search(part)]
    words = _WORD_RE.findall(text)
    long_words = [w for w in words if syllables(w) >= LONG_WORD_SYLLABLES]
    return Readability(sentences=len(sentences), words=len(words), long_words=len(long_words))
