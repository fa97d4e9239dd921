"""Who may see a person's work data, and the one audited way to read it.

Nothing outside this module reads another person's `WorkData`: views and the API
call `work_data_for(viewer, owner)`, which checks access, writes the audit event and
returns the data. The owner always may; anyone else needs an active consent of the
owner for `view-work-data` (the care app adds referrals through its own check).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from werkwijzer.records import audit, consents
from werkwijzer.records.models import Consent, WorkData


def reason_to_view_work_data(viewer: Any, owner: Any) -> str | None:
    """`"owner"`, `"consent:<pk>"` or None (no access). Read fresh on every call."""
    if not getattr(viewer, "is_authenticated", False) or owner is None:
        return None
    if viewer.pk == owner.pk:
        return "owner"
    consent = consents.active_consent(owner, viewer, Consent.Purpose.VIEW_WORK_DATA)
    if consent is not None and getattr(viewer, "role", "") == "professional":
        return f"consent:{consent.pk}"
    return None


def work_data_for(viewer: Any, owner: Any, *, action: str = "read") -> WorkData | None:
    """The owner's work data for `viewer`, audited; 404 when the viewer has no access.

    Returns None when the owner has not filled in anything yet (nothing is shown, so
    nothing is logged)."""
    reason = reason_to_view_work_data(viewer, owner)
    if reason is None:
        raise Http404
    work_data = WorkData.objects.filter(user=owner).first()
    if work_data is not None:
        audit.record(actor=viewer, subject=owner, action=action, resource=work_data, reason=reason)
    return work_data
