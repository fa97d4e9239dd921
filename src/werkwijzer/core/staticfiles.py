"""Serve only the front-end package files the site uses, not whole npm `dist/` folders.

The npm packages ship far more than the templates use (the design-tokens package alone
is 15 MB, with CSS that points at SVG files it does not contain, which stops the
manifest storage's `collectstatic`). `WERKWIJZER_VENDOR_STATIC` lists each exposed file
as `{"vendor/<name>/<file>": "<path under node_modules>"}`; this finder offers exactly
those, so a file that is not listed is not collected and a template that refers to it
fails the production smoke test.

The two NL Design System stylesheets are served as subsets (`core.css_subset`): only the
components the templates use and the design tokens that CSS reads, built from the npm
files into `var/css/` the first time a process asks for them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage

from werkwijzer.core import css_subset

COMPONENTS = "vendor/utrecht/index.css"
TOKENS = "vendor/utrecht-tokens/theme.css"


class _SingleFileStorage(FileSystemStorage):
    """A storage whose `prefix` places one source file at its public path."""

    def __init__(self, source: Path, public_path: str) -> None:
        super().__init__(location=str(source.parent))
        self.prefix = public_path.rsplit("/", 1)[0] if "/" in public_path else ""


def vendor_files() -> dict[str, Path]:
    """Public static path -> file in node_modules, for every listed vendor file."""
    root = Path(settings.NODE_MODULES_DIR)
    return {public: root / source for public, source in settings.WERKWIJZER_VENDOR_STATIC.items()}


def served_files() -> dict[str, Path]:
    """Public static path -> file to serve: the vendor file, or for the NL Design System
    stylesheets the subset built from it."""
    files = vendor_files()
    if files.get(COMPONENTS, Path()).is_file() and files.get(TOKENS, Path()).is_file():
        files.update(built_subsets(files[COMPONENTS], files[TOKENS]))
    return files


_built: dict[tuple[Path, Path], dict[str, Path]] = {}
_lock = threading.Lock()


def built_subsets(components: Path, tokens: Path) -> dict[str, Path]:
    """The two stylesheets cut down to what the site uses, built once per process (a
    template that starts using another component needs a restart, as code does)."""
    with _lock:
        if (components, tokens) not in _built:
            _built[components, tokens] = _build(components, tokens)
        return _built[components, tokens]


def _build(components: Path, tokens: Path) -> dict[str, Path]:
    package = Path(settings.PACKAGE_DIR)
    kept = css_subset.component_subset(
        components.read_text(encoding="utf-8"), css_subset.used_blocks([package])
    )
    readers = [kept, *(path.read_text(encoding="utf-8") for path in _own_styles(package))]
    built = {
        COMPONENTS: kept,
        TOKENS: css_subset.token_subset(tokens.read_text(encoding="utf-8"), readers),
    }
    folder = Path(settings.BASE_DIR) / "var" / "css"
    paths = {}
    for public, text in built.items():
        path = folder / public
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)  # atomic: another process never reads half a file
        paths[public] = path
    return paths


def _own_styles(package: Path) -> Iterator[Path]:
    """Our stylesheets and templates: what reads the design tokens besides the library."""
    yield from package.rglob("*.css")
    yield from package.rglob("*.html")


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
        source = served_files().get(path)
        found = str(source) if source is not None and source.is_file() else None
        if find_all:
            return [found] if found else []
        return found or []

    def list(
        self, ignore_patterns: Iterable[str] | None
    ) -> Iterator[tuple[str, FileSystemStorage]]:
        for public, source in served_files().items():
            if source.is_file():
                yield source.name, _SingleFileStorage(source, public)
