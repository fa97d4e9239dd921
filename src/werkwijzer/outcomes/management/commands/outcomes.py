"""`werkwijzer outcomes remind` and `werkwijzer outcomes refresh`."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from werkwijzer.outcomes.aggregates import refresh_summary
from werkwijzer.outcomes.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "remind: e-mail everyone whose questionnaire about work is due (once per moment). "
        "refresh: rebuild the dashboard's summary table from the answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["remind", "refresh"])
        parser.add_argument("--today", help="Date to use as today (YYYY-MM-DD); default: today.")
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"),
            help="Address of the site, for the link in the e-mail.",
        )

    def handle(self, *args, **options):
        if options["action"] == "refresh":
            rows = refresh_summary()
            self.stdout.write(f"Summary refreshed: {rows} cells.")
            return
        today = dt.date.today()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"Ongeldige datum / invalid date: {options['today']!r} (YYYY-MM-DD).",
                    returncode=2,
                ) from None
        sent = send_reminders(today, options["base_url"])
        self.stdout.write(f"Reminders queued: {sent}.")
