"""Where consent and the audit log plug in once the zorgpad (care app) exists.

Every read and write of a person's outcome answers, and every research export, goes
through these two functions. Today they allow what the owner does on their own record
and log only the action (never personal data). The zorgpad will replace the bodies:
`may_store` will ask the owner's consent for research use, `record_access` will write
an append-only audit entry (who, what, when, on whose behalf, why; NEN 7513).
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger("werkwijzer.outcomes.audit")


def may_store(owner: Any, purpose: str) -> bool:
    """Whether answers of this owner may be kept in the database for `purpose`.

    Anonymous visitors (no account) have no record to consent on: their answers stay
    in their session and are never counted."""
    return bool(getattr(owner, "is_authenticated", False))


def record_access(actor: Any, action: str, *, participant_id: int | None = None) -> None:
    """Note who did what; the audit log of the zorgpad takes over here."""
    logger.info(
        "outcomes %s by user %s on participant %s",
        action,
        getattr(actor, "pk", None),
        participant_id,
    )
