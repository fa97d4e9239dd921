from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from werkwijzer.core.seeding import SeedContext, seed_all, seeders


class Command(BaseCommand):
    help = "Load the demo content from content/ (idempotent: safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", nargs="+", metavar="APP", help="Seed only these apps (by label)."
        )
        parser.add_argument(
            "--content-dir", default=str(settings.CONTENT_DIR), help="Folder with the content."
        )
        parser.add_argument(
            "--outcomes", action="store_true", help="Also generate the synthetic outcome data."
        )

    def handle(self, *args, **options):
        known = {label for label, _seed in seeders()}
        only = set(options["only"] or [])
        if unknown := only - known:
            raise CommandError(
                f"Onbekende app(s) / unknown app(s): {', '.join(sorted(unknown))}. "
                f"Kies uit / choose from: {', '.join(sorted(known))}.",
                returncode=2,
            )
        context = SeedContext(
            content_dir=settings.CONTENT_DIR.__class__(options["content_dir"]),
            write=lambda line: self.stdout.write(line),
            options={"outcomes": options["outcomes"]},
        )
        ran = seed_all(context, only or None)
        self.stdout.write(self.style.SUCCESS(f"Seeded: {', '.join(ran) or 'nothing'}"))
