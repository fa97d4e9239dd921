"""From what someone typed to what we look for: concepts with weighted variants.

A concept is one meaningful word or phrase of the query. Its variants are the stems we
accept for it in a document: the word itself, its synonyms, its Dutch translation, a
spelling correction or a compound that contains it, each with a weight below 1 for
anything but the word itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from werkwijzer.core.text import STOPWORDS, fold, stem, stems, words
from werkwijzer.search.terms import Speller, english_stems, term_list

MAX_QUERY_CHARS = 300
MAX_CONCEPTS = 12
WEIGHT_SYNONYM = 0.85
WEIGHT_TRANSLATION = 0.95
WEIGHT_CORRECTION = 0.8
WEIGHT_COMPOUND = 0.6


@dataclass
class Variant:
    stems: tuple[str, ...]
    weight: float
    words: tuple[str, ...] = ()


@dataclass
class Concept:
    text: str
    variants: list[Variant] = field(default_factory=list)

    def add(self, text: str, weight: float) -> None:
        found = tuple(stems(text))
        if not found:
            return
        for variant in self.variants:
            if variant.stems == found:
                variant.weight = max(variant.weight, weight)
                return
        self.variants.append(Variant(found, weight, tuple(words(text))))


@dataclass
class Query:
    raw: str
    concepts: list[Concept]
    corrected: str = ""  # the query with spelling corrections, for "Bedoelde je ...?"
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.concepts

    def backend_words(self) -> list[str]:
        """Plain words for the full-text engine (it stems them itself)."""
        seen: list[str] = []
        for concept in self.concepts:
            for variant in concept.variants:
                for word in variant.words:
                    if word not in STOPWORDS and word not in seen:
                        seen.append(word)
        return seen

    def highlight_stems(self) -> set[str]:
        return {s for c in self.concepts for v in c.variants for s in v.stems}


def _phrases(tokens: list[str], table: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """Phrases of 3, 2 or 1 words found in the table, longest first, not overlapping."""
    taken: set[int] = set()
    found = []
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            phrase = " ".join(tokens[start : start + size])
            if span & taken or phrase not in table:
                continue
            taken |= span
            found.append((start, size, phrase))
    return found


def _phrase_concept(
    phrase: str,
    size: int,
    synonyms: dict[str, tuple[str, ...]],
    english: dict[str, tuple[str, ...]],
) -> Concept:
    """A phrase from the term lists, with its synonyms and its Dutch translations."""
    concept = Concept(phrase)
    if phrase not in STOPWORDS or size > 1:
        concept.add(phrase, 1.0)
    for replacement in synonyms.get(phrase, ()):
        concept.add(replacement, WEIGHT_SYNONYM)
    for replacement in english.get(phrase, ()):
        concept.add(replacement, WEIGHT_TRANSLATION)
        for again in synonyms.get(replacement, ()):
            concept.add(again, WEIGHT_SYNONYM * WEIGHT_TRANSLATION)
    return concept


def _word_concept(
    token: str, synonyms: dict[str, tuple[str, ...]], speller: Speller | None, compounds
) -> tuple[Concept, str]:
    """A single word with its translations, a spelling correction if it is unknown, and
    the compounds that contain it. Also gives the correction ("" when there is none)."""
    concept = Concept(token)
    concept.add(token, 1.0)
    translations = english_stems().get(stem(token, "en"), ())
    for replacement in translations:
        concept.add(replacement, WEIGHT_TRANSLATION)
    suggestion = ""
    if not (speller is None or translations or token in speller or _stem_known(token, compounds)):
        suggestion = speller.correct(token) or ""
        if suggestion:
            concept.add(suggestion, WEIGHT_CORRECTION)
            for replacement in synonyms.get(suggestion, ()):
                concept.add(replacement, WEIGHT_CORRECTION * WEIGHT_SYNONYM)
    if compounds is not None:
        for longer in compounds(stem(token)):
            concept.variants.append(Variant((longer,), WEIGHT_COMPOUND))
    return concept, suggestion


def analyse(raw: str, speller: Speller | None = None, compounds=None) -> Query:
    """Turn a query string into concepts. Never raises on odd input."""
    text = raw or ""
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    tokens = [w for w in words(text) if w.replace("'", "")]
    synonyms, english = term_list("synonyms"), term_list("terms_en")
    table = {**english, **synonyms}
    phrase_at = {start: (size, phrase) for start, size, phrase in _phrases(tokens, table)}

    concepts: list[Concept] = []
    corrected: list[str] = []
    changed = False
    position = 0
    while position < len(tokens) and len(concepts) < MAX_CONCEPTS:
        if position in phrase_at:
            size, phrase = phrase_at[position]
            concept = _phrase_concept(phrase, size, synonyms, english)
            if concept.variants:
                concepts.append(concept)
            corrected.append(phrase)
            position += size
            continue
        token = tokens[position]
        position += 1
        corrected.append(token)
        if token in STOPWORDS or len(token.replace("'", "")) < 2:
            continue
        concept, suggestion = _word_concept(token, synonyms, speller, compounds)
        if suggestion:
            corrected[-1] = suggestion
            changed = True
        concepts.append(concept)
    return Query(
        raw=raw or "",
        concepts=concepts,
        corrected=" ".join(corrected) if changed else "",
        truncated=truncated,
    )


def _stem_known(token: str, compounds) -> bool:
    return compounds is not None and compounds.known(stem(token))


def normalise(raw: str) -> str:
    return " ".join(fold(raw or "").split())[:MAX_QUERY_CHARS]
