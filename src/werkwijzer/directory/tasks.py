"""Background work of the verwijsgids: the yearly check reminders and admin imports."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from werkwijzer.core import jobs
from werkwijzer.core.mail import send_mail_later
from werkwijzer.directory.adapters import find_mapping, load_mapping, read_source
from werkwijzer.directory.models import ErrorReport, Provider, stale_before
from werkwijzer.directory.transfer import (
    ImportReport,
    UnreadableFile,
    read_records,
    run_import,
    unknown_columns,
)

logger = logging.getLogger("werkwijzer.worker")
IMPORT_JOB = "directory.import"


def _site() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def _editor_addresses() -> list[str]:
    editors = get_user_model().objects.filter(role="editor", is_active=True).exclude(email="")
    return sorted(set(editors.values_list("email", flat=True)))


def due_for_reminder(today: dt.date) -> list[Provider]:
    """Active entries past their yearly check that were not reminded in the last year."""
    not_lately = Q(verification_reminded_on__isnull=True) | Q(
        verification_reminded_on__lt=stale_before(today)
    )
    due = Provider.objects.active().stale(today).filter(not_lately).order_by("pk")
    # The owners' addresses in the same read (no query per entry).
    return list(due.prefetch_related("ownerships__user"))


def owner_addresses(provider: Provider) -> list[str]:
    """The accounts that keep the entry (prefetched ownerships)."""
    owners = {o.user.email for o in provider.ownerships.all() if o.user.is_active}
    return sorted(owners - {""})


def _owner_message(provider: Provider) -> tuple[str, str]:
    """For an owner: check it yourself, on the edit page."""
    subject, _body = _provider_message(provider)
    body = _(
        "Hello,\n\nYour entry “%(name)s” in the verwijsgids of Werkwijzer %(checked)s. "
        "Every entry is checked once a year, so that people find the right help.\n\n"
        "Look at your entry and change what is no longer right, or choose “Everything is "
        "still right”. An editor then checks it:\n%(link)s\n\n"
        "Not checked for 18 months, an entry is left out of personal plans; after 24 "
        "months it is hidden until it is checked.\n\nWerkwijzer"
    ) % {
        "name": provider.name,
        "checked": _checked(provider),
        "link": _site() + reverse("directory:edit", args=[provider.pk]),
    }
    return subject, body


def _checked(provider: Provider) -> str:
    if provider.verified_on:
        return _("was last checked on %(date)s") % {
            "date": formats.date_format(provider.verified_on, "j F Y")
        }
    return _("has not been checked yet")


def _provider_message(provider: Provider) -> tuple[str, str]:
    checked = _checked(provider)
    subject = _("Werkwijzer: is your entry in the verwijsgids still correct?")
    body = _(
        "Hello,\n\nYour entry “%(name)s” in the verwijsgids of Werkwijzer %(checked)s. "
        "We check every entry once a year, so that people find the right help.\n\n"
        "Please look at it:\n%(link)s\n\n"
        "Is something no longer right, or is everything still correct? Reply to this "
        "e-mail and the editors will take care of it.\n\nWerkwijzer"
    ) % {"name": provider.name, "checked": checked, "link": _site() + provider.get_absolute_url()}
    return subject, body


def _editors_message(count: int) -> tuple[str, str]:
    link = _site() + reverse("admin:directory_provider_changelist") + "?verification=stale"
    subject = _("Werkwijzer: entries in the verwijsgids to check")
    body = _(
        "Hello,\n\n%(count)s entries in the verwijsgids were not checked for more than a "
        "year. The providers with an e-mail address were asked to check their entry.\n\n"
        "Mark an entry as verified once it is checked:\n%(link)s\n\nWerkwijzer"
    ) % {"count": count, "link": link}
    return subject, body


@task()
def remind_verification() -> int:
    """Daily: ask providers (and tell the editors) about entries older than a year."""
    today = timezone.localdate()
    providers = due_for_reminder(today)
    if not providers:
        return 0
    editors = _editor_addresses()
    reply_to = list(getattr(settings, "WERKWIJZER_DIRECTORY_EMAIL", [])) or editors
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        for provider in providers:
            # An owner checks it on the edit page; an entry nobody keeps gets the
            # question by e-mail to its own address.
            owners = owner_addresses(provider)
            if owners:
                subject, body = _owner_message(provider)
            else:
                subject, body = _provider_message(provider)
            addresses = owners or ([provider.email] if provider.email else [])
            if addresses:
                send_mail_later(
                    subject, body, addresses, kind="directory.verify", reply_to=reply_to
                )
        if editors:
            subject, body = _editors_message(len(providers))
            send_mail_later(subject, body, editors, kind="directory.verify_editors")
        # update(), not save(): a reminder is no change of the entry (updated_at, search).
        Provider.objects.filter(pk__in=[p.pk for p in providers]).update(
            verification_reminded_on=today
        )
    logger.info("Verification reminders for %d providers", len(providers))
    return len(providers)


def report_data(report: ImportReport, warnings: list[str]) -> dict:
    return {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "kept_by_owner": report.kept_by_owner,
        "retired": list(report.retired),
        "dry_run": report.dry_run,
        "rejected": [
            {"row": row.row, "external_id": row.external_id, "reasons": list(row.reasons)}
            for row in report.rejected
        ],
        "warnings": [*warnings, *report.warnings],
    }


def _read_upload(job: jobs.Job) -> tuple[list, dict]:
    """The uploaded file's records, read by the same code as the command line."""
    name = Path(job.params.get("filename") or "import.csv").name
    with tempfile.TemporaryDirectory() as folder:
        # The readers take a path: the same checks as `werkwijzer providers import`.
        path = Path(folder) / name
        path.write_bytes(bytes(job.payload or b""))
        try:
            if not job.params.get("source"):
                return read_records(path, job.params.get("format") or None), {}
            mapping = load_mapping(find_mapping(job.params["source"]))
            records = read_source(path, mapping, job.params.get("format") or None)
        except UnreadableFile as error:
            raise jobs.JobRefused(str(error)) from error
    return records, {
        "source": mapping.source,
        "label": mapping.label,
        "mark_missing": mapping.retire,
    }


def _import(job: jobs.Job, progress: jobs.Reporter) -> jobs.Outcome:
    records, source = _read_upload(job)
    total = len(records)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        progress("import", done, total)

    report = run_import(records, advance, dry_run=bool(job.params.get("dry_run")), **source)
    columns = [] if source else unknown_columns(records)
    warnings = [_("Unknown column ignored: %(name)s") % {"name": c} for c in columns]
    return jobs.Outcome(result=report_data(report, warnings))


# A reporter who left an address and got no answer: the address goes after this many days.
REPORT_ADDRESS_DAYS = 90


@task()
def forget_report_addresses() -> int:
    """Daily: an address left with a report nobody answered is not kept for ever (an
    answer or closing deletes it at once)."""
    cutoff = timezone.now() - dt.timedelta(days=REPORT_ADDRESS_DAYS)
    return ErrorReport.objects.filter(created_at__lt=cutoff).exclude(email="").update(email="")


@task()
def import_providers(job_id: str) -> str:
    """An import file uploaded in the admin, imported like the command line does."""
    job = jobs.Job.objects.filter(pk=job_id).only("params").first()
    language = (job.params.get("language") if job else None) or settings.LANGUAGE_CODE
    with translation.override(language):
        return jobs.run(job_id, _import)
