"""Serve only the front-end package files the site uses, not whole npm `dist/` folders.

The npm packages ship far more than the templates use (the design-tokens package alone
is 15 MB, with CSS that points at SVG files it does not contain, which stops the
manifest storage's `collectstatic`). `WERKWIJZER_VENDOR_STATIC` lists each exposed file
as `{"vendor/<name>/<file>": "<path under node_modules>"}`; this finder offers exactly
those, so a file that is not listed is not collected and a template that refers to it
fails the production smoke test.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage


class _SingleFileStorage(FileSystemStorage):
    """A storage whose `prefix` places one source file at its public path."""

    def __init__(self, source: Path, public_path: str) -> None:
        super().__init__(location=str(source.parent))
        self.prefix = public_path.rsplit("/", 1)[0] if "/" in public_path else ""


def vendor_files() -> dict[str, Path]:
    """Public static path -> file in node_modules, for every listed vendor file."""
    root = Path(settings.NODE_MODULES_DIR)
    return {public: root / source for public, source in settings.WERKWIJZER_VENDOR_STATIC.items()}


class VendorFilesFinder(BaseFinder):
    """Finds the listed vendor files (and nothing else) in node_modules."""

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        missing = [public for public, source in vendor_files().items() if not source.is_file()]
        if not missing:
            return []
        return [
            Error(
                f"Front-end files missing: {', '.join(sorted(missing))}.",
                hint="Run `npm ci` (the Makefile does this) or fix WERKWIJZER_VENDOR_STATIC.",
                id="werkwijzer.E001",
            )
        ]

    # Django's own finders answer "not found" with [] (the stubs say None): so does this.
    def find(  # type: ignore[override]
        self, path: str, find_all: bool = False, **kwargs: Any
    ) -> str | list[str]:
        source = vendor_files().get(path)
        found = str(source) if source is not None and source.is_file() else None
        if find_all:
            return [found] if found else []
        return found or []

    def list(
        self, ignore_patterns: Iterable[str] | None
    ) -> Iterator[tuple[str, FileSystemStorage]]:
        for public, source in vendor_files().items():
            if source.is_file():
                yield source.name, _SingleFileStorage(source, public)
