"""`werkwijzer plan --json`: a situation (JSON) in, the personal plan out."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from werkwijzer.navigator.messages import problem_as_error
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import InvalidSituation, parse_situation

MAX_INPUT_BYTES = 256 * 1024


class Command(BaseCommand):
    help = (
        "Make a personal plan from a situation in JSON (from standard input or --situation FILE). "
        "Exit code 2 on bad input, with a message that names the field."
    )
    # A read-only command: the system checks (the URL and API build, about 2 s) run with
    # `check`, migrate and the servers, not before every answer (issue 16).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--situation", metavar="FILE", help="JSON file with the situation.")
        parser.add_argument(
            "--json", action="store_true", help="Print the plan as JSON (default: readable text)."
        )

    def _read(self, path: str | None) -> str:
        try:
            if path:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read(MAX_INPUT_BYTES + 1)
            else:
                text = sys.stdin.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise CommandError(
                f"Kan bestand niet lezen / cannot read file: {error}", returncode=2
            ) from None
        except UnicodeDecodeError:
            raise CommandError(
                "Het bestand is geen UTF-8 tekst / not UTF-8 text.", returncode=2
            ) from None
        if len(text) > MAX_INPUT_BYTES:
            raise CommandError("Invoer te groot (max 256 kB) / input too large.", returncode=2)
        return text

    def handle(self, *args, **options):
        text = self._read(options["situation"])
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(
                f"Geen geldige JSON / not valid JSON: {error}", returncode=2
            ) from None
        language = data.get("language", "nl") if isinstance(data, dict) else "nl"
        with translation.override(language if language in ("nl", "en") else "nl"):
            try:
                situation = parse_situation(data)
            except InvalidSituation as invalid:
                lines = [
                    f"{e['field']}: {e['message']}" for e in map(problem_as_error, invalid.problems)
                ]
                raise CommandError("\n".join(lines), returncode=2) from None
            plan = make_plan(situation)
        if options["json"]:
            self.stdout.write(json.dumps(plan.as_dict(), ensure_ascii=False, indent=2))
            return
        for warning in plan.warnings:
            self.stdout.write(f"! {warning.text}")
        for number, helper in enumerate(plan.helpers, start=1):
            self.stdout.write(
                f"{number}. {helper.title} [{helper.slug}, priority {helper.priority}]"
            )
            self.stdout.write(f"   {helper.why[0].text}")
        for milestone in plan.milestones:
            self.stdout.write(f"- {milestone.due.isoformat()} {milestone.code}: {milestone.what}")
        for step in plan.next_steps:
            self.stdout.write(f"> {step}")
