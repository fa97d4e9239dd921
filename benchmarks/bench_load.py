"""Production load run: the deployed shape under 100 people at once for 60 seconds.

Two gunicorn instances with the production settings, one `werkwijzer worker`, PostgreSQL
(a database of its own) and Redis as the shared cache, e-mail to a local SMTP sink; the
load generator plays the TLS proxy (X-Forwarded-Proto/For, every person from an address
of their own). Each simulated person logs in once and then, until the time is up, goes
wegwijzer -> plan -> plan PDF, searches, and refers themself to a BACO through the
zorgpad form. Afterwards: every referral that was confirmed is stored exactly once, the
queue is drained and every queued e-mail reached the SMTP sink.

Targets (issue 12): 0 errors, 0 lost or doubled records, every queued e-mail sent.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import psycopg

from tests.production.conftest import ProxiedClient
from tests.production.test_production_smoke import PLAN_FORM
from tests.servers import (
    SmtpSink,
    gunicorn,
    postgres_server_url,
    production_environment,
    redis_answers,
    smtp_environment,
    temporary_database,
    werkwijzer,
    worker,
)

USERS = 100
SECONDS = 60
GUNICORN_WORKERS = 3  # per instance; two instances
PASSWORD = "load-run-password-1"
CLIENT_TIMEOUT = 300
POSTCODES = ["3511", "1012", "9711", "6211", "5611", "2511", "8011", "7511"]
QUERIES = ["werkgever", "vermoeidheid", "bedrijfsarts", "re-integratie", "WIA", "geld"]

PREPARE = """
from werkwijzer.accounts.models import User
from werkwijzer.care.services import can_refer_to
baco = User.objects.get(username="demo-baco")
assert can_refer_to(baco.provider), "the demo BACO's practice takes no referrals"
for number in range({users}):
    user, _ = User.objects.update_or_create(
        username=f"load-{{number:03d}}",
        defaults={{"role": "person", "email": f"load-{{number:03d}}@werkwijzer.example"}},
    )
    user.set_password("{password}")
    user.save()
print(baco.provider.pk)
"""


class Person:
    """One simulated person: a session of their own, from an address of their own."""

    def __init__(self, base: str, number: int, provider: int, results: Results) -> None:
        # A browser gives up after minutes, not seconds: a slow answer is a latency, and
        # only a refused connection, a timeout past this or a wrong status is an error.
        address = f"198.51.100.{number + 1}"
        self.client = ProxiedClient(base, client_address=address, timeout=CLIENT_TIMEOUT)
        # Everyone's own situation: no two people ask for the same plan or PDF.
        self.situation = {
            **PLAN_FORM,
            "age": str(25 + number % 40),
            "sick_since": (dt.date(2026, 3, 1) + dt.timedelta(days=number * 2)).isoformat(),
            "postcode": POSTCODES[number % len(POSTCODES)],
        }
        self.username = f"load-{number:03d}"
        self.provider = provider
        self.results = results
        self.round = 0

    def step(self, name: str, call, expect: int) -> object:
        start = time.perf_counter()
        try:
            answer = call()
        except Exception as error:  # a refused or timed-out connection is an error too
            self.results.error(f"{name}: {type(error).__name__} {error}")
            return None
        self.results.time(name, time.perf_counter() - start)
        if answer.status != expect:
            self.results.error(f"{name}: {answer.status} (expected {expect})")
            return None
        return answer

    def log_in(self) -> bool:
        fields = {"username": self.username, "password": PASSWORD}
        return bool(self.step("log in", lambda: self.client.post_form("/inloggen/", fields), 302))

    def post(self, path: str, data: dict):
        # Django accepts the CSRF cookie's secret as the form token, as a browser that
        # kept the form would send it; no second GET of the form per POST.
        token = self.client.cookies.get("csrftoken", "")
        return self.client.request(path, {**data, "csrfmiddlewaretoken": token})

    def one_round(self) -> None:
        self.round += 1
        client = self.client
        self.step("wegwijzer form", lambda: client.request("/wegwijzer/"), 200)
        self.step("plan", lambda: self.post("/wegwijzer/plan/", self.situation), 200)
        self.step("plan PDF", lambda: self.post("/wegwijzer/plan.pdf", self.situation), 200)
        query = QUERIES[self.round % len(QUERIES)]
        self.step("search", lambda: client.request(f"/zoeken/?q={query}"), 200)
        token = f"{self.username}-{self.round}-{uuid.uuid4().hex[:8]}"
        path = f"/zorgpad/aanmelden/{self.provider}/"
        text = {"question": f"Ik wil weer aan het werk, maar ben erg moe. {token}"}
        self.step("referral form", lambda: client.request(path), 200)
        if self.step("referral send", lambda: self.post(path, text), 302):
            self.results.referred(token)


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.tokens: list[str] = []

    def time(self, name: str, seconds: float) -> None:
        with self.lock:
            self.latencies[name].append(seconds)

    def error(self, line: str) -> None:
        with self.lock:
            self.errors.append(line)

    def referred(self, token: str) -> None:
        with self.lock:
            self.tokens.append(token)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def _load(bases: list[str], provider: int, seconds: float) -> tuple[Results, float]:
    results = Results()
    people = [Person(bases[n % len(bases)], n, provider, results) for n in range(USERS)]
    barrier = threading.Barrier(USERS)
    stop_at: list[float] = []

    def live(person: Person) -> None:
        barrier.wait(timeout=120)
        if not person.log_in():
            return
        while time.monotonic() < stop_at[0]:
            person.one_round()

    threads = [threading.Thread(target=live, args=(person,)) for person in people]
    stop_at.append(time.monotonic() + seconds)
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def _stored_referrals(database_url: str, tokens: list[str]) -> tuple[int, int]:
    """(referrals stored for the load accounts, tokens stored exactly once)."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT r.question FROM care_referral r JOIN accounts_user u ON u.id = r.person_id"
            " WHERE u.username LIKE 'load-%%'"
        ).fetchall()
    counts: dict[str, int] = defaultdict(int)
    for (question,) in rows:
        counts[question.rsplit(" ", 1)[-1]] += 1
    return len(rows), sum(1 for token in tokens if counts.get(token) == 1)


def _mail_tasks(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE task_path LIKE %s GROUP BY status",
            ["%deliver_mail"],
        ).fetchall()
    return dict(rows)


def _drain(database_url: str, sink: SmtpSink, timeout: float = 180) -> tuple[dict, float]:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        tasks = _mail_tasks(database_url)
        if not tasks.get("READY") and not tasks.get("RUNNING"):
            return tasks, time.monotonic() - start
        time.sleep(0.5)
    return _mail_tasks(database_url), time.monotonic() - start


def _table(results: Results) -> str:
    return "\n".join(
        f"| {name} | {len(values):,} | {statistics.median(values) * 1000:.0f} ms "
        f"| {_percentile(values, 0.95) * 1000:.0f} ms | {max(values) * 1000:.0f} ms |"
        for name, values in results.latencies.items()
    )


def run(args) -> str:
    server = postgres_server_url()
    if server is None or not redis_answers():
        return "## Production load\n\nNot run: needs PostgreSQL and Redis on 127.0.0.1."
    seconds = 15 if args.quick else SECONDS
    with tempfile.TemporaryDirectory() as scratch, temporary_database(server, "ww_load") as url:
        folder = Path(scratch)
        with SmtpSink() as sink:
            environ = {**production_environment(folder, url), **smtp_environment(sink)}
            environ["WERKWIJZER_DEMO_PASSWORD"] = PASSWORD
            for command in (
                ["collectstatic", "--no-input", "-v", "0"],
                ["migrate", "--no-input", "-v", "0"],
                ["seed"],
            ):
                werkwijzer(*command, env=environ)
            code = PREPARE.format(users=USERS, password=PASSWORD)
            provider = int(werkwijzer("shell", "--no-imports", "-c", code, env=environ).split()[-1])
            with (
                gunicorn(environ, folder / "first.log", workers=GUNICORN_WORKERS) as first,
                gunicorn(environ, folder / "second.log", workers=GUNICORN_WORKERS) as second,
                worker(environ, folder / "worker.log"),
            ):
                results, elapsed = _load([first, second], provider, seconds)
                tasks, drained = _drain(url, sink)
                sent = sink.count()
            stored, exactly_once = _stored_referrals(url, results.tokens)
    return _report(results, elapsed, seconds, stored, exactly_once, tasks, drained, sent)


def _report(results, elapsed, seconds, stored, exactly_once, tasks, drained, sent) -> str:
    referred = len(results.tokens)
    wrong = (referred - exactly_once) + max(0, stored - referred)
    succeeded = tasks.get("SUCCESSFUL", 0)
    requests = sum(len(values) for values in results.latencies.values())
    errors = results.errors
    verdict = (
        "meets"
        if not errors and wrong == 0 and sent == succeeded and not tasks.get("FAILED")
        else "MISSES"
    )
    error_lines = "\n".join(f"- {line}" for line in errors[:10])
    load = os.getloadavg()
    return f"""## Production load (two app servers, worker, PostgreSQL, Redis)

`make bench BENCH_ARGS=load`: 2 gunicorn instances × {GUNICORN_WORKERS} sync workers with
the production settings, 1 `werkwijzer worker`, PostgreSQL, Redis as the shared cache,
e-mail to a local SMTP sink; {USERS} people start at once (each from their own address
through the simulated proxy, half on each instance), log in and then repeat wegwijzer ->
plan -> plan PDF -> search -> referral (zorgpad form) for {seconds} s. Load generator,
servers, worker and databases share the machine.

| measure | result | target |
| --- | --- | --- |
| people at once | {USERS} | 100 |
| requests | {requests:,} in {elapsed:.0f} s ({requests / elapsed:.1f} req/s) | |
| errors (any failed step) | {len(errors)} | 0 |
| referrals confirmed (302) | {referred:,} | |
| stored / stored exactly once | {stored:,} / {exactly_once:,} | all, once |
| lost or doubled referrals | {wrong} | 0 |
| e-mails queued and sent by the worker | {succeeded:,} | |
| e-mails the SMTP sink received | {sent:,} | same as sent |
| e-mail tasks failed / still queued | {tasks.get("FAILED", 0)} / {tasks.get("READY", 0)} | 0 / 0 |
| queue drained after the load | {drained:.1f} s | |
| verdict | {verdict} | |

| step | count | median | p95 | max |
| --- | --- | --- | --- | --- |
{_table(results)}
{error_lines}

Load average at the end: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}. With {USERS}
clients and {2 * GUNICORN_WORKERS} workers on two cores, most of each latency is waiting
for a free worker; the PDF (WeasyPrint) is the heaviest step."""
