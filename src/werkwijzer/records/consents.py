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


def allows(owner: Any, recipient: Any, purpose: str) -> bool:
    """Whether `owner` has an active consent for `recipient` and `purpose`.

    `recipient=None` is Werkwijzer itself (used for research)."""
    if owner is None or not getattr(owner, "is_authenticated", False):
        return False
    recipient_id = getattr(recipient, "pk", None) if recipient is not None else None
    if recipient is not None and recipient_id is None:
        return False
    return (
        Consent.objects.active()
        .filter(owner_id=owner.pk, recipient_id=recipient_id, purpose=purpose)
        .exists()
    )


def active_consent(owner: Any, recipient: Any, purpose: str) -> Consent | None:
    """The active consent itself (its pk goes into an audit reason: `consent:<pk>`)."""
    if owner is None or not getattr(owner, "is_authenticated", False):
        return None
    recipient_id = getattr(recipient, "pk", None) if recipient is not None else None
    return (
        Consent.objects.active()
        .filter(owner_id=owner.pk, recipient_id=recipient_id, purpose=purpose)
        .first()
    )


def give(owner: Any, recipient: Any, purpose: str) -> Consent:
    """Give consent (or return the active one that already exists); audited."""
    if purpose not in Consent.Purpose.values:
        raise ValueError(f"Unknown purpose {purpose!r}")
    existing = active_consent(owner, recipient, purpose)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            consent = Consent.objects.create(owner=owner, recipient=recipient, purpose=purpose)
            audit.record(
                actor=owner, subject=owner, action="create", resource=consent, reason="owner"
            )
    except IntegrityError:
        # Two submits at once: the other one won; its consent is the active one.
        consent = active_consent(owner, recipient, purpose)
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
