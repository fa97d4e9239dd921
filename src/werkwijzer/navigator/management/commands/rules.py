"""`werkwijzer rules export`: the wegwijzer's rules as a table an expert can read.

    werkwijzer rules export                       Markdown to the screen (Dutch)
    werkwijzer rules export --format csv          CSV, for a spreadsheet
    werkwijzer rules export --output docs/rules.md
    werkwijzer rules export --language en

docs/rules.md is this command's Markdown; a test checks that it is up to date.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from werkwijzer.navigator.rules_export import WORDS, csv_text, markdown


class Command(BaseCommand):
    help = "Export the wegwijzer's rules as a table (Markdown or CSV)."
    # A read-only command: the system checks (the URL and API build, about 2 s) run with
    # `check`, migrate and the servers, not before every answer (issue 16).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export"], help="What to do: export.")
        parser.add_argument("--format", choices=["markdown", "csv"], default="markdown")
        parser.add_argument("--language", default="nl", help="nl (default) or en.")
        parser.add_argument("--output", help="Write to this file instead of the screen.")

    def handle(self, *args, **options):
        language = options["language"]
        if language not in WORDS:
            raise CommandError(
                f"Onbekende taal / unknown language: {language} (nl, en)", returncode=2
            )
        text = markdown(language) if options["format"] == "markdown" else csv_text(language)
        if not options["output"]:
            self.stdout.write(text, ending="")
            return
        path = Path(options["output"])
        if not path.parent.is_dir():
            raise CommandError(
                f"Map bestaat niet / folder does not exist: {path.parent}", returncode=2
            )
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"{path}")
