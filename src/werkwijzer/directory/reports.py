"""Readers report mistakes in an entry; the editors answer them (/beheer/).

The reporter's e-mail address is kept only until the report is handled: answering queues
the reply (core.mail, a task) and empties the address in the same transaction; closing
without a reply empties it too.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkwijzer.core.mail import send_mail_later
from werkwijzer.directory.models import ErrorReport, Provider

REPORT_SCOPE = "directory-report"  # core.ratelimit scope: reports per client address


def _site() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def editor_addresses() -> list[str]:
    """The editors who hear of new reports and proposals (the directory's own address
    list, WERKWIJZER_DIRECTORY_EMAIL, when it is set)."""
    configured = list(getattr(settings, "WERKWIJZER_DIRECTORY_EMAIL", []))
    if configured:
        return configured
    editors = get_user_model().objects.filter(role="editor", is_active=True).exclude(email="")
    return sorted(set(editors.values_list("email", flat=True)))


@transaction.atomic
def create_report(provider: Provider, message: str, email: str, language: str) -> ErrorReport:
    report = ErrorReport.objects.create(
        provider=provider,
        message=message.strip(),
        email=email.strip(),
        wants_reply=bool(email.strip()),
        language=language[:8] or settings.LANGUAGE_CODE,
    )
    editors = editor_addresses()
    if editors:
        link = _site() + reverse("admin:directory_errorreport_change", args=[report.pk])
        with translation.override(settings.LANGUAGE_CODE):
            # No reporter's address in this e-mail: the editors read it in /beheer/.
            send_mail_later(
                _("Werkwijzer: a reader reports a mistake in “%(name)s”") % {"name": provider},
                _(
                    "Hello,\n\nA reader thinks something is wrong in an entry of the verwijsgids:\n\n%(message)s\n\nLook at it and answer here:\n%(link)s\n\nWerkwijzer"
                )
                % {"message": report.message, "link": link},
                editors,
                kind="directory.report_editors",
            )
    return report


def _reply_message(report: ErrorReport) -> tuple[str, str]:
    subject = _("Werkwijzer: answer to your message about “%(name)s”") % {
        "name": report.provider.name
    }
    body = _(
        "Hello,\n\nThank you for telling us about the entry “%(name)s” in the verwijsgids "
        "of Werkwijzer. You wrote:\n\n%(message)s\n\nThe answer of the editors:\n\n"
        "%(reply)s\n\nWe have now deleted your e-mail address. If you reply to this "
        "e-mail, we cannot see what it is about.\n\nWerkwijzer"
    ) % {"name": report.provider.name, "message": report.message, "reply": report.reply}
    return subject, body


@transaction.atomic
def answer_report(report: ErrorReport, reply: str, editor: object) -> bool:
    """Store the editors' reply, e-mail it when an address was left, then forget the
    address. Returns whether an e-mail was queued."""
    report.reply = reply.strip()
    sent = bool(report.email)
    if sent:
        with translation.override(report.language or settings.LANGUAGE_CODE):
            subject, body = _reply_message(report)
        send_mail_later(subject, body, report.email, kind="directory.report_reply")
    _handled(report, ErrorReport.Status.ANSWERED, editor)
    return sent


@transaction.atomic
def close_report(report: ErrorReport, editor: object) -> None:
    """Done without an answer (a duplicate, spam): the address goes as well."""
    _handled(report, ErrorReport.Status.CLOSED, editor)


def _handled(report: ErrorReport, status: str, editor: object) -> None:
    report.email = ""
    report.status = status
    report.handled_by = editor if getattr(editor, "pk", None) else None
    report.handled_at = timezone.now()
    report.save(update_fields=["email", "status", "reply", "handled_by", "handled_at"])
