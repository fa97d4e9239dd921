"""Backup and restore exactly as docs/operations.md says: pg_dump in the custom format,
pg_restore into an empty database, migrate; the restored copy holds the same rows and
its audit chain verifies against the anchors of the original."""

from __future__ import annotations

import shutil
import subprocess

import psycopg
import pytest

from tests.servers import postgres_server_url, temporary_database, werkwijzer

TABLES = ("accounts_user", "directory_provider", "helpers_helper", "records_auditevent")


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }


def _run(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, f"{command[0]} failed:\n{result.stderr[-2000:]}"


def test_a_backup_restores_into_a_working_copy(production_site):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump and pg_restore are not installed")
    _, environ, folder = production_site
    original = environ["DATABASE_URL"]
    werkwijzer("audit", "verify", env=environ)  # anchors the head the backup must match
    dump = folder / "werkwijzer-backup.dump"
    _run("pg_dump", "--format=custom", f"--file={dump}", original)
    with temporary_database(postgres_server_url(), prefix="ww_restored") as restored:
        _run("pg_restore", "--clean", "--if-exists", "--dbname", restored, str(dump))
        copy = {**environ, "DATABASE_URL": restored}
        werkwijzer("migrate", "--no-input", "-v", "0", env=copy)
        assert _counts(restored) == _counts(original)
        report = werkwijzer("audit", "verify", env=copy)
        assert "head" in report.lower()
