"""The `werkwijzer` command: one entry point for every command of the project.

Each subcommand is a Django management command that lives in the app it belongs to
(`werkwijzer seed`, `werkwijzer plan`, `werkwijzer providers import`, ...), so
`werkwijzer help` lists them all and each one has `--help`.
"""

from __future__ import annotations

import os
import sys

DEV_SETTINGS = "werkwijzer.settings.dev"
ALLOW_DEV_DATABASE = "WERKWIJZER_ALLOW_DEV_DATABASE"
# Commands that never open the database may run with any settings.
_NO_DATABASE_COMMANDS = {"help", "--help", "-h", "version", "--version"}
_NO_DATABASE_COMMANDS |= {"compilemessages", "makemessages"}


def dev_settings_on_a_server_database(command: str, environ: dict[str, str]) -> bool:
    """True when the development settings (DEBUG on, a known secret, demo accounts)
    would run against a database server: almost always a mistake with real data."""
    if environ.get("DJANGO_SETTINGS_MODULE") != DEV_SETTINGS:
        return False
    if command in _NO_DATABASE_COMMANDS:
        return False
    url = environ.get("DATABASE_URL", "")
    if not url or url.startswith("sqlite"):
        return False
    return environ.get(ALLOW_DEV_DATABASE, "").strip().lower() not in {"1", "true", "yes"}


def _refusal(database_url: str) -> str:
    scheme = database_url.split(":", 1)[0]  # never the rest: it may hold a password
    return (
        f"Geweigerd: de ontwikkelinstellingen ({DEV_SETTINGS}: DEBUG aan, demo-accounts) "
        f"met een databaseserver ({scheme}). Gebruik "
        "DJANGO_SETTINGS_MODULE=werkwijzer.settings.production, of zet "
        f"{ALLOW_DEV_DATABASE}=1 als je dit echt wilt.\n"
        f"Refused: the development settings with a database server ({scheme}). Use "
        "DJANGO_SETTINGS_MODULE=werkwijzer.settings.production, or set "
        f"{ALLOW_DEV_DATABASE}=1 if you really mean it.\n"
    )


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEV_SETTINGS)
    arguments = list(sys.argv[1:] if argv is None else argv) or ["help"]
    if dev_settings_on_a_server_database(arguments[0], dict(os.environ)):
        sys.stderr.write(_refusal(os.environ["DATABASE_URL"]))
        raise SystemExit(2)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["werkwijzer", *arguments])


if __name__ == "__main__":
    main()
