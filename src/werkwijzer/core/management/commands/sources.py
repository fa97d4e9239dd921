"""`werkwijzer sources check --offline`: the sources nobody compared with our text in the
last 12 months (or never), and the claims that lean on them.

Offline: it reads the `checked` dates of core/sources.yaml and the claims of every app
(core.claims); it opens no web page. The exit code is 1 when a source is stale, so a
scheduled job or CI step can flag it; bad input exits with 2.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from werkwijzer.core.claims import Claim, all_claims, claims_by_source
from werkwijzer.core.sources import Source, stale_sources


class Command(BaseCommand):
    help = "Check the sources: list those not checked for 12 months and the claims using them."
    # A read-only command: the system checks (the URL and API build, about 2 s) run with
    # `check`, migrate and the servers, not before every answer (issue 16).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check"], help="What to do: check.")
        parser.add_argument(
            "--offline",
            action="store_true",
            help="Use only the checked dates in sources.yaml; open no web page.",
        )
        parser.add_argument(
            "--months", type=int, default=12, help="A source is stale after this many months."
        )

    def handle(self, *args, **options):
        if not options["offline"]:
            raise CommandError(
                "Alleen de offline controle bestaat: gebruik --offline / "
                "Only the offline check exists: use --offline",
                returncode=2,
            )
        if options["months"] < 1:
            raise CommandError(
                "--months moet 1 of meer zijn / --months must be 1 or more", returncode=2
            )
        today = timezone.localdate()
        stale = stale_sources(today, options["months"])
        if not stale:
            self.stdout.write(
                f"Alle bronnen zijn in de laatste {options['months']} maanden gecontroleerd / "
                f"every source was checked in the last {options['months']} months."
            )
            return
        using = claims_by_source(all_claims())
        self.stdout.write(
            f"{len(stale)} bron(nen) niet gecontroleerd in {options['months']} maanden / "
            f"source(s) not checked for {options['months']} months ({today.isoformat()}):"
        )
        for source in sorted(stale, key=lambda item: (item.checked_on or dt.date.min, item.key)):
            self._report(source, using.get(source.key, []))
        raise CommandError(
            f"{len(stale)} bron(nen) verouderd / source(s) out of date", returncode=1
        )

    def _report(self, source: Source, claims: list[Claim]) -> None:
        checked = source.checked_on.isoformat() if source.checked_on else "nooit / never"
        self.stdout.write("")
        self.stdout.write(f"{source.key}: {source.title} ({source.publisher})")
        self.stdout.write(f"  {source.url}")
        self.stdout.write(f"  gecontroleerd / checked: {checked}")
        self.stdout.write(f"  gebruikt door / used by {len(claims)} claim(s):")
        for item in claims:
            self.stdout.write(f"    {item.where}: {item.excerpt}")
