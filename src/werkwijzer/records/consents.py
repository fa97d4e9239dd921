"""Consent services: the only place that gives, withdraws and checks consent.

`allows` reads the database on every call (no cache), so a withdrawal takes effect at
the very next request.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from werkwijzer.records import audit
from werkwijzer.records.models import Consent


def allows(owner: Any, recipient: Any, purpose: str, scope: str = "") -> bool:
    """Whether `owner` has an active consent for `recipient` and `purpose` (and `scope`:
    one thing, such as one employer report; a consent without scope never covers one).

    `recipient=None` is Werkwijzer itself (used for research)."""
    if recipient is not None and getattr(recipient, "pk", None) is None:
        return False
    return active_consent(owner, recipient, purpose, scope) is not None


def active_consent(owner: Any, recipient: Any, purpose: str, scope: str = "") -> Consent | None:
    """The active consent itself (its pk goes into an audit reason: `consent:<pk>`)."""
    if owner is None or not getattr(owner, "is_authenticated", False):
        return None
    recipient_id = getattr(recipient, "pk", None) if recipient is not None else None
    return (
        Consent.objects.active()
        .filter(owner_id=owner.pk, recipient_id=recipient_id, purpose=purpose, scope=scope)
        .first()
    )


def give(owner: Any, recipient: Any, purpose: str, scope: str = "") -> Consent:
    """Give consent (or return the active one that already exists); audited. The partial
    unique constraint keeps one active consent per owner, recipient, purpose and scope."""
    if purpose not in Consent.Purpose.values:
        raise ValueError(f"Unknown purpose {purpose!r}")
    existing = active_consent(owner, recipient, purpose, scope)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            consent = Consent.objects.create(
                owner=owner, recipient=recipient, purpose=purpose, scope=scope
            )
            audit.record(
                actor=owner, subject=owner, action="create", resource=consent, reason="owner"
            )
    except IntegrityError:
        # Two submits at once: the other one won; its consent is the active one.
        consent = active_consent(owner, recipient, purpose, scope)
        assert consent is not None
    return consent


def withdraw(consent: Consent, *, actor: Any) -> Consent:
    """Withdraw at once; audited. Withdrawing twice changes nothing."""
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is None:
            locked.withdrawn_at = timezone.now()
            locked.save(update_fields=["withdrawn_at"])
            audit.record(
                actor=actor, subject=locked.owner, action="update", resource=locked, reason="owner"
            )
    return locked
