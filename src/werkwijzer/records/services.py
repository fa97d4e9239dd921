"""The records app's service for other apps: the one audited way to read work data.

Nothing outside this app reads another person's `WorkData`: views, the API and the care
app call `work_data_for(viewer, owner)`. Who may read it is decided by the access policy
(`core.access.work_data_reason`: the owner; a professional through an open referral or
with the owner's `view-work-data` consent); this function writes the audit event with
that reason and returns the data.
"""

from __future__ import annotations

from django.db.models import QuerySet

from werkwijzer.core import access
from werkwijzer.core.access import ReferralFacts, Viewer
from werkwijzer.core.errors import NotFound
from werkwijzer.records import audit
from werkwijzer.records.models import Consent, WorkData


def work_data_for(
    viewer: Viewer,
    owner: Viewer,
    *,
    referral: ReferralFacts | None = None,
    action: str = "read",
) -> WorkData | None:
    """The owner's work data for `viewer`, audited; `NotFound` when the viewer has no
    access (`referral`: the care referral the viewer reads it through, if any).

    Returns None when the owner has not filled in anything yet (nothing is shown, so
    nothing is logged)."""
    reason = access.work_data_reason(viewer, owner, referral=referral)
    if reason is None or owner.pk is None:  # without an account there is no work data
        raise NotFound
    work_data = WorkData.objects.filter(user_id=owner.pk).first()
    if work_data is not None:
        audit.record(actor=viewer, subject=owner, action=action, resource=work_data, reason=reason)
    return work_data


def research_consenting_owners() -> QuerySet:
    """The ids of the people whose research consent is active now, as a subquery: the
    outcomes app filters on it in the query itself, so a withdrawn consent counts at once."""
    active = Consent.objects.active().filter(purpose=Consent.Purpose.RESEARCH)
    return active.values("owner")
