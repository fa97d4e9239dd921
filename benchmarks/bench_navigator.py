"""Wegwijzer: the plan computed in-process, and /api/v1/plan against a trivial endpoint.

Targets (issue 2): plan computation cheap (median and p99 over 10,000 random situations);
/api/v1/plan at least 80% of the throughput of /api/v1/live (the liveness path) on the same gunicorn server
under the same wrk load on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import time

from benchmarks.support import ensure_database, gunicorn, wrk
from werkwijzer.core.seeding import seed_all
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import parse_situation
from werkwijzer.vocabulary.slugs import slugs

SEED = 20261123
ROUNDS = 5
TODAY = dt.date(2026, 11, 23)


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


def run(args) -> str:
    vendor = ensure_database()
    seed_all(only={"helpers"})
    count = 1_000 if args.quick else 10_000
    median_us, p99_us = in_process(count)
    rng = random.Random(SEED + 1)
    bodies = [json.dumps(random_situation(rng)) for _ in range(1_000)]
    seconds = 2 if args.quick else 5
    rounds = []
    with gunicorn(workers=2) as base:
        wrk(f"{base}/api/v1/live", 2)  # warm up both workers
        wrk(f"{base}/api/v1/plan", 2, bodies=bodies)
        # Alternate the two loads, so that a machine that slows down or speeds up during
        # the run (other work on a shared host) weighs on both alike.
        for _ in range(ROUNDS):
            health = wrk(f"{base}/api/v1/live", seconds)
            plan = wrk(f"{base}/api/v1/plan", seconds, bodies=bodies)
            rounds.append((health, plan, plan / health))
    health, plan, ratio = sorted(rounds, key=lambda row: row[2])[len(rounds) // 2]
    all_ratios = ", ".join(f"{row[2]:.0%}" for row in rounds)
    verdict = "meets" if ratio >= 0.8 else "MISSES"
    return f"""## Wegwijzer (navigator)

`make bench BENCH_ARGS=navigator` — database: {vendor}.

| measure | result | target |
| --- | --- | --- |
| plan computed and written as JSON in-process, median over {count:,} random situations | {median_us:.0f} µs | small beside the framework |
| same, p99 | {p99_us:.0f} µs | |
| `GET /api/v1/live` (trivial JSON), gunicorn 2 workers, wrk 2 threads × 8 connections, {seconds} s | {health:,.0f} req/s | baseline |
| `POST /api/v1/plan`, 1,000 different random situations in turn, same server and load | {plan:,.0f} req/s | |
| plan throughput / trivial endpoint (median of {ROUNDS} alternating rounds: {all_ratios}) | {ratio:.0%} | ≥ 80% ({verdict}) |

The situations are drawn with a fixed seed ({SEED}); the catalogue is kept in memory, so a
plan needs no database query unless it has a postcode (then the directory is asked for
nearby providers). Server and load generator share the machine's cores."""
