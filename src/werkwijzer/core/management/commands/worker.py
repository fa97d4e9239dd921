"""`werkwijzer worker`: run queued tasks and start the periodic jobs.

It wraps django-tasks-db's worker: each round queues the periodic jobs that are due
(core.schedule), runs every ready task, and sleeps `--interval` seconds when the queue
is empty. `--once` does one round and exits (tests, cron). With a task backend that has
its own worker (a Redis queue), this command only runs the scheduler.
"""

from __future__ import annotations

import logging
import os
import random
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from werkwijzer.core.schedule import enqueue_due

logger = logging.getLogger("werkwijzer.worker")
_LOGGERS = ("werkwijzer.worker", "werkwijzer.mail", "django_tasks")
# The queue is checked every round; the schedule needs no more than this.
SCHEDULE_EVERY = 30.0


class Command(BaseCommand):
    help = "Run queued background tasks and start the periodic jobs (Ctrl+C stops)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            "--batch",
            action="store_true",
            dest="once",
            help="Queue due periodic jobs, run every ready task, then exit.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait when the queue is empty (default 1).",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Only run tasks; leave the periodic jobs to another worker.",
        )
        parser.add_argument(
            "--reload", action="store_true", help="Restart when the code changes (development)."
        )
        parser.add_argument("--worker-id", default="", help="Unique name (default: random).")

    def handle(self, *args: Any, **options: Any) -> None:
        self._configure_logging(options["verbosity"])
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        worker_id = options["worker_id"] or f"{os.uname().nodename}-{get_random_string(8)}"
        loop = Loop(
            backend=backend,
            worker_id=worker_id[:64],
            interval=max(options["interval"], 0.0),
            schedule=options["schedule"],
        )
        reloader_parent = options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not reloader_parent:  # with --reload, the child that does the work says it
            self._announce(loop, backend, options["once"])
        if options["once"]:
            loop.round()
            logger.info("Werkwijzer worker %s: queue empty, stopping", loop.worker_id)
        elif options["reload"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                loop.configure_signals()
            run_with_reloader(loop.forever)
        else:
            loop.configure_signals()
            loop.forever()

    def _announce(self, loop: Loop, backend: Any, once: bool) -> None:
        logger.info(
            "Werkwijzer worker %s started: backend %s, scheduler %s, %s",
            loop.worker_id,
            type(backend).__name__,
            "on" if loop.schedule else "off",
            "one round" if once else f"polling every {loop.interval:g} s",
        )

    def _configure_logging(self, verbosity: int) -> None:
        level = logging.WARNING if verbosity == 0 else logging.INFO
        if verbosity > 1:
            level = logging.DEBUG
        for name in _LOGGERS:
            logging.getLogger(name).setLevel(level)
        # django-tasks-db says "starting" and "no more tasks" every round: only when asked.
        logging.getLogger("django_tasks_db").setLevel(
            max(level, logging.WARNING) if verbosity < 2 else level
        )


class Loop:
    """Scheduler plus django-tasks-db's Worker in batch mode, round after round."""

    def __init__(self, *, backend: Any, worker_id: str, interval: float, schedule: bool) -> None:
        self.worker_id = worker_id
        self.interval = interval
        self.schedule = schedule
        self.runs_tasks = isinstance(backend, DatabaseBackend)
        # batch=True: the Worker returns when no task is ready, so the loop here can
        # check the schedule between tasks without a second thread.
        self.worker = Worker(
            queue_names=list(backend.queues) or ["default"],
            interval=0,
            batch=True,
            backend_name=backend.alias,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        if not self.runs_tasks:
            logger.info("Backend %s has its own worker: only scheduling here", backend.alias)

    def configure_signals(self) -> None:
        # The Worker's handlers: Ctrl+C or SIGTERM finish the running task, then stop.
        self.worker.configure_signals()

    def round(self, schedule: bool = True) -> None:
        if self.schedule and schedule:
            enqueue_due()
        if self.runs_tasks:
            self.worker.run()

    def forever(self) -> None:
        # Spread workers that start together, as db_worker's startup delay does.
        time.sleep(random.random() * min(self.interval, 1.0))
        scheduled_at = 0.0
        while self.worker.running:
            due = time.monotonic() - scheduled_at >= SCHEDULE_EVERY
            if due:
                scheduled_at = time.monotonic()
            self.round(schedule=due)
            if self.worker.running:
                time.sleep(self.interval)
