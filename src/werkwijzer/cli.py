"""The `werkwijzer` command: one entry point for every command of the project.

Each subcommand is a Django management command that lives in the app it belongs to
(`werkwijzer seed`, `werkwijzer plan`, `werkwijzer providers import`, ...), so
`werkwijzer help` lists them all and each one has `--help`.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkwijzer.settings.dev")
    from django.core.management import execute_from_command_line

    arguments = list(sys.argv[1:] if argv is None else argv)
    execute_from_command_line(["werkwijzer", *(arguments or ["help"])])


if __name__ == "__main__":
    main()
