"""The `werkwijzer` command: one entry point for every command of the project.

Each subcommand is a Django management command that lives in the app it belongs to
(`werkwijzer seed`, `werkwijzer plan`, `werkwijzer providers import`, ...), so
`werkwijzer help` lists them all and each one has `--help`.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
from pathlib import Path

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


def _app_module(entry: str) -> str:
    """The package of an INSTALLED_APPS entry, also for an AppConfig's dotted path."""
    parts = entry.split(".")
    if parts[-1][:1].isupper():  # "package.apps.SomeConfig"
        parts = parts[:-2] if len(parts) > 2 and parts[-2] == "apps" else parts[:-1]
    return ".".join(parts)


def command_names() -> dict[str, list[str]]:
    """Every subcommand by the app that has it, read from the management/commands folders
    without setting Django up: `werkwijzer help` answers in a fraction of a second."""
    settings = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    found: dict[str, list[str]] = {"django": _commands_in(Path(_location("django.core")))}
    for entry in settings.INSTALLED_APPS:
        package = _app_module(entry)
        location = _location(package)
        names = _commands_in(Path(location)) if location else []
        if names:  # under the app's label, as Django lists them (two apps may share one)
            label = package.rpartition(".")[2]
            found[label] = sorted({*found.get(label, []), *names})
    return found


def _location(package: str) -> str | None:
    spec = importlib.util.find_spec(package)
    return spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None


def _commands_in(package_dir: Path) -> list[str]:
    folder = package_dir / "management" / "commands"
    modules = pkgutil.iter_modules([str(folder)]) if folder.is_dir() else []
    return sorted(m.name for m in modules if not m.ispkg and not m.name.startswith("_"))


def fast_help() -> str:
    lines = [
        "",
        "Type 'werkwijzer help <subcommand>' for help on a specific subcommand.",
        "",
        "Available subcommands:",
    ]
    for app, names in sorted(command_names().items()):
        lines += ["", f"[{app}]", *(f"    {name}" for name in names)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEV_SETTINGS)
    arguments = list(sys.argv[1:] if argv is None else argv) or ["help"]
    if arguments in (["help"], ["--help"], ["-h"]):
        sys.stdout.write(fast_help())
        return
    if dev_settings_on_a_server_database(arguments[0], dict(os.environ)):
        sys.stderr.write(_refusal(os.environ["DATABASE_URL"]))
        raise SystemExit(2)
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(["werkwijzer", *arguments])
    except DatabaseError as error:  # no stack trace for a database that is not ready
        sys.stderr.write(_database_message(error))
        raise SystemExit(1) from None


def _database_message(error: Exception) -> str:
    return (
        f"De database antwoordt niet zoals verwacht ({type(error).__name__}: {error}). Is hij "
        "bijgewerkt? Voer 'werkwijzer migrate' en 'werkwijzer seed' uit (make run doet dat).\n"
        f"The database did not answer as expected ({type(error).__name__}). Is it up to "
        "date? Run 'werkwijzer migrate' and 'werkwijzer seed' (make run does both).\n"
    )


if __name__ == "__main__":
    main()
