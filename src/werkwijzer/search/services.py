"""The one search function of Werkwijzer, over articles, helper kinds, providers and FAQ.

    search("mag mijn baas vragen wat ik heb?", language="nl", persona="werkende:zzp")

Views, the API and the command line all call `search`; none of them knows the engine.
The Wagtail search backend (PostgreSQL full-text search with the Dutch configuration,
SQLite FTS5 on the embedded default, OpenSearch at scale) chooses candidates; this
module ranks them with what the engine does not know: synonyms, English terms,
spelling corrections, compounds, field weights and the reader's persona.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from werkwijzer.core.text import WORD_RE, fold, stem, words
from werkwijzer.search import documents
from werkwijzer.search.documents import ARTICLE, FAQ, HELPER, PROVIDER, TYPES, Document
from werkwijzer.search.index import MAX_POSTINGS, Lexicon, lexicon
from werkwijzer.search.query import Query, analyse

FIELD_WEIGHTS = {"title": 3.0, "lead": 2.0, "body": 1.0}
TYPE_WEIGHTS = {ARTICLE: 1.0, HELPER: 0.9, PROVIDER: 0.6, FAQ: 0.8}
MAX_HEAD_CANDIDATES = 80
ENGINE_WORDS = 4
ENGINE_CANDIDATES = 80
COMMON_SHARE = 0.2  # words in more documents than this are left out of the engine query
PASSAGE_CHARS = 260
MAX_PASSAGES = 40
LANGUAGES = ("nl", "en")


@dataclass
class Result:
    type: str
    slug: str
    title: str
    url: str
    topics: list[str]
    passage: str
    score: float
    language: str
    demo: bool = False  # an invented demo provider (the directory marks it)


@dataclass
class SearchResponse:
    query: str
    results: list[Result] = field(default_factory=list)
    suggestion: str = ""  # "Bedoelde je ...?"
    message: str = ""  # for an empty or unusable query

    def as_dict(self) -> dict:
        return asdict(self)


def search(
    q: str,
    language: str = "nl",
    persona: object = None,
    types: list[str] | str | None = None,
    limit: int = 10,
) -> SearchResponse:
    """Search everything; never raises on odd input (empty, huge, punctuation, HTML)."""
    from werkwijzer.knowledge.personas import parse

    language = language if language in LANGUAGES else "nl"
    wanted = _types(types)
    limit = max(1, min(int(limit or 10), 50))
    lex = lexicon()
    place, rest = find_place(q, lex)
    query = analyse(rest, lex.speller, lex)
    response = SearchResponse(query=(q or "")[:300])
    if query.is_empty:
        response.message = _("Type one or more words, for example: tired at work.")
        return response
    reader = parse(persona)
    scored = _rank(query, lex, language, wanted, reader)
    response.results = [_result(document, score, query) for document, score in scored[:limit]]
    _add_passages(response.results, scored[:limit], query)
    if PROVIDER in wanted:
        providers = _providers(place, scored)
        response.results = sorted(response.results + providers, key=lambda r: -r.score)[:limit]
    if query.corrected and fold(query.corrected) != fold(" ".join(q.split())):
        response.suggestion = query.corrected
    return response


def _types(types: list[str] | str | None) -> set[str]:
    if isinstance(types, str):
        types = [part for part in re.split(r"[,\s]+", types) if part]
    chosen = {t for t in (types or []) if t in TYPES}
    return chosen or set(TYPES)


POSTCODE_RE = re.compile(r"\b\d{4}\s?[a-zA-Z]{0,2}\b")


def find_place(q: str, lex: Lexicon) -> tuple[str, str]:
    """A postcode or municipality in the query, and the query without it."""
    text = " ".join(fold(q or "")[:300].replace(",", " ").split())
    postcode = POSTCODE_RE.search(text)
    if postcode:
        return postcode.group(0), text.replace(postcode.group(0), " ")
    tokens = text.split()
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            candidate = " ".join(tokens[start : start + size])
            if candidate in lex.places:
                return candidate, " ".join(tokens[:start] + tokens[start + size :])
    return "", q or ""


def _providers(place: str, scored) -> list[Result]:
    """Providers of the best matching helper kind near a place named in the query
    ("baco utrecht", "fysiotherapeut oncologie 3511"), through the directory."""
    helper = next(((d, v) for d, v in scored if d.type == HELPER), None)
    if helper is None or not place:
        return []
    document, value = helper
    return [
        Result(
            type=PROVIDER,
            slug=str(hit["id"]),
            title=hit["name"] + (f" ({hit['organisation']})" if hit.get("organisation") else ""),
            url=hit["url"],
            topics=list(document.topics),
            passage=html.escape(f"{document.title} · {hit['distance_km']:.0f} km"),
            # Someone who names a place wants providers there: right after the helper kind.
            score=round(value * 0.99 - rank * 0.01, 3),
            language="nl",
            demo=bool(hit.get("demo")),
        )
        for rank, hit in enumerate(documents.nearby_providers(document.slug, place))
    ]


def _article_languages(language: str) -> list[str]:
    return ["nl"] if language == "nl" else [language, "nl"]


def _candidates(query: Query, lex: Lexicon, language: str) -> list[Document]:
    languages = _article_languages(language)
    common = lex.total * COMMON_SHARE
    # The engine gets the rarest words only: they select well. A word in no document of
    # the lexicon (say an English word in a Dutch question) would only make it look
    # through every article in vain.
    counted = sorted((lex.df.get(lex.id_of(stem(w)), 0), w) for w in query.backend_words())
    known = [(count, word) for count, word in counted if count]
    engine_words = [word for count, word in known if count <= common][:ENGINE_WORDS]
    engine_words = engine_words or [word for _count, word in known[:1]]
    locales = [lex.locales[code] for code in languages if code in lex.locales]
    ids = documents.article_candidates(engine_words, locales, ENGINE_CANDIDATES)
    seen = set(ids)
    budget = len(ids) + MAX_HEAD_CANDIDATES
    # Articles whose title or keywords contain a concept are always candidates.
    head_ids = sorted(
        {lex.id_of(s) for c in query.concepts for v in c.variants for s in v.stems} - {-1},
        key=lambda stem_id: len(lex.field_postings.get(stem_id, ())),
    )
    for stem_id in head_ids:
        postings = lex.field_postings.get(stem_id, ())
        if len(postings) > MAX_POSTINGS:
            break
        for pk in postings:
            if pk not in seen and len(ids) < budget:
                seen.add(pk)
                ids.append(pk)
    found = []
    for pk in ids:
        document = lex.article(pk)
        if document is not None and document.language in languages:
            found.append(document)
    return found


def _encoded(query: Query, lex: Lexicon) -> list[list[tuple[tuple[int, ...], float]]]:
    """Per concept its variants as stem numbers; variants unknown to the index drop out."""
    concepts = []
    for concept in query.concepts:
        variants = []
        for variant in concept.variants:
            stem_ids = tuple(lex.id_of(s) for s in variant.stems)
            if -1 not in stem_ids:
                idf = sum(lex.idf(i) for i in stem_ids) / len(stem_ids)
                variants.append((stem_ids, variant.weight * idf))
        concepts.append(variants)
    return concepts


def _concept_score(variants, document: Document) -> float:
    best = 0.0
    title, lead, body = document.title_stems, document.lead_stems, document.body_stems
    for stem_ids, weight in variants:
        if all(i in title for i in stem_ids):
            field_weight = FIELD_WEIGHTS["title"]
        elif all(i in lead or i in title for i in stem_ids):
            field_weight = FIELD_WEIGHTS["lead"]
        elif all(i in body or i in lead or i in title for i in stem_ids):
            field_weight = FIELD_WEIGHTS["body"]
        else:
            continue
        best = max(best, weight * field_weight)
    return best


def score(concepts, document: Document) -> float:
    """Sum of the best match per concept, times how many concepts matched at all."""
    parts = [_concept_score(variants, document) for variants in concepts]
    matched = sum(1 for part in parts if part > 0)
    if not matched:
        return 0.0
    coverage = matched / len(parts)
    return sum(parts) * (0.4 + 0.6 * coverage) * TYPE_WEIGHTS[document.type]


def _rank(query: Query, lex: Lexicon, language: str, wanted: set[str], reader):
    pool: list[Document] = []
    if ARTICLE in wanted:
        pool += _candidates(query, lex, language)
    for document in lex.small:
        if document.type in wanted and document.language in (language, "nl"):
            pool.append(document)
    concepts = _encoded(query, lex)
    best: dict[str, tuple[Document, float]] = {}
    for document in pool:
        value = score(concepts, document)
        if value <= 0:
            continue
        if reader.is_set:
            value *= reader.weight(document.roles, document.employments)
        group = document.group or document.key
        previous = best.get(group)
        if previous is None:
            best[group] = (document, value)
            continue
        # One result per article or helper: the reader's language, the higher score.
        keep = previous[0]
        if document.language == language and keep.language != language:
            keep = document
        best[group] = (keep, max(value, previous[1]))
    return sorted(best.values(), key=lambda pair: (-pair[1], pair[0].title))


def _result(document: Document, value: float, query: Query) -> Result:
    return Result(
        type=document.type,
        slug=document.slug,
        title=document.title,
        url=document.url,
        topics=list(document.topics),
        passage="",
        score=round(value, 3),
        language=document.language,
    )


def _add_passages(results: list[Result], scored, query: Query) -> None:
    article_ids = [int(doc.key.split(":")[1]) for doc, _v in scored if doc.type == ARTICLE]
    passages = documents.article_passages(article_ids)
    highlighter = _Highlighter(query.highlight_stems())
    for result, (document, _value) in zip(results, scored, strict=True):
        texts = document.passages
        if document.type == ARTICLE:
            texts = passages.get(int(document.key.split(":")[1])) or []
        result.passage = best_passage(texts, highlighter)


class _Highlighter:
    """Knows which words of a passage to mark; remembers its answer per word, since the
    passages of one result page share most of their words."""

    def __init__(self, wanted: set[str]) -> None:
        self.wanted = wanted
        self.long_wanted = tuple(w for w in wanted if len(w) >= 5)
        self.seen: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        found = self.seen.get(word)
        if found is None:
            folded = fold(word).replace("’", "'")
            found = stem(folded) in self.wanted or any(
                folded.startswith(w) or folded.endswith(w) for w in self.long_wanted
            )
            self.seen[word] = found
        return found

    def marks(self, text: str) -> str:
        """The escaped text with <mark> around the words that match."""
        out: list[str] = []
        last = 0
        for match in WORD_RE.finditer(text):
            if self.matches(match.group(0)):
                out.append(html.escape(text[last : match.start()]))
                out.append(f"<mark>{html.escape(match.group(0))}</mark>")
                last = match.end()
        out.append(html.escape(text[last:]))
        return "".join(out)


def best_passage(texts: list[str], highlighter: _Highlighter) -> str:
    """The passage with the most matching words, shortened, with matches marked."""
    wanted = highlighter.wanted
    best_hits, best_text = -1, ""
    for text in texts[:MAX_PASSAGES]:
        short = _shorten(text)
        hits = sum(1 for word in words(short) if stem(word) in wanted)
        if hits > best_hits:
            best_hits, best_text = hits, short
    return highlighter.marks(best_text)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= PASSAGE_CHARS:
        return text
    cut = text[:PASSAGE_CHARS].rsplit(" ", 1)[0]
    return f"{cut} …"
