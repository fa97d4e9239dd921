"""`werkwijzer audit verify` and `werkwijzer audit export`."""

from __future__ import annotations

import csv
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from werkwijzer.records import anchor, audit
from werkwijzer.records.export import CSV_HEADER, csv_rows


class Command(BaseCommand):
    help = "Check the hash chain of the audit log, or export it as CSV (ids only)."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser(
            "verify",
            help="Exit 0 when the chain is intact, 2 when it is broken. Appends the verified "
            "head to WERKWIJZER_AUDIT_ANCHOR_FILE.",
        )
        verify.add_argument(
            "--anchor",
            action="append",
            default=[],
            help="A head kept elsewhere: counter:hash or a line of the anchor file. The chain "
            "must still hold that event with that hash. May be given more than once.",
        )
        export = sub.add_parser("export", help="Write the log as CSV; the export is logged too.")
        export.add_argument("--subject", type=int, help="Only events about this user id.")
        export.add_argument("--actor", type=int, help="Only events by this user id.")
        export.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, **options) -> None:
        if options["action"] == "verify":
            return self._verify(options["anchor"])
        return self._export(options)

    def _verify(self, anchor_values: list[str]) -> None:
        try:
            anchors = [anchor.parse(value) for value in anchor_values]
        except anchor.AnchorError as error:
            raise CommandError(f"Ongeldig anker / invalid anchor: {error}", returncode=2) from None
        result = audit.verify_chain(anchors=anchors)
        if not result.ok:
            where = result.broken_sequence
            raise CommandError(
                f"Auditlog beschadigd bij gebeurtenis {where} / audit log broken at event "
                f"{where}: {result.problem}"
                if where is not None
                else f"Auditlog niet te controleren / audit log check failed: {result.problem}",
                returncode=2,
            )
        self.stdout.write(
            f"Auditlog in orde / audit log intact: {result.checked} events checked, "
            f"{result.anchors_checked} anchors compared."
        )
        self.stdout.write(f"Kop / head: {result.head_sequence}:{result.head_hash}")
        if result.anchor_file:
            self.stdout.write(f"Anker geschreven / anchor written: {result.anchor_file}")

    def _user(self, user_id: int | None):
        if user_id is None:
            return None
        user = get_user_model().objects.filter(pk=user_id).first()
        if user is None:
            raise CommandError(
                f"Geen gebruiker {user_id} / no user with id {user_id}", returncode=2
            )
        return user

    def _export(self, options) -> None:
        subject = self._user(options.get("subject"))
        actor = self._user(options.get("actor"))
        audit.record(
            actor=None,
            subject=subject,
            action="export",
            resource=f"records.AuditEvent:export-{getattr(subject, 'pk', '')}-"
            f"{getattr(actor, 'pk', '')}",
            reason="privacy-officer",
        )
        output = options.get("output")
        handle = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        try:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for row in csv_rows(subject=subject, actor=actor):
                writer.writerow(row)
        finally:
            if output:
                handle.close()
