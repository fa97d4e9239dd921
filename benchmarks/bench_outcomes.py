"""Outcomes dashboard: aggregates over 1,000,000 outcome rows on PostgreSQL.

The rows are generated in the database itself (generate_series, a fixed random seed):
250,000 synthetic participants with an answer at each of the four moments. Measured:
- refresh: `refresh_summary()`, the GROUP BY over every row into the summary table;
- aggregates: the dashboard's queries (by moment, by province, by care setting) for each
  of the 65 filter combinations, read from the summary table;
- page: the whole dashboard page through Django's test client.
Target: median under 1 s for the dashboard's aggregates.
"""

from __future__ import annotations

import itertools
import statistics
import time

from django.db import connection
from django.test import Client

from benchmarks.support import ensure_database

PEOPLE = 250_000
QUICK_PEOPLE = 25_000
MOMENTS = (3, 6, 12, 24)
TARGET_S = 1.0


def _fill(people: int) -> float:
    """Exactly `people` x 4 submitted responses; returns the seconds spent (0 if present)."""
    from werkwijzer.outcomes.choices import CARE_SETTINGS, REGIONS
    from werkwijzer.outcomes.models import Participant, Response

    rows = people * len(MOMENTS)
    if Response.objects.count() == rows and Participant.objects.count() == people:
        return 0.0
    started = time.perf_counter()
    regions = "ARRAY[" + ",".join(f"'{r}'" for r in REGIONS) + "]"
    settings = "ARRAY[" + ",".join(f"'{s}'" for s in CARE_SETTINGS) + "]"
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE outcomes_reminder, outcomes_response, outcomes_participant, "
            "outcomes_summary RESTART IDENTITY"
        )
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            f"""
            INSERT INTO outcomes_participant
                (reference, synthetic, diagnosis_date, region, care_setting, created_at)
            SELECT md5(g::text)::uuid, true, date '2023-01-01' + (g %% 600),
                   ({regions})[1 + floor(random() * 12)::int],
                   ({settings})[1 + floor(random() * 4)::int], now()
            FROM generate_series(1, %s) AS g
            """,
            [people],
        )
        cursor.execute(
            """
            INSERT INTO outcomes_response
                (participant_id, moment, status, region, care_setting, working, hours,
                 work_ability, returned_to_work, work_discussed, referral_offered,
                 employer_support, draft, updated_at, submitted_at)
            SELECT p.id, m, 'submitted', p.region, p.care_setting,
                   CASE WHEN r < 0.4 + m / 60.0 THEN 'gedeeltelijk' ELSE 'niet' END,
                   CASE WHEN r < 0.4 + m / 60.0 THEN 24 ELSE 0 END,
                   least(10, floor(random() * 6)::int + m / 6 + 2),
                   CASE WHEN r < 0.4 + m / 60.0 THEN 'yes' ELSE 'no' END,
                   random() < 0.5 + m / 100.0, random() < 0.3,
                   1 + floor(random() * 5)::int, '{}'::jsonb, now(), now()
            FROM outcomes_participant p
            CROSS JOIN unnest(ARRAY[3, 6, 12, 24]) AS m
            CROSS JOIN LATERAL (SELECT random() AS r) AS draw
            """
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE outcomes_participant")
        cursor.execute("VACUUM ANALYZE outcomes_response")
    return time.perf_counter() - started


def _median_ms(timings: list[float]) -> float:
    return statistics.median(timings) * 1000


def run(args) -> str:
    vendor = ensure_database()
    if vendor != "postgresql":
        raise SystemExit("bench_outcomes needs PostgreSQL (settings werkwijzer.settings.bench)")
    from werkwijzer.outcomes.aggregates import breakdown, by_moment, refresh_summary
    from werkwijzer.outcomes.choices import CARE_SETTINGS, REGIONS
    from werkwijzer.outcomes.models import Response

    people = QUICK_PEOPLE if args.quick else PEOPLE
    fill_s = _fill(people)
    rows = Response.objects.count()

    refresh = []
    for _ in range(3 if args.quick else 5):
        started = time.perf_counter()
        cells = refresh_summary()
        refresh.append(time.perf_counter() - started)

    combinations = list(itertools.product([None, *REGIONS], [None, *CARE_SETTINGS]))
    aggregate = []
    for region, setting in combinations * 3:
        started = time.perf_counter()
        by_moment(region, setting)
        breakdown("region", REGIONS, 12, care_setting=setting)
        breakdown("care_setting", CARE_SETTINGS, 12, region=region)
        aggregate.append(time.perf_counter() - started)

    client = Client()
    pages = []
    for region, setting in combinations[:20]:
        query = {k: v for k, v in {"region": region, "care_setting": setting}.items() if v}
        started = time.perf_counter()
        response = client.get("/uitkomsten/dashboard/", query)
        pages.append(time.perf_counter() - started)
        assert response.status_code == 200

    worst = max(_median_ms(refresh), _median_ms(aggregate), _median_ms(pages)) / 1000
    verdict = "meets" if worst < TARGET_S else "MISSES"
    return f"""## Outcomes dashboard (outcomes)

{rows:,} outcome rows ({people:,} synthetic participants x 4 moments) in PostgreSQL,
generated in the database with a fixed seed{f" in {fill_s:.1f} s" if fill_s else ""}.
The dashboard reads a summary table ({cells} cells: moment x province x care setting),
rebuilt from all rows by one GROUP BY (`werkwijzer outcomes refresh`).

| what | median | runs |
| --- | ---: | ---: |
| refresh: GROUP BY over all {rows:,} rows into the summary | {_median_ms(refresh):.0f} ms | {len(refresh)} |
| dashboard aggregates (by moment, by province, by care setting) per filter combination | {_median_ms(aggregate):.1f} ms | {len(aggregate)} |
| whole dashboard page (charts, tables) via the test client | {_median_ms(pages):.1f} ms | {len(pages)} |

Target: median under {TARGET_S:.0f} s for the dashboard's aggregates: **{verdict}** (the
slowest median, even the full refresh over every row, is {worst * 1000:.0f} ms).
"""
