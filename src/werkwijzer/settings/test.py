"""Tests: PostgreSQL when DATABASE_URL is set (CI), SQLite otherwise."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret")
os.environ.setdefault("DJANGO_DEBUG", "false")

from werkwijzer.records import keys as audit_keys
from werkwijzer.settings.base import *  # noqa: F403

# Hashing strength is irrelevant in tests; Argon2 stays the production default.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["TEST"] = {"NAME": None}  # noqa: F405
# A task runs inside the test that enqueues it, so a test sees its e-mail at once. The
# worker's own tests switch to the database backend (core/tests/test_worker.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WERKWIJZER_MAIL_RETRY_DELAYS = [0, 0]
# The tests run against the demo content (DEBUG is off here, so say it).
WERKWIJZER_DEMO_CONTENT = True
# A test's content changes are rolled back with its transaction: read the content version
# on every use, so the next test never sees a cache built from rolled-back content.
WERKWIJZER_CONTENT_CHECK_SECONDS = 0.0
# For the same reason no page is kept between requests; core/tests/test_page_cache.py
# and the production tests (gunicorn, production settings) switch it on.
WERKWIJZER_PAGE_CACHE_SECONDS = 0
# The audit chain is sealed with the named development key; no anchor file unless one is
# set, so verify() in one test leaves nothing for the next (audit tests use tmp_path).
WERKWIJZER_AUDIT_KEYS = WERKWIJZER_AUDIT_KEYS or [audit_keys.DEVELOPMENT_KEY]  # noqa: F405
WERKWIJZER_AUDIT_ANCHOR_FILE = os.environ.get("WERKWIJZER_AUDIT_ANCHOR_FILE", "")
