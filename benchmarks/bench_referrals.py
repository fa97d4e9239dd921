"""Zorgpad load run: 100 people at once through the referral flow, on a real server.

Each simulated person logs in (form with CSRF, session cookie), submits referrals through
`POST /api/v1/referrals`, reads each one back, and lists their referrals; all at the same
time, against gunicorn on 127.0.0.1 with PostgreSQL. Afterwards the database is checked:
every referral that got a 201 is stored exactly once, and nothing else was stored.

Targets (issue 6): no errors; every submitted referral stored exactly once.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import threading
import time
import uuid
from collections import Counter, defaultdict
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

from benchmarks.support import ensure_database, gunicorn

USERS = 100
TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Person:
    """One browser-like client: its own cookie jar, one request at a time."""

    def __init__(self, base: str, username: str, password: str) -> None:
        self.base = base
        self.username = username
        self.password = password
        self.jar = CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.jar), NoRedirect())

    def _csrf_cookie(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, method: str, path: str, body=None, form: bool = False):
        headers = {"Accept": "application/json"}
        data = None
        if form:
            data = urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if method != "GET":
            headers["X-CSRFToken"] = self._csrf_cookie()
            headers["Referer"] = self.base + path
        request = Request(self.base + path, data=data, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except HTTPError as error:  # 3xx (not followed) and 4xx/5xx
            return error.code, error.read()

    def login(self) -> int:
        status, page = self.request("GET", "/inloggen/")
        match = TOKEN_FIELD.search(page.decode("utf-8", "replace"))
        if status != 200 or not match:
            return status
        fields = {
            "csrfmiddlewaretoken": match.group(1),
            "username": self.username,
            "password": self.password,
        }
        status, _body = self.request("POST", "/inloggen/", fields, form=True)
        return status


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def prepare(run_id: str, users: int):
    from werkwijzer.accounts.testing import PASSWORD, make_user
    from werkwijzer.directory.factories import ProviderFactory

    provider = ProviderFactory(kinds=["baco"], external_id=f"bench-{run_id}")
    make_user("professional", profession="baco", provider=provider, username=f"bench-{run_id}-b")
    people = [make_user("person", username=f"bench-{run_id}-{i:03d}") for i in range(users)]
    return provider, [(person.username, PASSWORD) for person in people]


def load(base: str, provider_id: int, accounts, rounds: int) -> dict:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    submitted: list[tuple[str, int]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(accounts))

    def timed(kind: str, call):
        start = time.perf_counter()
        result = call()
        with lock:
            latencies[kind].append(time.perf_counter() - start)
        return result

    def person_flow(username: str, password: str) -> None:
        person = Person(base, username, password)
        try:
            barrier.wait(timeout=60)
            status = timed("log in (GET form + POST)", person.login)
            if status != 302:
                raise RuntimeError(f"login answered {status}")
            mine = []
            for number in range(rounds):
                token = f"{username}-{number}-{uuid.uuid4().hex[:8]}"
                body = {"provider_id": provider_id, "question": f"Belasting op werk {token}"}
                status, answer = timed(
                    "POST /api/v1/referrals",
                    lambda b=body: person.request("POST", "/api/v1/referrals", b),
                )
                if status != 201:
                    raise RuntimeError(f"create answered {status}: {answer[:200]!r}")
                referral = json.loads(answer)
                with lock:
                    submitted.append((token, referral["id"]))
                mine.append(referral["id"])
                status, answer = timed(
                    "GET /api/v1/referrals/{id}",
                    lambda r=referral: person.request("GET", f"/api/v1/referrals/{r['id']}"),
                )
                if status != 200 or token not in json.loads(answer)["question"]:
                    raise RuntimeError(f"read back answered {status}")
            status, answer = timed(
                "GET /api/v1/referrals", lambda: person.request("GET", "/api/v1/referrals")
            )
            listed = {item["id"] for item in json.loads(answer)} if status == 200 else set()
            if status != 200 or not set(mine) <= listed:
                raise RuntimeError(f"list answered {status} without all own referrals")
        except Exception as error:  # every failure counts as an error in the report
            with lock:
                errors.append(f"{username}: {error}")

    threads = [threading.Thread(target=person_flow, args=account) for account in accounts]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"latencies": latencies, "errors": errors, "submitted": submitted, "elapsed": elapsed}


def verify(run_id: str, submitted: list[tuple[str, int]]) -> tuple[int, int, int]:
    """(stored, stored exactly once, missing or duplicated) for this run's referrals."""
    from werkwijzer.care.models import Referral

    rows = list(
        Referral.objects.filter(person__username__startswith=f"bench-{run_id}-").values_list(
            "id", "question"
        )
    )
    by_token = Counter(question.rsplit(" ", 1)[-1] for _id, question in rows)
    ids = {pk for pk, _question in rows}
    exactly_once = sum(1 for token, pk in submitted if by_token.get(token) == 1 and pk in ids)
    wrong = len(submitted) - exactly_once + max(0, len(rows) - len(submitted))
    return len(rows), exactly_once, wrong


def run(args) -> str:
    vendor = ensure_database()
    # E-mail is built for every change, as in production, but kept in memory.
    os.environ["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    rounds = 1 if args.quick else 3
    workers = 4
    run_id = uuid.uuid4().hex[:8]
    provider, accounts = prepare(run_id, USERS)
    with gunicorn(workers=workers) as base:
        warm = Person(base, *accounts[0])
        warm.request("GET", "/inloggen/")
        result = load(base, provider.pk, accounts, rounds)
    stored, exactly_once, wrong = verify(run_id, result["submitted"])
    from werkwijzer.records import audit

    chain = audit.verify()
    requests = sum(len(values) for values in result["latencies"].values())
    rows = "\n".join(
        f"| {kind} | {len(values):,} | {statistics.median(values) * 1000:.0f} ms "
        f"| {_percentile(values, 0.95) * 1000:.0f} ms | {max(values) * 1000:.0f} ms |"
        for kind, values in sorted(result["latencies"].items())
    )
    errors = result["errors"]
    error_lines = "\n".join(f"- {line}" for line in errors[:10])
    verdict = (
        "meets" if not errors and wrong == 0 and stored == len(result["submitted"]) else "MISSES"
    )
    return f"""## Zorgpad referrals (care)

`make bench BENCH_ARGS=referrals` — database: {vendor}; gunicorn with {workers} sync workers
on 127.0.0.1; {USERS} simulated people start at the same moment (a barrier), each with its
own session: log in through the login form (CSRF), then {rounds} × (submit a referral with
`POST /api/v1/referrals`, read it back), then list their referrals. Every request is
authenticated, access-checked and written to the hash-chained audit log; every change
builds the notification e-mails (kept in memory here).

| measure | result | target |
| --- | --- | --- |
| simulated people at once | {USERS} | 100 |
| referrals submitted (201) | {len(result["submitted"]):,} | {USERS * rounds:,} |
| referrals stored for this run | {stored:,} | same as submitted |
| stored exactly once (by unique token and id) | {exactly_once:,} | all |
| missing or duplicated | {wrong} | 0 |
| errors (any failed step) | {len(errors)} | 0 ({verdict}) |
| requests | {requests:,} in {result["elapsed"]:.1f} s | |
| throughput | {requests / result["elapsed"]:.0f} req/s | |
| audit chain after the run | {"intact" if chain.intact else "BROKEN"}, {chain.checked:,} events | intact |

| step | count | median | p95 | max |
| --- | --- | --- | --- | --- |
{rows}
{error_lines}

Server and load generator share the machine's cores, so the latencies include waiting
for a free worker: with 100 clients and {workers} workers most time is queueing. Writes
are serialised twice on purpose: the referral row lock and the audit chain head."""
