"""The in-process lexicon over everything search can find.

It holds what ranking needs beside the full-text engine, compactly: every stem gets a
number, and each live article keeps its title, lead and body stems as arrays of those
numbers, so ranking the engine's candidates needs no further database query. It also
knows how many documents contain a stem (rare words weigh more), the spelling index,
compounds, and a small index of title and keyword stems so that an article whose title
or keywords match is always a candidate. It is rebuilt when the content version moves
(core.versions), in every process.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from werkwijzer.core.versions import content_version
from werkwijzer.search import documents
from werkwijzer.search.terms import Speller

MAX_POSTINGS = 60  # a stem in more titles than this is too common to select candidates
META_FIELDS = (
    "id",
    "slug",
    "title",
    "url_path",
    "locale__language_code",
    "topics",
    "roles",
    "employments",
    "translation_key",
)


@dataclass(frozen=True)
class ArticleEntry:
    meta: dict
    title: array
    lead: array
    body: array


class Lexicon:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.df: Counter[int] = Counter()
        self.total = 0
        self.field_postings: dict[int, list[int]] = defaultdict(list)
        self.articles: dict[int, ArticleEntry] = {}
        surface: Counter[str] = Counter()
        rows = (
            documents.live_articles().values(*META_FIELDS, "search_data").iterator(chunk_size=2000)
        )
        for row in rows:
            data = row.pop("search_data") or {}
            entry = ArticleEntry(
                meta=row,
                title=self.encode(data.get("title", ())),
                lead=self.encode(data.get("lead", ())),
                body=self.encode(data.get("body", ())),
            )
            self.articles[row["id"]] = entry
            head = set(entry.title) | set(entry.lead)
            self.df.update(head | set(entry.body))
            for stem_id in head:
                self.field_postings[stem_id].append(row["id"])
            surface.update(data.get("words", ()))
            self.total += 1
        self.small = documents.small_documents(self)
        self.places = documents.places()
        self.locales = documents.locale_ids()
        for document in self.small:
            self.df.update(document.all_stems())
            surface.update(document.words)
            self.total += 1
        self.speller = Speller(surface.most_common())
        self.stems = sorted(self.ids)

    def encode(self, stems) -> array:
        ids = self.ids
        return array("I", sorted({ids.setdefault(stem, len(ids)) for stem in stems}))

    def id_of(self, stem: str) -> int:
        return self.ids.get(stem, -1)

    def idf(self, stem_id: int) -> float:
        return math.log(1 + (self.total + 1) / (self.df.get(stem_id, 0) + 1))

    def known(self, stem: str) -> bool:
        return stem in self.ids

    def article(self, pk: int) -> documents.Document | None:
        entry = self.articles.get(pk)
        if entry is None:
            return None
        return self._document(pk)

    # Articles are kept as compact arrays; the documents that searches ask for again and
    # again (the popular ones) are kept ready, as sets.
    @lru_cache(maxsize=2048)  # noqa: B019 - the lexicon is rebuilt, never mutated
    def _document(self, pk: int) -> documents.Document:
        entry = self.articles[pk]
        return documents.article_document(
            entry.meta, frozenset(entry.title), frozenset(entry.lead), frozenset(entry.body)
        )

    @lru_cache(maxsize=4096)  # noqa: B019 - the lexicon is rebuilt, never mutated
    def compounds_of(self, stem: str) -> tuple[str, ...]:
        """Longer stems that start or end with this one (Dutch compounds)."""
        if len(stem) < 5:
            return ()
        found = [s for s in self.stems if s != stem and (s.startswith(stem) or s.endswith(stem))]
        found.sort(key=lambda s: -self.df[self.ids[s]])
        return tuple(found[:5])

    def __call__(self, stem: str) -> tuple[str, ...]:
        return self.compounds_of(stem)


_lock = threading.Lock()
_state: dict[str, object] = {"lexicon": None, "version": None}


def lexicon() -> Lexicon:
    """The lexicon for the current content version (core.versions): rebuilt once after
    any process saved an article, a helper or an FAQ answer."""
    version = content_version()
    with _lock:
        current = _state["lexicon"]
        if current is None or version != _state["version"]:
            current = Lexicon()
            _state.update(lexicon=current, version=version)
        return current  # type: ignore[return-value]


def invalidate(**_kwargs) -> None:
    """Forget the lexicon in this process (tests and benchmarks that change content
    without the signals)."""
    with _lock:
        _state.update(lexicon=None, version=None)
