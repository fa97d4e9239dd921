"""Long jobs started from a page: a Job row the page polls, run by a task in the worker.

The app creates the Job and queues its task in one transaction; the task calls `run`
with the work to do. `run` moves the row through queued → running → done or failed,
lets the work report progress (written at most twice a second), and removes the input
when the job ends.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from werkwijzer.core.models import Job

logger = logging.getLogger("werkwijzer.worker")

# A job that has not moved for this long was lost with a worker that stopped mid-run.
STALE_AFTER = dt.timedelta(minutes=15)


class JobRefused(Exception):
    """The input cannot be used (an unreadable file): the job fails with this message."""


@dataclass
class Outcome:
    result: Any = None  # plain data, stored as JSON
    objects: Any = None  # Python objects, stored pickled (a business-case run)


class Reporter:
    """Progress callback: (stage, done, total), throttled to one write per `every` s."""

    def __init__(self, job_id: Any, every: float = 0.5) -> None:
        self.job_id = job_id
        self.every = every
        self._written = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._written < self.every and done < total:
            return
        self._written = now
        Job.objects.filter(pk=self.job_id).update(
            stage=stage[:100], done=max(done, 0), total=max(total, 0), updated_at=timezone.now()
        )


def run(job_id: str, work: Callable[[Job, Reporter], Outcome]) -> str:
    """Run `work` for this job and record how it ended; returns the final status."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_finished:  # pruned, or a second delivery of the task
        return job.status if job else "missing"
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, updated_at=timezone.now())
    ended = {"payload": None, "finished_at": timezone.now()}
    try:
        outcome = work(job, Reporter(job.pk))
    except JobRefused as refusal:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, error=str(refusal), **ended)
        return Job.Status.FAILED
    except Exception as error:
        logger.exception("Background job %s %s failed", job.kind, job.pk)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=type(error).__name__, **ended
        )
        raise
    ended["finished_at"] = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE,
        result=outcome.result,
        result_blob=None if outcome.objects is None else pickle.dumps(outcome.objects),
        **ended,
    )
    return Job.Status.DONE


def objects_of(job: Job) -> Any:
    """The Python objects a finished job stored (only ever written by `run` above)."""
    return pickle.loads(bytes(job.result_blob)) if job.result_blob else None


def reusable(kind: str, key: str, failed_within: dt.timedelta | None = None) -> Job | None:
    """The newest job with this key that is done or still alive (or failed within
    `failed_within`, so a page can say so instead of starting it again at once)."""
    now = timezone.now()
    alive = Q(status__in=[Job.Status.QUEUED, Job.Status.RUNNING]) & Q(
        updated_at__gte=now - STALE_AFTER
    )
    wanted = Q(status=Job.Status.DONE) | alive
    if failed_within is not None:
        wanted |= Q(status=Job.Status.FAILED, finished_at__gte=now - failed_within)
    return Job.objects.filter(kind=kind, key=key).filter(wanted).order_by("-created_at").first()
