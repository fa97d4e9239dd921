"""The `werkwijzer` command refuses the development settings on a database server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from werkwijzer.cli import dev_settings_on_a_server_database

DEV = {"DJANGO_SETTINGS_MODULE": "werkwijzer.settings.dev"}
SERVER_DATABASE = {"DATABASE_URL": "postgres://app:geheim@db.example:5432/werkwijzer"}


@pytest.mark.parametrize(
    ("command", "environ", "refused"),
    [
        ("migrate", {**DEV, **SERVER_DATABASE}, True),
        ("seed", {**DEV, **SERVER_DATABASE}, True),
        ("migrate", DEV, False),  # SQLite, the default of `make run`
        ("migrate", {**DEV, "DATABASE_URL": "sqlite:///db.sqlite3"}, False),
        ("compilemessages", {**DEV, **SERVER_DATABASE}, False),  # never opens the database
        ("help", {**DEV, **SERVER_DATABASE}, False),
        ("migrate", {**DEV, **SERVER_DATABASE, "WERKWIJZER_ALLOW_DEV_DATABASE": "1"}, False),
        (
            "migrate",
            {"DJANGO_SETTINGS_MODULE": "werkwijzer.settings.production", **SERVER_DATABASE},
            False,
        ),
    ],
)
def test_which_runs_are_refused(command, environ, refused):
    assert dev_settings_on_a_server_database(command, environ) is refused


def test_the_console_script_refuses_and_never_prints_the_password():
    werkwijzer = Path(sys.executable).with_name("werkwijzer")
    environ = {**os.environ, **DEV, **SERVER_DATABASE}
    environ.pop("WERKWIJZER_ALLOW_DEV_DATABASE", None)
    result = subprocess.run(
        [str(werkwijzer), "migrate"], env=environ, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "Geweigerd" in result.stderr and "Refused" in result.stderr
    assert "geheim" not in result.stderr and "db.example" not in result.stderr


def test_fast_help_lists_every_command_django_knows(monkeypatch):
    """`werkwijzer help` reads the command folders instead of setting Django up (issue 16);
    it must list exactly what Django's own command list has."""
    from django.core.management import get_commands

    from werkwijzer import cli

    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "werkwijzer.settings.test")
    listed = {name for names in cli.command_names().values() for name in names}
    assert listed == set(get_commands())
    assert "plan" in cli.fast_help() and "[navigator]" in cli.fast_help()


def test_a_database_that_is_not_migrated_gets_a_message_not_a_traceback(tmp_path):
    werkwijzer = Path(sys.executable).with_name("werkwijzer")
    situation = tmp_path / "situation.json"
    situation.write_text(
        '{"role": "werkende", "employment": "loondienst-vast", "phase": "behandeling",'
        ' "working": "niet", "age": 45}',
        encoding="utf-8",
    )
    environ = {**os.environ, **DEV, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = subprocess.run(
        [str(werkwijzer), "plan", "--situation", str(situation)],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "werkwijzer migrate" in result.stderr and "Traceback" not in result.stderr
