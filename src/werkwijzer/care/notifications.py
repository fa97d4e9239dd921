"""E-mail on every change of a referral, to the person and the provider's professionals.

The e-mail never holds medical content: no question, no note, no advice, no name of the
provider, not even the new state. It only says that something changed and asks the
reader to log in. It is queued after the transaction commits, so a rolled-back change
sends nothing; the worker sends it and retries (core.mail).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from werkwijzer.care.models import Referral
from werkwijzer.core.mail import send_mail_later


def recipients(referral: Referral) -> list[str]:
    """The person; the provider's professionals while nobody has taken the referral on,
    then only the one who did (a colleague no longer sees it, so hears nothing of it)."""
    addresses = [referral.person.email] if referral.person.email else []
    if referral.is_confirmed:
        professionals = get_user_model().objects.filter(
            role="professional", provider_id=referral.provider_id, is_active=True
        )
        if referral.handled_by_id is not None:
            professionals = professionals.filter(pk=referral.handled_by_id)
        elif referral.is_withdrawn:
            professionals = professionals.none()
        addresses += [user.email for user in professionals if user.email]
    return sorted(set(addresses))


def message(link: str) -> tuple[str, str]:
    subject = _("Werkwijzer: something has changed")
    body = _(
        "Hello,\n\n"
        "Something has changed in the zorgpad in Werkwijzer.\n"
        "Log in to see what it is:\n%(link)s\n\n"
        "For your privacy, this e-mail does not say more.\n\n"
        "Werkwijzer"
    ) % {"link": link}
    return subject, body


def _send(addresses: list[str]) -> None:
    # The site's public address (the same setting Wagtail uses for links in its e-mail).
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    subject, body = message(base + reverse("care:index"))
    # Queued, so a mail server problem can never undo or break the change in the zorgpad.
    send_mail_later(subject, body, addresses, kind="care.changed")


def changed(referral: Referral) -> None:
    """Queue one e-mail per recipient for after the commit."""
    addresses = recipients(referral)
    if addresses:
        transaction.on_commit(lambda: _send(addresses))
