"""Wegwijzer: the plan computed in-process, and /api/v1/plan against a trivial endpoint.

Targets (issue 16): on the same gunicorn server (2 workers, PostgreSQL, Redis as the
shared cache when it answers, as in production) under the same wrk load on 127.0.0.1,
/api/v1/plan without a postcode at least 85% and with a postcode at least 50% of the
throughput of /api/v1/health (which asks the database and the cache). Plan computation
cheap in-process (median and p99 over 10,000 random situations).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import time
import urllib.request

from django.test import override_settings

from benchmarks.support import ensure_database, gunicorn, wrk
from tests.servers import REDIS_URL, redis_answers
from werkwijzer.core.seeding import seed_all
from werkwijzer.directory.seeding import postcode_areas
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import parse_situation
from werkwijzer.vocabulary.slugs import slugs

SEED = 20261123
ROUNDS = 5
TODAY = dt.date(2026, 11, 23)
TARGETS = {"plan": 0.85, "postcode": 0.50}
# As a browser or an app asks: the plan's JSON comes back gzipped (docs/decisions/0012).
GZIP = {"Accept-Encoding": "gzip"}


def random_situation(rng: random.Random) -> dict:
    situation = {
        "role": rng.choice(slugs("role")),
        "employment": rng.choice(slugs("employment")),
        "phase": rng.choice(slugs("phase")),
        "working": rng.choice(slugs("working")),
        "age": rng.randint(16, 100),
        "concerns": rng.sample(slugs("concerns"), rng.randint(0, 4)),
        "has_aov": rng.choice([None, True, False]),
        "has_bedrijfsarts": rng.choice([None, True, False]),
        "language": rng.choice(["nl", "en"]),
    }
    if rng.random() < 0.6:
        situation["sick_since"] = (TODAY - dt.timedelta(days=rng.randint(0, 900))).isoformat()
    if rng.random() < 0.2:
        end = TODAY + dt.timedelta(days=rng.randint(-100, 400))
        if situation["employment"] == "werkzoekend" and "sick_since" in situation:
            # a job seeker's contract ended before the sickness (parse_situation checks it)
            end = dt.date.fromisoformat(situation["sick_since"]) - dt.timedelta(
                days=rng.randint(1, 60)
            )
        situation["contract_end"] = end.isoformat()
    return situation


def in_process(count: int) -> tuple[float, float]:
    rng = random.Random(SEED)
    situations = [parse_situation(random_situation(rng), today=TODAY) for _ in range(count)]
    make_plan(situations[0], today=TODAY)  # load the catalogue once
    timings = []
    for situation in situations:
        start = time.perf_counter()
        make_plan(situation, today=TODAY).to_json()
        timings.append(time.perf_counter() - start)
    timings.sort()
    return statistics.median(timings) * 1e6, timings[int(len(timings) * 0.99)] * 1e6


def _bodies(rng: random.Random, areas: list[str] | None = None) -> list[str]:
    """1,000 random situations as JSON; with `areas`, each with a random postcode of them."""
    situations = [random_situation(rng) for _ in range(1_000)]
    if areas:
        for situation in situations:
            situation["postcode"] = f"{rng.choice(areas)} AB"
    return [json.dumps(situation) for situation in situations]


def _shared_cache() -> str:
    """Redis as the servers' shared cache, as production has it, when it answers."""
    if not redis_answers():
        return "none (each worker its own memory cache: Redis did not answer)"
    os.environ["CACHE_URL"] = f"{REDIS_URL}/0"
    os.environ["WERKWIJZER_CACHE_PREFIX"] = f"bench-navigator-{os.getpid()}-{time.time_ns()}"
    return "Redis on 127.0.0.1"


def _fill_cache(url: str, bodies: list[str]) -> None:
    """Each postcode plan once, so the rounds measure the shared cache warm, as a server
    that has been running for a while has it (cold: see nearby_cold)."""
    for body in bodies:
        request = urllib.request.Request(
            url, body.encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()


def nearby_cold(areas: list[str], count: int) -> float:
    """Median ms of what a plan with a postcode asks when nothing is cached: the location
    and the nearest providers of every helper kind (one query), then the providers."""
    from werkwijzer.directory.models import out_of_plan_before
    from werkwijzer.directory.services import _nearest_of_kinds, resolve_location

    kinds, since = list(slugs("helpers")), out_of_plan_before()
    timings = []
    for area in random.Random(SEED + 2).sample(areas, count):
        start = time.perf_counter()
        _nearest_of_kinds(resolve_location(area), kinds, 3, 50, since)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1e3


def _rounds(bodies: dict[str, list[str]], seconds: int) -> list[dict[str, float]]:
    """Requests per second of health, the plan and the plan with a postcode, alternated,
    so that a machine that slows down or speeds up during the run (other work on a
    shared host) weighs on all alike."""
    rounds = []
    with gunicorn(workers=2) as base:
        wrk(f"{base}/api/v1/health", 2, headers=GZIP)  # warm up both workers
        wrk(f"{base}/api/v1/plan", 2, bodies=bodies["plan"], headers=GZIP)
        _fill_cache(f"{base}/api/v1/plan", bodies["postcode"])
        for _ in range(ROUNDS):
            found = {
                "health": wrk(f"{base}/api/v1/health", seconds, headers=GZIP),
                "live": wrk(f"{base}/api/v1/live", seconds, headers=GZIP),
            }
            for name, sent in bodies.items():
                found[name] = wrk(f"{base}/api/v1/plan", seconds, bodies=sent, headers=GZIP)
            rounds.append(found)
    return rounds


def _ratio(rounds: list[dict[str, float]], name: str) -> tuple[dict[str, float], str]:
    """The median round by this plan's ratio to health, and every round's ratio."""
    ranked = sorted(rounds, key=lambda row: row[name] / row["health"])
    return ranked[len(ranked) // 2], ", ".join(f"{row[name] / row['health']:.0%}" for row in rounds)


def run(args) -> str:
    vendor = ensure_database()
    with override_settings(WERKWIJZER_DEMO_CONTENT=True):  # the demo providers
        seed_all(only={"helpers", "directory"})
    count = 1_000 if args.quick else 10_000
    median_us, p99_us = in_process(count)
    areas = [row[0] for row in postcode_areas()]
    cold_count = 50 if args.quick else 300
    cold_ms = nearby_cold(areas, cold_count)
    rng = random.Random(SEED + 1)
    bodies = {"plan": _bodies(rng), "postcode": _bodies(rng, areas)}
    seconds = 2 if args.quick else 5
    cache = _shared_cache()
    load_before = os.getloadavg()
    rounds = _rounds(bodies, seconds)
    load_after = os.getloadavg()
    rows = [
        f"| plan computed and written as JSON in-process, median over {count:,} random "
        f"situations | {median_us:.0f} µs | small beside the framework |",
        f"| same, p99 | {p99_us:.0f} µs | |",
        f"| nearby providers of all {len(slugs('helpers'))} helper kinds with nothing cached "
        f"(location, one query for the kinds, the providers), in-process, median over "
        f"{cold_count} random PC4 areas | {cold_ms:.1f} ms | |",
        f"| `GET /api/v1/health` (database and cache checked), gunicorn 2 workers, wrk 2 "
        f"threads × 8 connections, {seconds} s, median of {ROUNDS} rounds "
        f"| {statistics.median(row['health'] for row in rounds):,.0f} req/s | baseline |",
    ]
    for name, what in (("plan", "without postcode"), ("postcode", "with a postcode")):
        median, every = _ratio(rounds, name)
        ratio = median[name] / median["health"]
        verdict = "meets" if ratio >= TARGETS[name] else "MISSES"
        rows.append(f"| `POST /api/v1/plan` {what}: req/s in that round | {median[name]:,.0f} | |")
        rows.append(
            f"| plan {what} / health (median of {ROUNDS} alternating rounds: {every}) "
            f"| **{ratio:.0%}** | ≥ {TARGETS[name]:.0%} ({verdict}) |"
        )
    live = {name: statistics.median(row[name] / row["live"] for row in rounds) for name in bodies}
    rows.append(
        f"| for comparison, `GET /api/v1/live` (touches nothing): median "
        f"{statistics.median(row['live'] for row in rounds):,.0f} req/s; plan without / with "
        f"a postcode against it: {live['plan']:.0%} / {live['postcode']:.0%} | | |"
    )
    load = f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (1-minute average)"
    return _report(vendor, cache, "\n".join(rows), load)


def _report(vendor: str, cache: str, table: str, load: str) -> str:
    return f"""## Wegwijzer (navigator)

`make bench BENCH_ARGS=navigator` — database: {vendor}; shared cache: {cache}.

| measure | result | target |
| --- | --- | --- |
{table}

Each plan request is one of 1,000 different random situations (fixed seed {SEED}), in
turn; with a postcode, each has a random PC4 area of the postcode table and the demo
providers of `werkwijzer seed`. The helper catalogue is kept in memory; a plan with a
postcode asks the directory once for all its helpers, and the nearby providers per kind
and PC4 area come from the shared cache after the first plan there: each of the 1,000
is sent once before the rounds, so the rounds measure a warm cache (a change of any
provider moves the directory's version and so the keys; the cold cost is the row
above). `/api/v1/health` asks the database and the cache (three Redis commands) on every
request, so it is a slower baseline than `/api/v1/live`; the targets are against health,
the row above shows live too. Server and load generator share the machine's 2 cores;
load average {load}: on a busy machine the absolute figures fall, the ratios less so."""
