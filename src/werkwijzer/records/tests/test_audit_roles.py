"""The role split of docs/operations.md ("Audit log: key, rotation, anchoring, roles"), done
as an operator does it: a migrator login (CREATEROLE, owns the database) runs `werkwijzer
migrate`, grants the app login its rights, and the app login then writes and verifies the
audit log but cannot change, delete or empty it. One fresh database, dropped afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL roles"),
]

# Exactly the statements of docs/operations.md, run by the migrator after `migrate`.
OPERATOR_GRANTS = """
GRANT werkwijzer_audit_writer TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {app};
REVOKE UPDATE, DELETE, TRUNCATE ON records_auditevent FROM {app};
REVOKE DELETE, TRUNCATE ON records_auditchainhead FROM {app};
"""

APP_WORK = """
from werkwijzer.accounts.testing import make_user
from werkwijzer.records import audit
person = make_user("person")
for _ in range(3):
    audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
result = audit.verify_chain()
print("verified", result.ok, result.checked)
"""


def _url(user: str, database: str) -> str:
    server = settings.DATABASES["default"]
    return f"postgres://{user}@{server['HOST'] or '127.0.0.1'}:{server['PORT'] or 5432}/{database}"


def _werkwijzer(url: str, *arguments: str) -> str:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WERKWIJZER_", "DATABASE_"))
    }
    environ.update(DJANGO_SETTINGS_MODULE="werkwijzer.settings.test", DATABASE_URL=url)
    command = [str(Path(sys.executable).parent / "werkwijzer"), *arguments]
    done = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout + done.stderr


@contextmanager
def _deployment(migrator_options: str) -> Iterator[dict[str, str]]:
    """A database owned by a new migrator login that has run `werkwijzer migrate`."""
    suffix = uuid.uuid4().hex[:8]
    names = {
        "migrator": f"ww_migrator_{suffix}",
        "app": f"ww_app_{suffix}",
        "database": f"ww_audit_roles_{suffix}",
    }
    superuser = _url(settings.DATABASES["default"]["USER"], "postgres")
    with psycopg.connect(superuser, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {names['migrator']} LOGIN {migrator_options}")
        admin.execute(f"CREATE ROLE {names['app']} LOGIN")
        admin.execute(f"CREATE DATABASE {names['database']} OWNER {names['migrator']}")
    try:
        names["migrate_output"] = _werkwijzer(
            _url(names["migrator"], names["database"]), "migrate", "--no-input"
        )
        yield names
    finally:
        with psycopg.connect(superuser, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {names['database']} WITH (FORCE)")
            admin.execute(f"DROP ROLE IF EXISTS {names['app']}")
            admin.execute(f"DROP ROLE IF EXISTS {names['migrator']}")


@pytest.fixture(scope="module")
def deployment() -> Iterator[dict[str, str]]:
    with _deployment("CREATEROLE") as names:
        migrator = _url(names["migrator"], names["database"])
        with psycopg.connect(migrator, autocommit=True) as db:
            for statement in OPERATOR_GRANTS.format(app=names["app"]).split(";"):
                if statement.strip():
                    db.execute(statement)
        app = _url(names["app"], names["database"])
        names["app_output"] = _werkwijzer(app, "shell", "-c", APP_WORK)
        yield names


def _refusal(url: str, sql: str) -> str:
    """Run the statements of `sql`; the last must be refused. Returns the refusal."""
    *before, last = [statement for statement in sql.split(";") if statement.strip()]
    with psycopg.connect(url, autocommit=True) as db:
        for statement in before:
            db.execute(statement)
        with pytest.raises(psycopg.Error) as error:
            db.execute(last)
    return str(error.value)


def test_the_audit_tables_belong_to_the_owner_role(deployment):
    url = _url(deployment["migrator"], deployment["database"])
    with psycopg.connect(url) as db:
        owners = db.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE tablename LIKE 'records_audit%'"
        ).fetchall()
        others = db.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE tablename = 'accounts_user'"
        ).fetchall()
    assert owners == [("werkwijzer_audit_owner",)]
    assert others == [(deployment["migrator"],)]


def test_the_app_login_writes_and_verifies_but_cannot_rewrite(deployment):
    app = _url(deployment["app"], deployment["database"])
    assert "verified True 3" in deployment["app_output"]
    for sql in (
        "UPDATE records_auditevent SET reason = 'x'",
        "DELETE FROM records_auditevent",
        "TRUNCATE records_auditevent",
        "DELETE FROM records_auditchainhead",
        "TRUNCATE records_auditchainhead",
        "ALTER TABLE records_auditevent DISABLE TRIGGER USER",
        "SET werkwijzer.audit_maintenance = 'on'; DELETE FROM records_auditevent",
    ):
        message = _refusal(app, sql)
        assert "permission denied" in message or "must be owner" in message, sql
    assert "only moves forward" in _refusal(
        app, "UPDATE records_auditchainhead SET last_sequence = 1"
    )
    with psycopg.connect(app, autocommit=True) as db:  # the rest of the app works as before
        db.execute("UPDATE accounts_user SET first_name = 'Anna'")


def test_even_the_migrator_needs_the_maintenance_switch(deployment):
    migrator = _url(deployment["migrator"], deployment["database"])
    assert "append-only: DELETE refused" in _refusal(migrator, "DELETE FROM records_auditevent")
    assert "append-only: TRUNCATE refused" in _refusal(migrator, "TRUNCATE records_auditevent")


def test_without_createrole_the_tables_keep_their_owner_and_the_triggers_hold():
    with _deployment("NOCREATEROLE") as names:
        assert "may not create roles" in names["migrate_output"]
        migrator = _url(names["migrator"], names["database"])
        with psycopg.connect(migrator) as db:
            owners = db.execute(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE tablename LIKE 'records_audit%'"
            ).fetchall()
        assert owners == [(names["migrator"],)]
        assert "append-only: TRUNCATE refused" in _refusal(migrator, "TRUNCATE records_auditevent")
