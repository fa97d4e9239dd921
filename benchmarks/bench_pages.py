"""The main HTML pages under 10 clients, each against the trivial endpoint (issue 16).

`make bench BENCH_ARGS=pages`: gunicorn (2 workers) with the benchmark settings on
PostgreSQL, the shared cache on Redis when it answers, all demo content seeded. For each
page, wrk (2 threads, 10 connections, gzip accepted like a browser) runs against the
page and against `GET /api/v1/health` just before it, so a machine that slows down
during the run weighs on both; the ratio is page / health. Anonymous visitors: the page
cache (core/caching.py) answers public pages; the tools that take personal answers are
never kept and are measured as made.
"""

from __future__ import annotations

import os
import re
import statistics
import time
import urllib.request

from django.test import override_settings

from benchmarks.support import ensure_database, gunicorn, wrk
from tests.production.test_production_smoke import MAIN_PAGES
from tests.servers import REDIS_URL, redis_answers
from werkwijzer.core.seeding import seed_all

TARGET = 0.25
CLIENTS = 10
GZIP = {"Accept-Encoding": "gzip", "Accept-Language": "nl"}
DETAIL_PAGES = {  # list page -> the link prefix of its first detail page
    "/kennisbank/": "/kennisbank/",
    "/wie-kan-helpen/": "/wie-kan-helpen/",
    "/verwijsgids/?q=3511": "/verwijsgids/",
}


def _pages(base: str) -> list[str]:
    """The 20 main pages and the first article, helper page and provider page."""
    pages = [path for path in MAIN_PAGES if path not in ("/inloggen/", "/registreren/")]
    for listing, prefix in DETAIL_PAGES.items():
        html = urllib.request.urlopen(base + listing).read().decode()
        found = re.findall(rf'href="({re.escape(prefix)}[^"#?]+/)"', html)
        skip = (prefix, "/kennisbank/ik-ben/", "/kennisbank/woordenlijst/")
        pages.append(next(path for path in found if path not in skip))
    return pages


def _measure(base: str, pages: list[str], seconds: int) -> list[tuple[str, float, float]]:
    rows = []
    for path in pages:
        wrk(base + path, 1, connections=CLIENTS, headers=GZIP)  # fill caches of both workers
        _wait_until_idle(base)
        health = wrk(f"{base}/api/v1/health", seconds, connections=CLIENTS, headers=GZIP)
        page = wrk(base + path, seconds, connections=CLIENTS, headers=GZIP)
        rows.append((path, page, health))
        print(f"{path}: {page:,.0f} req/s, health {health:,.0f} req/s", flush=True)
    return rows


def _wait_until_idle(base: str, timeout: float = 120) -> None:
    """wrk stops, but requests it left queued (a slow page) still hold the workers: wait
    until the server answers a cheap request at once, several times in a row."""
    deadline, quick = time.monotonic() + timeout, 0
    while quick < 5 and time.monotonic() < deadline:
        started = time.monotonic()
        urllib.request.urlopen(f"{base}/api/v1/live", timeout=timeout).read()
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0


def _shared_cache() -> str:
    """Redis as the servers' shared cache, as production has it, when it answers."""
    if not redis_answers():
        return "none (each worker its own memory cache: Redis did not answer)"
    os.environ["CACHE_URL"] = f"{REDIS_URL}/0"
    os.environ["WERKWIJZER_CACHE_PREFIX"] = f"bench-pages-{os.getpid()}-{time.time_ns()}"
    return "Redis on 127.0.0.1"


def run(args) -> str:
    vendor = ensure_database()
    with override_settings(WERKWIJZER_DEMO_CONTENT=True):
        seed_all()
    cache = _shared_cache()
    seconds = 2 if args.quick else 5
    load_before = os.getloadavg()
    with gunicorn(workers=2) as base:
        rows = _measure(base, _pages(base), seconds)
    load_after = os.getloadavg()
    table = []
    for path, page, health in rows:
        ratio = page / health if health else 0.0
        verdict = "meets" if ratio >= TARGET else "MISSES"
        table.append(f"| `{path}` | {page:,.0f} | {health:,.0f} | **{ratio:.0%}** | {verdict} |")
    ratios = [page / health if health else 0.0 for _, page, health in rows]
    missed = sum(ratio < TARGET for ratio in ratios)
    load = f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (1-minute average)"
    return f"""## Pages under {CLIENTS} clients

`make bench BENCH_ARGS=pages` — database: {vendor}; shared cache: {cache}; gunicorn 2
workers; wrk 2 threads × {CLIENTS} connections, {seconds} s of health and then {seconds} s
of the page, once the server is idle again; anonymous visitors accepting gzip. Target: each page ≥ {TARGET:.0%}
of health.

| page | page req/s | health req/s | ratio | target |
| --- | --- | --- | --- | --- |
{chr(10).join(table)}

Median ratio {statistics.median(ratios):.0%}; {missed} of {len(rows)} pages below the
target. Load average {load}.
"""
