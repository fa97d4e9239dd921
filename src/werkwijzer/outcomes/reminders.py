"""Reminders: who has a questionnaire due, and the e-mail that says so.

The e-mail names no illness, no diagnosis and no answers: only that a short
questionnaire about work is ready, and the link. Each moment is reminded once: the
Reminder row and the queued e-mail (core.mail) commit together, so a parallel run or a
mail server that is down neither doubles nor loses one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from werkwijzer.core.mail import send_mail_later
from werkwijzer.outcomes.models import Participant, Reminder, Response
from werkwijzer.outcomes.moments import due_moments

SUBJECT = "Werkwijzer: een paar vragen over je werk / a few questions about your work"
BODY = """Hallo,

Er staan een paar korte vragen over je werk voor je klaar in Werkwijzer.
Het invullen duurt ongeveer twee minuten: {url}

Hello,

A few short questions about your work are ready for you in Werkwijzer.
It takes about two minutes: {url}

Je krijgt dit bericht omdat je een account hebt bij Werkwijzer. /
You receive this message because you have a Werkwijzer account.
"""


@dataclass(frozen=True)
class Due:
    participant: Participant
    moment: int


def due_reminders(today: dt.date) -> list[Due]:
    """Every (participant, moment) that is open, not submitted and not yet reminded."""
    found = []
    people = (
        Participant.objects.filter(owner__isnull=False, synthetic=False)
        .exclude(owner__email="")
        .select_related("owner")
        .prefetch_related("reminders")
    )
    for participant in people.iterator(chunk_size=500):
        submitted = set(
            participant.responses.filter(status=Response.Status.SUBMITTED).values_list(
                "moment", flat=True
            )
        )
        reminded = {reminder.moment for reminder in participant.reminders.all()}
        for moment in due_moments(participant.diagnosis_date, today, submitted):
            if moment not in reminded:
                found.append(Due(participant, moment))
    return found


def send_reminders(today: dt.date, base_url: str) -> int:
    """Queue one e-mail per due moment; returns how many were queued."""
    sent = 0
    url = base_url.rstrip("/") + reverse("outcomes:overview")
    for item in due_reminders(today):
        try:
            with transaction.atomic():
                Reminder.objects.create(participant=item.participant, moment=item.moment)
                send_mail_later(
                    SUBJECT,
                    BODY.format(url=url),
                    item.participant.owner.email,
                    kind="outcomes.reminder",
                    from_email=settings.DEFAULT_FROM_EMAIL,
                )
        except IntegrityError:  # reminded by a parallel run
            continue
        sent += 1
    return sent
