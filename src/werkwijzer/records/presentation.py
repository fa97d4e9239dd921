"""Audit events in words a person understands: who, what, when and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _

from werkwijzer.records.models import AuditEvent

ROLE_LABELS = {
    "person": lambda: _("Person"),
    "naaste": lambda: _("Naaste"),
    "employer": lambda: _("Employer"),
    "professional": lambda: _("Professional"),
    "editor": lambda: _("Editor"),
    "expert": lambda: _("Expert reviewer"),
    "privacy_officer": lambda: _("Privacy officer of Werkwijzer"),
    "admin": lambda: _("Administrator of Werkwijzer"),
    "system": lambda: _("Werkwijzer (automatic)"),
    "anonymous": lambda: _("Visitor without an account"),
}

RESOURCE_LABELS = {
    "records.WorkData": lambda: _("Work data"),
    "records.Consent": lambda: _("Consent"),
    "records.AuditEvent": lambda: _("Access log"),
}


def who(event: AuditEvent, viewer: Any) -> str:
    if event.actor_id and event.actor_id == getattr(viewer, "pk", None):
        return _("You")
    role = ROLE_LABELS.get(event.actor_role, lambda: event.actor_role)()
    actor = event.actor
    if event.actor_role == "professional" and actor is not None:
        profession = dict(type(actor).Profession.choices).get(event.actor_profession, "")
        parts = [str(profession or role), actor.get_full_name() or "", actor.organisation]
        return ", ".join(part for part in parts if part)
    if event.actor_role == "employer" and actor is not None:
        return ", ".join(part for part in (role, actor.organisation) if part)
    return str(role)


def what(event: AuditEvent) -> str:
    """`"<thing> <action>"`, e.g. "Work data added" (Dutch: "Arbeidsgegevens toegevoegd")."""
    model_label, _sep, key = event.resource.partition(":")
    if model_label == "records.Consent" and not key.isdigit():
        thing = _("Your consents")
    elif model_label in RESOURCE_LABELS:
        thing = RESOURCE_LABELS[model_label]()
    else:
        try:
            thing = str(apps.get_model(model_label)._meta.verbose_name).capitalize()
        except (LookupError, ValueError):
            thing = model_label
    return f"{thing} {event.get_action_display()}"


def why(event: AuditEvent) -> str:
    kind = event.reason.split(":", 1)[0]
    return {
        "owner": _("It is your own record."),
        "consent": _("You gave consent for this."),
        "referral": _("Through your referral."),
        "privacy-officer": _("Check by the privacy officer."),
    }.get(kind, event.reason)


@dataclass(frozen=True)
class Line:
    when: Any
    who: str
    what: str
    why: str


def lines(events, viewer: Any) -> list[Line]:
    return [Line(e.occurred_at, who(e, viewer), what(e), why(e)) for e in events]
