"""Search quality and speed: Werkwijzer's search against a plain BM25 baseline.

Quality: recall@3, recall@10 and MRR on benchmarks/search_queries.yaml (labelled
queries in lay Dutch, with typos, whole questions and English) over the seeded
kennisbank and helper catalogue. The baseline is bm25s over the same documents with
Dutch stemming and stop words but no synonyms, translations or spelling correction.
Speed: latency of `search()` with 10,000 extra generated articles in the index, on the
database of the bench settings (PostgreSQL).
"""

from __future__ import annotations

import html
import os
import random
import statistics
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "search_queries.yaml"
EXTRA_ARTICLES = 10_000
GENERATED_PREFIX = "gegenereerd-"
SEED = 20261123


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def covered(result_slugs: list[tuple[str, list[str]]], expected: list[str], k: int) -> float:
    """Share of the expected slugs found in the first k results (slug or article topic)."""
    found = set()
    for slug, topics in result_slugs[:k]:
        found.add(slug)
        found.update(topics)
    return sum(1 for slug in expected if slug in found) / len(expected)


def reciprocal_rank(result_slugs: list[tuple[str, list[str]]], expected: list[str]) -> float:
    for rank, (slug, topics) in enumerate(result_slugs, 1):
        if slug in expected or set(topics) & set(expected):
            return 1 / rank
    return 0.0


def evaluate(rank, queries: list[dict]) -> dict[str, float]:
    r3, r10, mrr = [], [], []
    by_kind: dict[str, list[float]] = {}
    misses = []
    for item in queries:
        slugs = rank(item["q"])
        r3.append(covered(slugs, item["expect"], 3))
        r10.append(covered(slugs, item["expect"], 10))
        mrr.append(reciprocal_rank(slugs, item["expect"]))
        by_kind.setdefault(item.get("kind", "other"), []).append(r3[-1])
        if r3[-1] < 1:
            misses.append(f"{item['q']} → {[s for s, _t in slugs[:3]]}")
    return {
        "recall@3": statistics.mean(r3),
        "recall@10": statistics.mean(r10),
        "mrr": statistics.mean(mrr),
        "by_kind": {kind: statistics.mean(values) for kind, values in sorted(by_kind.items())},
        "misses": misses,
    }


def ours(q: str) -> list[tuple[str, list[str]]]:
    from werkwijzer.search.services import search

    return [(r.slug, r.topics) for r in search(q, language="nl", limit=10).results]


def bm25_ranker():
    """bm25s over the Dutch articles and helper texts, Dutch stems, no other help."""
    import bm25s
    import Stemmer

    from werkwijzer.core.text import STOPWORDS
    from werkwijzer.search import documents
    from werkwijzer.search.index import lexicon

    docs: list[tuple[str, list[str]]] = []
    texts: list[str] = []
    rows = documents.live_articles().filter(locale__language_code="nl")
    for row in rows.values("slug", "title", "topics", "search_data"):
        if row["slug"].startswith(GENERATED_PREFIX):
            continue
        data = row["search_data"]
        docs.append((row["slug"], list(row["topics"])))
        texts.append(" ".join([row["title"], *data.get("passages", [])]))
    for document in lexicon().small:
        if document.language == "nl":
            docs.append((document.slug, document.topics))
            texts.append(" ".join([document.title, *document.passages]))
    stemmer = Stemmer.Stemmer("dutch")
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(texts, stopwords=list(STOPWORDS), stemmer=stemmer, show_progress=False),
        show_progress=False,
    )

    def rank(q: str) -> list[tuple[str, list[str]]]:
        tokens = bm25s.tokenize(
            [q], stopwords=list(STOPWORDS), stemmer=stemmer, show_progress=False
        )
        if not tokens.vocab:
            return []
        results, scores = retriever.retrieve(tokens, k=min(10, len(docs)), show_progress=False)
        return [docs[i] for i, s in zip(results[0], scores[0], strict=True) if s > 0]

    return rank


def prepare_database() -> None:
    """Create the bench database when missing, migrate and seed the real content."""
    from django.core.management import call_command

    from benchmarks.support import ensure_database

    ensure_database()
    call_command("seed", only=["helpers", "knowledge"], verbosity=0)


def remove_generated() -> None:
    """Remove the generated articles with plain SQL: they were written in bulk without
    revisions or references, so the page rows and their search index rows are all."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from werkwijzer.knowledge.models import ArticlePage, KnowledgeIndexPage

    ids = list(
        Page.objects.filter(slug__startswith=GENERATED_PREFIX, depth__gte=3).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return
    content_type = ContentType.objects.get_for_model(ArticlePage)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM wagtailsearch_indexentry WHERE content_type_id = %s "
            "AND object_id = ANY(%s)",
            [content_type.pk, [str(pk) for pk in ids]],
        )
        cursor.execute("DELETE FROM knowledge_articlepage WHERE page_ptr_id = ANY(%s)", [ids])
        cursor.execute("DELETE FROM wagtailcore_page WHERE id = ANY(%s)", [ids])
        for index in KnowledgeIndexPage.objects.all():
            Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    vacuum()


def vacuum() -> None:
    """Fresh statistics and no dead rows, so both measurements start equal."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("wagtailsearch_indexentry", "wagtailcore_page", "knowledge_articlepage"):
                cursor.execute(f"VACUUM ANALYZE {table}")


def add_generated(count: int) -> int:
    """Add `count` live articles made of words from the real ones (fast path: no
    revisions, one bulk write to the search index). Returns how many exist."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from werkwijzer.knowledge.models import ArticlePage, KnowledgeIndexPage

    remove_generated()
    rng = random.Random(SEED)
    index = KnowledgeIndexPage.objects.get(locale__language_code="nl")
    real = list(ArticlePage.objects.live().filter(locale=index.locale))
    everything = [p for page in real for p in page.search_data["passages"]]
    step = index.get_children().count()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    pages = []
    for number in range(count):
        # A variation on one real article: its topics, most sentences from it (in another
        # order), some from other articles. Like a knowledge base that grew to 10,000
        # articles about the same subjects.
        model = rng.choice(real)
        own = model.search_data["passages"]
        paragraphs = [
            " ".join(rng.choice(own if rng.random() < 0.7 else everything) for _ in range(3))
            for _ in range(4)
        ]
        words = model.title.split()
        rng.shuffle(words)
        title = " ".join([*words, rng.choice(["extra", "meer", "vervolg", "deel", "uitleg"])])
        slug = f"{GENERATED_PREFIX}{number:05d}"
        title = title.capitalize()
        page = ArticlePage(
            title=title,
            draft_title=title,
            slug=slug,
            summary=rng.choice(own),
            body=[{"type": "text", "value": f"<p>{html.escape(p)}</p>"} for p in paragraphs],
            topics=list(model.topics),
            roles=list(model.roles),
            employments=list(model.employments),
            locale_id=index.locale_id,
            live=True,
            depth=index.depth + 1,
            path=Page._get_path(index.path, index.depth + 1, step + number + 1),
            url_path=f"{index.url_path}{slug}/",
            content_type=content_type,
            numchild=0,
        )
        page.search_data = page.build_search_data()
        pages.append(page)
    with transaction.atomic():
        # Pages are written in bulk: the base rows first, then the article rows.
        fields = [f.name for f in Page._meta.concrete_fields if f.name != "id"]
        bases = Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in fields}) for page in pages],
            batch_size=1000,
        )
        for page, base in zip(pages, bases, strict=True):
            page.pk = page.page_ptr_id = base.pk
            page.id = base.pk
        local_fields = list(ArticlePage._meta.local_concrete_fields)
        for start in range(0, len(pages), 1000):
            ArticlePage._base_manager.using("default")._insert(
                pages[start : start + 1000], fields=local_fields, raw=True
            )
        Page.objects.filter(pk=index.pk).update(numchild=step + count)
    backend = get_search_backend()
    backend.get_index_for_model(ArticlePage).add_items(ArticlePage, pages)
    vacuum()
    return count


def latency(queries: list[dict], rounds: int = 3) -> dict[str, float]:
    from werkwijzer.search.services import search

    for item in queries[:10]:  # warm caches and the lexicon
        search(item["q"])
    timings = []
    for _ in range(rounds):
        for item in queries:
            start = time.perf_counter()
            search(item["q"])
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "n": len(timings),
    }


def run(args) -> str:
    from django.db import connection

    queries = load_queries()
    extra = 500 if getattr(args, "quick", False) else EXTRA_ARTICLES
    prepare_database()
    remove_generated()
    from werkwijzer.search.index import invalidate

    invalidate()
    quality = evaluate(ours, queries)
    baseline = evaluate(bm25_ranker(), queries)
    small = latency(queries)
    load_small = os.getloadavg()[0]
    started = time.perf_counter()
    add_generated(extra)
    generate_seconds = time.perf_counter() - started
    invalidate()
    large = latency(queries)
    load_large = os.getloadavg()[0]
    quality_large = evaluate(ours, queries)

    def row(name: str, result: dict) -> str:
        return (
            f"| {name} | {result['recall@3']:.3f} | {result['recall@10']:.3f} "
            f"| {result['mrr']:.3f} |"
        )

    kinds = ", ".join(f"{kind} {value:.2f}" for kind, value in quality["by_kind"].items())
    base_kinds = ", ".join(f"{kind} {value:.2f}" for kind, value in baseline["by_kind"].items())
    misses = "\n".join(f"  - {miss}" for miss in quality["misses"]) or "  - none"
    gap = (quality["recall@3"] - baseline["recall@3"]) * 100
    return f"""## Search (`bench_search.py`)

{len(queries)} labelled queries (`benchmarks/search_queries.yaml`) over the seeded
kennisbank ({connection.vendor}) and helper catalogue. A query's recall@k is the share of
its expected slugs among the first k results (an article covers its topics).

| ranker | recall@3 | recall@10 | MRR |
|---|---|---|---|
{row("Werkwijzer search", quality)}
{row("BM25 baseline (bm25s, Dutch stems)", baseline)}
{row(f"Werkwijzer search, +{extra:,} generated articles", quality_large)}

Werkwijzer is {gap:.1f} points above the baseline on recall@3 (target: ≥ 10; target
recall@3 ≥ 0.90). Recall@3 per kind: ours {kinds}; BM25 {base_kinds}.

Latency of `search()` in the process (query analysis, Wagtail backend query, ranking,
passages), {large["n"]} searches per row; target p95 < 50 ms with the extra articles:

| index | median | p95 | max |
|---|---|---|---|
| seeded content only | {small["median"]:.1f} ms | {small["p95"]:.1f} ms | {small["max"]:.1f} ms |
| +{extra:,} generated articles | {large["median"]:.1f} ms | {large["p95"]:.1f} ms | {large["max"]:.1f} ms |

Load average (1 min) after each measurement: {load_small:.1f} and {load_large:.1f}. The
machine is shared with other work; latencies vary between runs by a factor of two or more.

Generating and indexing the extra articles took {generate_seconds:.0f} s.
Queries not fully answered in the first three results (ours, seeded content):
{misses}
"""
