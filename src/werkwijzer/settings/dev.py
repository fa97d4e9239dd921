"""Development: `make run`. Debug on, a fixed development-only secret, SQLite by default."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "development-only-secret-not-for-production")
os.environ.setdefault("DJANGO_DEBUG", "true")

from werkwijzer.records import keys as audit_keys
from werkwijzer.settings.base import *  # noqa: F403

# The audit chain is sealed with the named development key unless one is set.
WERKWIJZER_AUDIT_KEYS = WERKWIJZER_AUDIT_KEYS or [audit_keys.DEVELOPMENT_KEY]  # noqa: F405

# The site's own 404 and 500 pages under DEBUG too (core/error_pages.py).
if not env_bool("WERKWIJZER_DJANGO_DEBUG_PAGES", False):  # noqa: F405
    MIDDLEWARE = [*MIDDLEWARE, "werkwijzer.core.error_pages.SiteErrorPagesMiddleware"]  # noqa: F405
