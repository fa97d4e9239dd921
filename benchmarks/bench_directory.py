"""Verwijsgids: nearest 20 providers of a kind within 50 km, through the JSON API.

100,000 generated providers (the demo generator with another seed) in PostgreSQL
(database `werkwijzer_bench`, created when missing) and in SQLite
(`var/bench_directory.sqlite3`). Each database is measured in its own process, because
Django binds one database per process; the numbers come back as JSON.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench_directory.sqlite3"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/werkwijzer_bench"
SIZE = 100_000
QUICK_SIZE = 10_000
REQUESTS = 300
KINDS = ("baco", "fysiotherapeut-oncologie", "re-integratiecoach", "psycholoog")
TARGET_MS = 20


def _ensure_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    admin = psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def _fill(size: int) -> float:
    """Make sure the database holds exactly `size` bench providers; returns seconds spent."""
    from werkwijzer.directory.models import Provider, ProviderKindLocation, sync_search_rows
    from werkwijzer.directory.seeding import generate_providers, load_postcodes, postcode_areas

    started = time.perf_counter()
    load_postcodes()
    bench = Provider.objects.filter(external_id__startswith="bench-")
    filled = bench.count() == size and Provider.objects.count() == size
    if filled and ProviderKindLocation.objects.exists():
        return 0.0
    Provider.objects.all().delete()
    batch: list[Provider] = []
    for record in generate_providers(size, postcode_areas(), seed=42, prefix="bench"):
        provider = Provider(**record)
        provider.set_derived_fields()
        batch.append(provider)
        if len(batch) == 5000:
            sync_search_rows(Provider.objects.bulk_create(batch))
            batch = []
    sync_search_rows(Provider.objects.bulk_create(batch))
    return time.perf_counter() - started


def measure(size: int) -> dict:
    """Runs inside the child process, with DATABASE_URL pointing at one database."""
    import django

    SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    if os.environ["DATABASE_URL"].startswith("postgres"):
        _ensure_postgres_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from werkwijzer.directory.models import Postcode, Provider
    from werkwijzer.directory.services import (
        SearchFilters,
        candidate_query,
        nearby,
        page_query,
        resolve_location,
    )

    call_command("migrate", verbosity=0)
    fill_seconds = _fill(size)
    with connection.cursor() as cursor:
        # Fresh planner statistics; on PostgreSQL also the visibility map that lets the
        # covering index answer without reading table pages (autovacuum does this later).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    rng = random.Random(7)
    codes = list(Postcode.objects.values_list("pc4", flat=True))
    queries = [(rng.choice(codes), KINDS[i % len(KINDS)]) for i in range(REQUESTS)]
    client = Client()
    for pc4, kind in queries[:30]:  # warm up connections, caches and code paths
        client.get("/api/v1/providers", {"postcode": pc4, "kind": kind, "radius_km": 50})

    timings, counts, candidates = [], [], []
    for pc4, kind in queries:
        started = time.perf_counter()
        response = client.get("/api/v1/providers", {"postcode": pc4, "kind": kind, "radius_km": 50})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
        body = response.json()
        assert len(body["results"]) == min(20, body["count"])
        counts.append(body["count"])
    for pc4, kind in queries[:50]:
        location = resolve_location(pc4)
        candidates.append(candidate_query(location, 50, SearchFilters(kind=kind)).count())

    nearby_timings = []
    for pc4, kind in queries[:100]:
        started = time.perf_counter()
        nearby(kind, pc4)
        nearby_timings.append((time.perf_counter() - started) * 1000)

    from benchmarks.bench_navigator import nearby_cold

    # What a plan with a postcode asks when its area is not cached yet: all helper kinds.
    plan_cold_ms = nearby_cold(codes, 50)
    utrecht = resolve_location("3511")
    plan_query = page_query(utrecht, 50, SearchFilters(kind="baco"))
    if connection.vendor == "postgresql":
        plan = plan_query.explain(analyze=True, buffers=True)
    else:
        plan = plan_query.explain()
    ordered = sorted(timings)
    return {
        "vendor": connection.vendor,
        "version": _version(connection),
        "load": os.getloadavg()[0],
        "providers": Provider.objects.count(),
        "fill_seconds": round(fill_seconds, 1),
        "requests": len(timings),
        "median_ms": statistics.median(timings),
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1],
        "max_ms": ordered[-1],
        "median_matches": statistics.median(counts),
        "median_candidates": statistics.median(candidates),
        "nearby_median_ms": statistics.median(nearby_timings),
        "plan_cold_ms": plan_cold_ms,
        "plan": plan,
        "sql": str(plan_query.query),
    }


def _version(connection) -> str:
    if connection.vendor == "postgresql":
        number = connection.cursor().connection.info.server_version
        return f"{number // 10000}.{number % 10000}"
    import sqlite3

    return sqlite3.sqlite_version


def _child(url: str, size: int) -> dict:
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="werkwijzer.settings.bench")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_directory", "--measure", str(size)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child failed for {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _section(name: str, data: dict) -> str:
    verdict = "meets" if data["median_ms"] < TARGET_MS else "MISSES"
    return (
        f"### {name} {data['version']}\n\n"
        f"| measure | value |\n|---|---|\n"
        f"| providers in the database | {data['providers']:,} |\n"
        f"| API requests timed | {data['requests']} (random PC4, kinds {', '.join(KINDS)}) |\n"
        f"| **median** | **{data['median_ms']:.1f} ms** ({verdict} the {TARGET_MS} ms target) |\n"
        f"| 95th percentile / max | {data['p95_ms']:.1f} ms / {data['max_ms']:.1f} ms |\n"
        f"| median matches within 50 km | {data['median_matches']:,.0f} |\n"
        f"| median rows from the bounding-box query | {data['median_candidates']:,.0f} |\n"
        f"| `nearby()` median (wegwijzer, 3 of a kind) | {data['nearby_median_ms']:.1f} ms |\n"
        f"| a plan's nearby providers, all helper kinds, area not cached "
        f"(`nearby_for_kinds`: location, one query, providers), median of 50 PC4 "
        f"| {data['plan_cold_ms']:.1f} ms |\n"
        f"| machine load (1-minute average) during the run | {data['load']:.1f} |\n\n"
        f"Query plan of the first page (PC4 3511 Utrecht, kind baco, 50 km; the densest "
        f"area, so the worst case):\n\n"
        f"```\n{data['plan']}\n```\n"
    )


def run(args) -> str:
    size = QUICK_SIZE if getattr(args, "quick", False) else SIZE
    postgres = _child(os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG), size)
    sqlite = _child(f"sqlite:///{SQLITE_FILE}", size)
    return (
        "## directory: nearest 20 providers of a kind within 50 km\n\n"
        f"`GET /api/v1/providers?postcode=…&kind=…&radius_km=50` through Django's test "
        f"client (the full request: URL routing, validation, queries, JSON), {size:,} "
        "generated providers spread over all Dutch PC4 areas (the demo generator with "
        "another seed). One query reads the kind's entries inside a bounding box from a "
        "covering index, keeps those within 50 km by an exact great-circle test "
        "(unit-vector dot products: arithmetic only) and returns the nearest 20 with the "
        "total; a second query loads those 20 providers "
        "(docs/decisions/0003-distance-search.md). Other developers' work shares this "
        "2-core machine, so the load average is shown; medians vary by a few ms between "
        "runs.\n\n" + _section("PostgreSQL", postgres) + "\n" + _section("SQLite", sqlite)
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        print(json.dumps(measure(int(sys.argv[2])), default=str))
    else:
        sys.exit("Run through benchmarks.run: python -m benchmarks.run directory")
