"""Load the demo content: every app that has a `seeding.py` with a `seed(context)`.

Apps are seeded in the order of INSTALLED_APPS, so an app can rely on the apps listed
before it (the directory on the helper catalogue, for example). Seeding is idempotent:
running it twice leaves the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction


@dataclass
class SeedContext:
    content_dir: Path
    write: Callable[[str], None] = print
    options: dict = field(default_factory=dict)


def seeders() -> list[tuple[str, Callable[[SeedContext], None]]]:
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.seeding"
        if not config.name.startswith("werkwijzer.") or find_spec(module_name) is None:
            continue
        seed = getattr(import_module(module_name), "seed", None)
        if seed is not None:
            found.append((config.label, seed))
    return found


def seed_all(context: SeedContext | None = None, only: set[str] | None = None) -> list[str]:
    """Run every app's seeder (or only those named); returns the labels that ran."""
    context = context or SeedContext(content_dir=settings.CONTENT_DIR)
    ran = []
    for label, seed in seeders():
        if only and label not in only:
            continue
        with transaction.atomic():
            seed(context)
        ran.append(label)
    return ran
