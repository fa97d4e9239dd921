"""Development: `make run`. Debug on, a fixed development-only secret, SQLite by default."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "development-only-secret-not-for-production")
os.environ.setdefault("DJANGO_DEBUG", "true")

from werkwijzer.settings.base import *  # noqa: F403
