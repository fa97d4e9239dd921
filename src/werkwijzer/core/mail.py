"""Every e-mail of Werkwijzer goes through `send_mail_later`: a task, retried, never lost.

A request only puts the message on the queue, so a mail server that is down never turns
a saved answer into an error page. The worker sends it; a failure is tried again after
WERKWIJZER_MAIL_RETRY_DELAYS, and after the last try it is logged at ERROR (with the
address masked), never dropped silently.

The queue row holds the address and the text only as long as the send needs: each try
blanks its own row's arguments when it is done, sent or not (a retry is a new row with
its own copy). The address thus lives no longer in the database than the send takes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, task

logger = logging.getLogger("werkwijzer.mail")


class MailNotSent(Exception):
    """An e-mail failed on every try. The message names no address and no text."""


def mask(address: str) -> str:
    """Enough of an address to recognise it in a log, not enough to write to it."""
    name, _at, domain = address.partition("@")
    return f"{name[:1]}***@{domain}" if domain else "***"


def send_mail_later(
    subject: str,
    body: str,
    to: Sequence[str] | str,
    *,
    kind: str,
    html: str = "",
    from_email: str | None = None,
    reply_to: Sequence[str] = (),
    on_sent: str = "",
    on_sent_args: Sequence[Any] = (),
) -> None:
    """Queue one e-mail per address. `kind` names the message in the log ("questions.answer").

    `on_sent` is the dotted path of a function called with `on_sent_args` once the e-mail
    is sent (to record that, for example). Called in a transaction, the queue row
    commits or rolls back with the change (database backend).
    """
    if on_sent:
        import_string(on_sent)  # a typo fails now, in the request, not later in the worker
    addresses = [to] if isinstance(to, str) else list(to)
    for address in addresses:
        message = {
            "subject": subject,
            "body": body,
            "html": html,
            "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
            "reply_to": list(reply_to),
            "to": address,
        }
        deliver_mail.enqueue(
            message=message, kind=kind, on_sent=on_sent, on_sent_args=list(on_sent_args)
        )


def _send(message: dict[str, Any]) -> None:
    mail = EmailMultiAlternatives(
        message["subject"],
        message["body"],
        message["from_email"],
        [message["to"]],
        reply_to=message.get("reply_to") or None,
    )
    if message.get("html"):
        mail.attach_alternative(message["html"], "text/html")
    mail.send(fail_silently=False)


def _forget_arguments(context: TaskContext, kind: str, attempt: int) -> None:
    """Blank this try's queue row: it no longer needs the address or the text."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if isinstance(context.task_result.task.get_backend(), DatabaseBackend):
        DBTaskResult.objects.filter(id=context.task_result.id).update(
            args_kwargs={"args": [], "kwargs": {"kind": kind, "attempt": attempt}}
        )


def _retry_delays() -> list[int]:
    return [int(seconds) for seconds in settings.WERKWIJZER_MAIL_RETRY_DELAYS]


def _try_again(delay: int, **kwargs: Any) -> None:
    retry = deliver_mail
    if retry.get_backend().supports_defer and delay > 0:
        retry = retry.using(run_after=timezone.now() + timedelta(seconds=delay))
    retry.enqueue(**kwargs)


# Someone waits for this e-mail (a password reset, a referral, a reply): it goes before the
# search index and reference updates a publish queues by the hundred.
MAIL_PRIORITY = 10


@task(takes_context=True, priority=MAIL_PRIORITY)
def deliver_mail(
    context: TaskContext,
    message: dict[str, Any],
    kind: str,
    on_sent: str = "",
    on_sent_args: list[Any] | None = None,
    attempt: int = 1,
) -> str:
    """Send one queued e-mail; on failure queue the next try, or log ERROR after the last."""
    delays = _retry_delays()
    try:
        _send(message)
    except Exception as error:
        _forget_arguments(context, kind, attempt)
        reason = type(error).__name__
        if attempt > len(delays):
            logger.error(
                "E-mail %s to %s NOT SENT after %d tries (last error: %s)",
                kind,
                mask(message["to"]),
                attempt,
                reason,
            )
            # From None: the mail error's text may hold the address; the row keeps none.
            raise MailNotSent(f"{kind}: not sent after {attempt} tries ({reason})") from None
        delay = delays[attempt - 1]
        logger.warning(
            "E-mail %s to %s failed (try %d, %s); trying again in %d s",
            kind,
            mask(message["to"]),
            attempt,
            reason,
            delay,
        )
        _try_again(
            delay,
            message=message,
            kind=kind,
            on_sent=on_sent,
            on_sent_args=on_sent_args or [],
            attempt=attempt + 1,
        )
        return "retrying"
    _forget_arguments(context, kind, attempt)
    logger.info("E-mail %s to %s sent (try %d)", kind, mask(message["to"]), attempt)
    if on_sent:
        import_string(on_sent)(*(on_sent_args or []))
    return "sent"


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the e-mail sent by the worker instead of the request."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = ""
        if html_email_template_name:
            html = loader.render_to_string(html_email_template_name, context)
        send_mail_later(
            subject,
            body,
            to_email,
            kind="accounts.password_reset",
            html=html,
            from_email=from_email,
        )
