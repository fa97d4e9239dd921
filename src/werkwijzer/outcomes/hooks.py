"""Where consent and the audit log of the zorgpad plug into the outcomes app.

Every read and write of a person's outcome answers, and every research export, goes
through these two functions. `may_store` asks the access policy (core.access) whether
the owner's answers may be kept, and for research use whether the owner gave research
consent (checked on every call, never cached); `record_access` writes an append-only, hash-chained audit event (who, what,
when, on whose behalf, why; NEN 7513) through `werkwijzer.records.audit.record`.
"""

from __future__ import annotations

from django.db.models import Q

from werkwijzer.core import access
from werkwijzer.core.access import Viewer

ACTIONS = {
    "read-profile": "read",
    "read-answers": "read",
    "write-profile": "update",
    "save-draft": "update",
    "submit": "update",
    "research-export": "export",
}


def research_use() -> Q:
    """Which responses research may use: the synthetic demo population, and real people
    with an active research consent. Evaluated in the query itself, so a consent that is
    withdrawn is left out of the next export or dashboard refresh."""
    from werkwijzer.records.services import research_consenting_owners

    return Q(participant__synthetic=True) | Q(participant__owner__in=research_consenting_owners())


def may_store(owner: Viewer, purpose: str) -> bool:
    """Whether answers of this owner may be kept in the database for `purpose`.

    Anonymous visitors (no account) have no record to consent on: their answers stay
    in their session and are never counted. A signed-in person may keep their own
    answers (`purpose="outcomes"`); use for research (`purpose="research"`) needs their
    consent, which they give and withdraw on Mijn Werkwijzer."""
    if not access.may_keep_outcomes(owner):
        return False
    if purpose == access.RESEARCH:
        return access.allows_research_use(owner)
    return True


def record_access(actor: Viewer | None, action: str, *, participant_id: int | None = None) -> None:
    """Write who did what to whose outcome answers to the audit log."""
    from werkwijzer.outcomes.models import Participant
    from werkwijzer.records import audit

    subject = None
    if participant_id is not None:
        participant = Participant.objects.filter(pk=participant_id).only("owner").first()
        subject = participant.owner if participant is not None else None
    if action == "research-export":
        resource, reason = "outcomes.Response:research-export", "permission:export_research"
    else:
        resource = f"outcomes.Participant:{participant_id}"
        is_owner = subject is not None and getattr(actor, "pk", None) == subject.pk
        reason = "owner" if is_owner else "outcomes"
    audit.record(
        actor=actor,
        subject=subject,
        action=ACTIONS.get(action, "read"),
        resource=resource,
        reason=reason,
    )
