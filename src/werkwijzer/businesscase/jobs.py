"""Heavy business-case runs in the worker: the page shows progress, then the result.

A run with many uncertainty draws or a large microsimulation takes seconds, too long for
a request. The page starts it as a core Job (one per set of parameters), refreshes until
it is done, and every later visit with the same parameters, on any app server, gets the
stored result. Light runs stay in the request (views.analyse).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from functools import lru_cache

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django_tasks import task

from werkwijzer.businesscase.model.analysis import AnalysisResult, RunRequest, run_analysis
from werkwijzer.businesscase.model.parameters import load_parameters
from werkwijzer.businesscase.texts import SCENARIO_LABELS
from werkwijzer.core import jobs
from werkwijzer.core.models import Job

logger = logging.getLogger(__name__)
KIND = "businesscase.run"
# Above these (draws or persons times the number of runs, ist included) a run takes
# about a second or more on one core; measured on the 2-core CI machine.
HEAVY_DRAW_RUNS = 400
HEAVY_PERSON_RUNS = 40_000
# Every scenario adds a threshold analysis (49 effect sizes) and a tornado row set: more
# than this many runs (ist included) take over a second too (issue 22).
HEAVY_SCENARIO_RUNS = 4
REFRESH_SECONDS = 2
# A failed run is shown as failed this long; a visit after that starts it again.
SHOW_FAILURE = dt.timedelta(minutes=1)


def is_heavy(run: RunRequest) -> bool:
    runs = len(set(run.scenarios) | {"ist"})
    return (
        run.draws * runs > HEAVY_DRAW_RUNS
        or run.persons * runs > HEAVY_PERSON_RUNS
        or runs > HEAVY_SCENARIO_RUNS
    )


def _params(run: RunRequest) -> dict:
    return {
        "scenarios": list(run.scenarios),
        "overrides": dict(sorted(run.overrides.items())),
        "draws": run.draws,
        "persons": run.persons,
        "seed": run.seed,
        "tornado": run.tornado,
    }


def run_key(run: RunRequest) -> str:
    """Same parameters (and parameter file version), same key: the result is reused."""
    text = json.dumps([load_parameters().version, _params(run)], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=16)
def _stored_result(job_id: str) -> AnalysisResult:
    # A finished job never changes, so each process unpickles it once.
    return jobs.objects_of(Job.objects.get(pk=job_id))


def result_or_job(run: RunRequest) -> AnalysisResult | Job:
    """The finished result of this run, or the job that is computing it (started if none)."""
    key = run_key(run)
    job = jobs.reusable(KIND, key, failed_within=SHOW_FAILURE)
    if job is not None and job.status == Job.Status.DONE:
        try:
            return _stored_result(str(job.pk))
        except Exception:  # stored by an older version of the model code
            logger.warning("Stored business-case result %s unreadable; running again", job.pk)
            job = None
    if job is None:
        with transaction.atomic():  # the job and its queue row commit together
            job = Job.objects.create(kind=KIND, key=key, params=_params(run))
            compute.enqueue(str(job.pk))
        job.refresh_from_db()  # the immediate backend (tests) has already run it
        if job.status == Job.Status.DONE:
            return _stored_result(str(job.pk))
    return job


def stage_label(job: Job) -> str:
    """What the run is doing now, in words (the stages of run_analysis)."""
    if job.status == Job.Status.QUEUED:
        return _("Waiting for a free worker")
    stage = job.stage or ""
    if stage.startswith("micro:"):
        key = stage.split(":", 1)[1]
        return _("Microsimulation: %(scenario)s") % {"scenario": SCENARIO_LABELS.get(key, key)}
    labels = {
        "scenarios": pgettext("business case run", "Scenarios"),
        "psa": _("Uncertainty analysis"),
        "tornado": _("Sensitivity analysis"),
    }
    return labels.get(stage, pgettext("business case run", "Starting"))


def _compute(job: Job, progress: jobs.Reporter) -> jobs.Outcome:
    params = job.params
    run = RunRequest(
        scenarios=tuple(params["scenarios"]),
        overrides=dict(params["overrides"]),
        draws=int(params["draws"]),
        persons=int(params["persons"]),
        seed=int(params["seed"]),
        tornado=bool(params.get("tornado", True)),
    )
    return jobs.Outcome(objects=run_analysis(run, progress=progress))


@task()
def compute(job_id: str) -> str:
    return jobs.run(job_id, _compute)
