"""`werkwijzer flush` (Django's flush) also empties the audit log on PostgreSQL.

The audit tables' triggers refuse TRUNCATE (migration 0005) unless the tables' owner or a
superuser switches on `werkwijzer.audit_maintenance` for the session. Django's test
framework empties the database between transactional tests with this command, so it sets
the switch; run by the application's own user (not the owner) it still fails, as it must.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlushCommand
from django.db import DEFAULT_DB_ALIAS, connections


class Command(DjangoFlushCommand):
    help = DjangoFlushCommand.help + (
        " On PostgreSQL this needs the owner of the audit tables (or a superuser)."
    )

    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if connection.vendor != "postgresql":
            return super().handle(**options)
        with connection.cursor() as cursor:
            cursor.execute("SET werkwijzer.audit_maintenance = 'on'")
        try:
            return super().handle(**options)
        finally:
            # Session-wide, so switch it off again: later statements are ordinary ones.
            with connection.cursor() as cursor:
                cursor.execute("RESET werkwijzer.audit_maintenance")
