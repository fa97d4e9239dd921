"""`werkwijzer providers import FILE [--source MAPPING] [--dry-run]`, `... export`."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from werkwijzer.directory.adapters import find_mapping, load_mapping, read_source
from werkwijzer.directory.seeding import remove_demo_providers
from werkwijzer.directory.transfer import (
    EXPORT_FORMATS,
    FORMATS,
    ImportReport,
    UnreadableFile,
    read_records,
    run_import,
    unknown_columns,
    write_export,
)

# Show a progress bar from this many rows; small files finish before it would draw.
PROGRESS_FROM_ROWS = 200


class Command(BaseCommand):
    help = (
        "Import or export providers of the verwijsgids (format: docs/directory.md). "
        "Exit codes: 0 all rows imported, 1 some rows rejected, 2 file unreadable."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        importer = actions.add_parser(
            "import", help="Import providers from a CSV, JSON or Excel (xlsx) file."
        )
        importer.add_argument("file", type=Path, help="FILE.csv, FILE.json or FILE.xlsx")
        importer.add_argument("--format", choices=FORMATS, help="Override the file extension.")
        importer.add_argument(
            "--source",
            help="A mapping file (YAML) for a list in another layout, or the name of one in "
            "content/directory/sources/. Entries of that source missing from the file are "
            "marked for review.",
        )
        importer.add_argument(
            "--dry-run", action="store_true", help="Show what would change; save nothing."
        )
        importer.add_argument(
            "--mark-missing-anyway",
            action="store_true",
            help="Mark missing entries for review even when many are missing.",
        )
        importer.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )
        importer.add_argument(
            "--language", choices=("nl", "en"), default="nl", help="Language of the report."
        )
        exporter = actions.add_parser("export", help="Export every provider.")
        exporter.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
        exporter.add_argument("--output", type=Path, help="File to write (default: stdout).")
        actions.add_parser(
            "remove-demo", help="Delete the invented demo providers (a site that was a demo)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            translation.activate(options["language"])
            self.import_file(options["file"], options)
        elif options["action"] == "remove-demo":
            deleted, hidden = remove_demo_providers()
            self.stdout.write(
                f"Verwijderd / deleted: {deleted}, verborgen (verwijzingen of vragen) / "
                f"hidden (referrals or questions point at them): {hidden}"
            )
        else:
            self.export_file(options["format"], options["output"])

    def _read(self, path: Path, options: dict) -> tuple[list, dict]:
        """The records and the run_import arguments (source, label) for this file."""
        try:
            if not options["source"]:
                records = read_records(path, options["format"])
                for column in unknown_columns(records):
                    self.stderr.write(
                        f"Onbekende kolom genegeerd / unknown column ignored: {column}"
                    )
                return records, {}
            mapping = load_mapping(find_mapping(options["source"]))
            records = read_source(path, mapping, options["format"])
        except UnreadableFile as error:
            raise CommandError(str(error), returncode=2) from error
        source = {"source": mapping.source, "label": mapping.label}
        return records, source | {"mark_missing": mapping.retire}

    def import_file(self, path: Path, options: dict) -> None:
        records, source = self._read(path, options)
        run = {
            **source,
            "dry_run": options["dry_run"],
            "insist": options["mark_missing_anyway"],
        }
        if not options["no_progress"] and len(records) >= PROGRESS_FROM_ROWS:
            # The bare stream: Django's wrapper would add a newline to every chunk.
            console = Console(file=getattr(self.stderr, "_out", sys.stderr))
            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
            )
            with Progress(*columns, console=console, transient=False) as progress:
                task = progress.add_task("Importeren / importing", total=len(records))
                report = run_import(records, lambda n: progress.advance(task, n), **run)
        else:
            report = run_import(records, **run)
        self.write_report(report)
        if report.rejected:
            raise CommandError(
                f"{len(report.rejected)} rij(en) afgewezen / row(s) rejected.", returncode=1
            )

    def write_report(self, report: ImportReport) -> None:
        if report.dry_run:
            self.stdout.write("Proefdraai: niets opgeslagen / dry run: nothing saved")
        self.stdout.write(
            f"Nieuw / created: {report.created}, bijgewerkt / updated: {report.updated}, "
            f"ongewijzigd / unchanged: {report.unchanged}, "
            f"afgewezen / rejected: {len(report.rejected)}"
        )
        if report.kept_by_owner:
            self.stdout.write(
                f"Bijgehouden door de eigenaar, niet overschreven / kept by its owner, "
                f"not overwritten: {report.kept_by_owner}"
            )
        if report.retired:
            self.stdout.write(
                f"Niet meer in de bron, gemarkeerd voor controle / gone from the source, "
                f"marked for review: {len(report.retired)} ({', '.join(report.retired[:20])}"
                f"{', ...' if len(report.retired) > 20 else ''})"
            )
        for warning in report.warnings:
            self.stderr.write(warning)
        for rejected in report.rejected:
            label = f" ({rejected.external_id})" if rejected.external_id else ""
            self.stdout.write(f"Rij / row {rejected.row}{label}: " + "; ".join(rejected.reasons))

    def export_file(self, fmt: str, output: Path | None) -> None:
        if output is None:
            buffer = io.StringIO()
            count = write_export(buffer, fmt)
            self.stdout.write(buffer.getvalue(), ending="")
            self.stderr.write(f"{count} aanbieders / providers")
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = write_export(handle, fmt)
        except OSError as error:
            raise CommandError(
                f"Kan niet schrijven / cannot write {output}: {error.strerror}", returncode=2
            ) from error
        self.stdout.write(f"{count} aanbieders geschreven naar / providers written to {output}")
