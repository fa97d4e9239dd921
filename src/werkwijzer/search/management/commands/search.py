import json

from django.core.management.base import BaseCommand, CommandError

from werkwijzer.search.documents import TYPES
from werkwijzer.search.services import LANGUAGES, search


class Command(BaseCommand):
    help = 'Search articles, helper kinds and providers: werkwijzer search "moe op mijn werk".'
    # A read-only command: the system checks (the URL and API build, about 2 s) run with
    # `check`, migrate and the servers, not before every answer (issue 16).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("query", help="What you are looking for, in your own words.")
        parser.add_argument("--lang", default="nl", help="nl (default) or en.")
        parser.add_argument("--persona", default="", help="role:employment, e.g. werkende:zzp.")
        parser.add_argument(
            "--type", default="", help="article, helper, provider, faq (comma list)."
        )
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options):
        if options["lang"] not in LANGUAGES:
            raise CommandError("Kies nl of en / choose nl or en.", returncode=2)
        kinds = [kind for kind in options["type"].split(",") if kind]
        if any(kind not in TYPES for kind in kinds):
            raise CommandError(
                "Kies uit / choose from: article, helper, provider, faq.", returncode=2
            )
        if not 1 <= options["limit"] <= 50:
            raise CommandError("Kies een limiet van 1 tot 50 / limit 1 to 50.", returncode=2)
        response = search(
            options["query"],
            language=options["lang"],
            persona=options["persona"],
            types=kinds,
            limit=options["limit"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(response.as_dict(), ensure_ascii=False, indent=2))
            return
        if response.message:
            self.stdout.write(response.message)
        if response.suggestion:
            self.stdout.write(f"Bedoelde je / did you mean: {response.suggestion}")
        for number, result in enumerate(response.results, 1):
            self.stdout.write(f"{number}. [{result.type}] {result.title}  {result.url}")
