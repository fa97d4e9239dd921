"""Benchmarks: like production (DEBUG off, no debug toolbar), with a local database.

BENCH_DATABASE_URL picks the database; the default is a PostgreSQL database
`werkwijzer_bench` on 127.0.0.1 (created by the benchmark when missing).
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault(
    "DATABASE_URL",
    os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkwijzer_bench"),
)

from werkwijzer.records import keys as audit_keys
from werkwijzer.settings.base import *  # noqa: F403

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING["root"]["level"] = "ERROR"  # noqa: F405

# The audit chain is sealed with the named development key unless one is set.
WERKWIJZER_AUDIT_KEYS = WERKWIJZER_AUDIT_KEYS or [audit_keys.DEVELOPMENT_KEY]  # noqa: F405

# Benchmarks send thousands of API requests a second from 127.0.0.1: the per-address API
# limit would turn them into 429s and measure the limiter (core.ratelimit).
WERKWIJZER_RATE_LIMITS = {**WERKWIJZER_RATE_LIMITS, "api": None}  # noqa: F405
