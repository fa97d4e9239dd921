"""Heavy business-case runs go to the worker; the page refreshes until the result is in."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from werkwijzer.businesscase import jobs
from werkwijzer.businesscase.forms import RunForm
from werkwijzer.core.models import Job
from werkwijzer.core.testing import run_worker_once

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Two scenarios and ist, 20.000 persons each: 60.000 person-runs, heavy yet quick.
HEAVY = "scenarios=s2&scenarios=s3&persons=20000&draws=0"
REFRESH = 'http-equiv="refresh"'


def _run(query: str):
    from django.http import QueryDict

    form = RunForm.from_query(QueryDict(query))
    assert form.is_valid(), form.errors
    return form.run_request()


def test_light_runs_stay_in_the_request(client):
    assert not jobs.is_heavy(_run("scenarios=s2&draws=200"))
    assert jobs.is_heavy(_run(HEAVY))
    assert jobs.is_heavy(_run("scenarios=s2&draws=1000"))
    # Many scenarios: a threshold analysis each, so the worker takes them too.
    assert not jobs.is_heavy(_run("scenarios=s1&scenarios=s2&scenarios=s3&draws=0"))
    assert jobs.is_heavy(_run("scenarios=s1&scenarios=s2&scenarios=s3&scenarios=s4&draws=0"))
    response = client.get("/businesscase/")
    assert response.status_code == 200 and REFRESH not in response.content.decode()
    assert not Job.objects.exists()


@override_settings(TASKS=DATABASE_TASKS)
def test_heavy_run_shows_progress_then_the_result_from_the_worker(client):
    waiting = client.get(f"/businesscase/?{HEAVY}")
    html = waiting.content.decode()
    assert waiting.status_code == 200
    assert REFRESH in html and "<progress" in html
    assert "Wachten op een vrije verwerker" in html  # queued, in Dutch
    assert 'id="results-heading"' not in html
    assert client.get(f"/businesscase/resultaten.csv?{HEAVY}").status_code == 302
    client.get(f"/businesscase/?{HEAVY}")  # a refresh does not start a second run
    assert Job.objects.count() == 1

    run_worker_once("--no-schedule")

    job = Job.objects.get()
    assert job.status == "done" and job.result_blob
    ready = client.get(f"/businesscase/?{HEAVY}").content.decode()
    assert REFRESH not in ready
    assert "Microsimulatie van 20000 mensen" in ready
    csv = client.get(f"/businesscase/resultaten.csv?{HEAVY}")
    assert csv.status_code == 200 and b"net_benefit" in csv.content
    assert Job.objects.count() == 1  # the same parameters are served from the stored run


def test_without_a_worker_the_immediate_backend_runs_it_at_once(client):
    html = client.get(f"/businesscase/?{HEAVY}").content.decode()
    assert REFRESH not in html and 'id="results-heading"' in html
    assert Job.objects.get().status == "done"


@override_settings(TASKS=DATABASE_TASKS, WERKWIJZER_PAGE_CACHE_SECONDS=300)
def test_the_progress_page_is_never_kept_so_the_result_shows_when_ready(client):
    cache.clear()
    waiting = client.get(f"/businesscase/?{HEAVY}")
    assert REFRESH in waiting.content.decode() and waiting["Cache-Control"] == "no-store"
    run_worker_once("--no-schedule")
    ready = client.get(f"/businesscase/?{HEAVY}")
    assert REFRESH not in ready.content.decode()
    assert ready["Cache-Control"].startswith("public")
    cache.clear()


def test_a_failed_run_says_so_and_stops_refreshing(client):
    run = _run(HEAVY)
    Job.objects.create(
        kind=jobs.KIND, key=jobs.run_key(run), status="failed", finished_at=timezone.now()
    )
    failed = client.get(f"/businesscase/?{HEAVY}")
    html = failed.content.decode()
    assert REFRESH not in html
    assert "Deze berekening is niet gelukt" in html
    assert failed["Cache-Control"] == "no-store"  # a visit after a minute tries again


def test_progress_is_written_while_the_run_goes():
    job = Job.objects.create(kind=jobs.KIND, key="x", params=jobs._params(_run(HEAVY)))
    seen: list[tuple[str, int]] = []
    original = jobs.jobs.Reporter.__call__

    def spy(self, stage, done, total):
        original(self, stage, done, total)
        row = Job.objects.get(pk=job.pk)
        seen.append((row.stage, row.status))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jobs.jobs.Reporter, "__call__", spy)
        assert jobs.compute.call(str(job.pk)) == "done"
    assert any(stage.startswith("micro:") for stage, _status in seen)
    assert {status for _stage, status in seen} == {"running"}
