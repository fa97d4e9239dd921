"""`werkwijzer timeline`: the sick-leave timeline on the command line (text, JSON or .ics)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from werkwijzer.timeline.ics import route_to_ics
from werkwijzer.timeline.routes import LANGUAGES, format_date, party_label
from werkwijzer.timeline.services import (
    INPUT_FIELDS,
    TimelineInputError,
    compute,
    parse_input,
    route_to_dict,
)


class Command(BaseCommand):
    help = "Show the sick-leave timeline for a situation (text, --json or --ics)."
    # A read-only command: the system checks (the URL and API build, about 2 s) run with
    # `check`, migrate and the servers, not before every answer (issue 16).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--employment", required=True, help="an employment slug")
        parser.add_argument("--sick-since", required=True, help="first sick day, YYYY-MM-DD")
        parser.add_argument("--contract-end", help="end of the contract, YYYY-MM-DD")
        parser.add_argument(
            "--history",
            action="append",
            default=[],
            metavar="START/END",
            help="an earlier period of sickness; repeat for more",
        )
        parser.add_argument(
            "--earlier-sick-spell",
            action="append",
            default=[],
            dest="history",
            metavar="FROM/TO",
            help="the same as --history",
        )
        parser.add_argument("--agency-clause", help="uitzendkracht: uitzendbeding (yes/no)")
        parser.add_argument("--benefit-end", help="uitkering-ww: last day of the WW, YYYY-MM-DD")
        parser.add_argument("--extension-weeks", help="longer sick pay, in weeks")
        parser.add_argument(
            "--extension-kind", help="vrijwillig (agreed, default) or loonsanctie (by UWV)"
        )
        parser.add_argument("--wia-applied", help="has the WIA been applied for (yes/no)")
        parser.add_argument("--role", help="whose words: werkende, naaste, werkgever, professional")
        parser.add_argument("--aov-waiting-days", help="zzp: waiting period of the AOV in days")
        parser.add_argument("--language", default="nl", choices=LANGUAGES)
        output = parser.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", help="print JSON")
        output.add_argument("--ics", action="store_true", help="print an iCalendar file")
        parser.add_argument(
            "--all-dates", action="store_true", help="--ics: also the dates that have passed"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["language"]
        with translation.override(language):
            try:
                situation = parse_input(
                    {name: options[name] for name in INPUT_FIELDS}, options["history"]
                )
                route = compute(situation, language)
            except TimelineInputError as error:
                lines = [f"{e['field']}: {e['message']}" for e in error.errors]
                raise CommandError("\n".join(lines), returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(route_to_dict(route), ensure_ascii=False, indent=2))
        elif options["ics"]:
            ics = route_to_ics(route, include_past=options["all_dates"])
            self.stdout.write(ics.decode("utf-8"), ending="")
        else:
            for alert in route.alerts:
                self.stdout.write(f"! {alert.text}")
            for note in route.notes:
                self.stdout.write(note)
            for step in route.steps:
                milestone = step.milestone
                week = f" (week {milestone.week})" if milestone.week else ""
                self.stdout.write(
                    f"{format_date(milestone.due, language)}{week} · {step.title} · "
                    f"{party_label(milestone.who, language)}\n    {milestone.what}"
                )
