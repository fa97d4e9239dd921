"""Tests play an attacker who got past the database's guards.

On PostgreSQL the audit triggers (migration 0005) let only the tables' owner or a superuser
through, and only with `werkwijzer.audit_maintenance` switched on; the tests connect as a
superuser, so `tamper` is what such an attacker (or a careless owner) can do. What it
changes must still show up in `verify_chain()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection


def tamper(sql: str, params: Sequence[Any] = ()) -> None:
    """Run `sql` past the append-only triggers (a no-op switch on SQLite)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET werkwijzer.audit_maintenance = 'on'")
        try:
            cursor.execute(sql, list(params))
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("RESET werkwijzer.audit_maintenance")
