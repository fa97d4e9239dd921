"""Professionals keep their own entry; every change is a proposal an editor decides on.

- A claim asks to become an entry's owner; a new entry and a change carry the proposed
  values (EDITABLE_FIELDS) in `Proposal.data`.
- Only an editor's approval changes the guide: it applies the values, stamps "laatst
  gecontroleerd" (verified_on, verified_by) and writes the history (ProviderChange).
  Sending back keeps the entry as it is and tells the professional why.
- A professional changes only entries they own (`owns`); the views check it, and
  `submit_change` checks it again.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkwijzer.core import roles
from werkwijzer.core.mail import send_mail_later
from werkwijzer.directory.choices import (
    KIND_CHOICES,
    LANGUAGE_CHOICES,
    PAYER_CHOICES,
    SPECIALISATION_CHOICES,
    WorkSetting,
    labels_in_order,
)
from werkwijzer.directory.models import (
    Ownership,
    Postcode,
    Proposal,
    Provider,
    ProviderChange,
)
from werkwijzer.directory.reports import editor_addresses

# What a professional may change in their own entry (and propose for a new one).
EDITABLE_FIELDS = (
    "name",
    "organisation",
    "kinds",
    "work_setting",
    "street",
    "postcode",
    "city",
    "other_locations",
    "phone",
    "email",
    "website",
    "languages",
    "specialisations",
    "self_referral",
    "how_to_refer",
    "consultation_hours",
    "video_consults",
    "intercollegial_consultation",
    "costs_note",
    "payers",
)
_TAG_CHOICES = {
    "kinds": KIND_CHOICES,
    "languages": LANGUAGE_CHOICES,
    "specialisations": SPECIALISATION_CHOICES,
    "payers": PAYER_CHOICES,
}


def _site() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def who(user: Any) -> str:
    """The name "laatst gecontroleerd door" shows."""
    return (user.get_full_name() or user.get_username()) if user else ""


def entry_values(provider: Provider) -> dict[str, Any]:
    return {name: getattr(provider, name) for name in EDITABLE_FIELDS}


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every editable field whose value changes."""
    return {
        name: [before.get(name), after[name]]
        for name in EDITABLE_FIELDS
        if name in after and before.get(name) != after[name]
    }


def display_value(name: str, value: Any) -> str:
    """A value as the editor and the professional read it."""
    if name in _TAG_CHOICES:
        return ", ".join(labels_in_order(_TAG_CHOICES[name], value or [])) or "–"
    if name == "work_setting":
        return str(dict(WorkSetting.choices).get(value, value or "–"))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value) if value not in (None, "") else "–"


def field_label(name: str) -> str:
    return str(Provider._meta.get_field(name).verbose_name)


# --- who owns what ----------------------------------------------------------------------


def owns(user: Any, provider: Provider) -> bool:
    """Only an active professional who owns the entry (approved by an editor)."""
    if not roles.is_professional(user):
        return False
    return Ownership.objects.filter(user=user, provider=provider).exists()


def owned_entries(user: Any) -> QuerySet[Provider]:
    if not roles.is_professional(user):
        return Provider.objects.none()
    return Provider.objects.filter(ownerships__user=user).order_by("name", "pk")


def proposals_of(user: Any) -> QuerySet[Proposal]:
    return Proposal.objects.filter(proposed_by=user).select_related("provider")


def pending_change(user: Any, provider: Provider) -> Proposal | None:
    return Proposal.objects.filter(
        proposed_by=user, provider=provider, kind=Proposal.Kind.CHANGE, status="pending"
    ).first()


# --- proposals ------------------------------------------------------------------------


def _tell_editors(proposal: Proposal) -> None:
    editors = editor_addresses()
    if not editors:
        return
    link = _site() + reverse("admin:directory_proposal_change", args=[proposal.pk])
    with translation.override(settings.LANGUAGE_CODE):
        send_mail_later(
            _("Werkwijzer: a proposal for the verwijsgids to check"),
            _(
                "Hello,\n\n%(who)s sent a proposal: %(what)s.\n\nCheck it here:\n%(link)s\n\nWerkwijzer"
            )
            % {"who": who(proposal.proposed_by), "what": proposal, "link": link},
            editors,
            kind="directory.proposal_editors",
        )


@transaction.atomic
def submit_claim(user: Any, provider: Provider, note: str) -> Proposal:
    """Ask to become the entry's owner (again the same pending claim when there is one)."""
    if not roles.is_professional(user):
        raise PermissionDenied
    existing = Proposal.objects.filter(
        proposed_by=user, provider=provider, kind=Proposal.Kind.CLAIM, status="pending"
    ).first()
    if existing:
        return existing
    proposal = Proposal.objects.create(
        kind=Proposal.Kind.CLAIM, provider=provider, proposed_by=user, note=note.strip()
    )
    _tell_editors(proposal)
    return proposal


@transaction.atomic
def submit_new(user: Any, values: dict[str, Any], note: str) -> Proposal:
    if not roles.is_professional(user):
        raise PermissionDenied
    proposal = Proposal.objects.create(
        kind=Proposal.Kind.NEW, proposed_by=user, data=_only_editable(values), note=note.strip()
    )
    _tell_editors(proposal)
    return proposal


@transaction.atomic
def submit_change(
    user: Any, provider: Provider, values: dict[str, Any], note: str, *, confirm: bool = False
) -> Proposal | None:
    """A change of an owned entry, or None when nothing differs from the entry now.

    `confirm`: "everything is still right" is a proposal too (without differences), so
    that an editor's approval stamps the entry as verified. One pending change per owner
    and entry: a second edit replaces its values."""
    if not owns(user, provider):
        raise PermissionDenied
    values = _only_editable(values)
    if not confirm and not differences(entry_values(provider), values):
        return None
    proposal = pending_change(user, provider)
    if proposal is not None:
        proposal.data, proposal.note = values, note.strip()
        proposal.save(update_fields=["data", "note", "updated_at"])
        return proposal
    proposal = Proposal.objects.create(
        kind=Proposal.Kind.CHANGE,
        provider=provider,
        proposed_by=user,
        data=values,
        note=note.strip(),
    )
    _tell_editors(proposal)
    return proposal


@transaction.atomic
def withdraw(proposal: Proposal, user: Any) -> None:
    if proposal.proposed_by_id != getattr(user, "pk", None) or not proposal.is_pending:
        raise PermissionDenied
    proposal.status = Proposal.Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])


def _only_editable(values: dict[str, Any]) -> dict[str, Any]:
    return {name: values[name] for name in EDITABLE_FIELDS if name in values}


# --- the editor's decision ------------------------------------------------------------


def record(
    provider: Provider,
    action: str,
    changes: dict[str, Any] | None = None,
    *,
    by: Any = None,
    by_label: str = "",
    proposal: Proposal | None = None,
) -> ProviderChange:
    """One line of the entry's history."""
    return ProviderChange.objects.create(
        provider=provider,
        action=action,
        changes=changes or {},
        by=by if getattr(by, "pk", None) else None,
        by_label=by_label or who(by),
        proposal=proposal,
    )


def _locate(provider: Provider, values: dict[str, Any]) -> None:
    """Coordinates from the postcode area when the address changes (the professional
    gives no coordinates; the search uses the PC4 centre, like an import without them)."""
    moved = provider.pk is None or any(
        values.get(name, getattr(provider, name)) != getattr(provider, name)
        for name in ("street", "postcode")
    )
    if not moved:
        return
    area = Postcode.objects.filter(pc4=str(values.get("postcode", ""))[:4]).first()
    if area is None:
        raise ValueError(f"unknown postcode {values.get('postcode')!r}")
    provider.lat, provider.lon = area.lat, area.lon
    if not values.get("city"):
        values["city"] = area.municipality


def _lock(proposal: Proposal) -> Proposal:
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not locked.is_pending:
        raise PermissionDenied("This proposal was decided already.")
    return locked


@transaction.atomic
def approve(proposal: Proposal, editor: Any) -> Provider:
    """Apply the proposal; the only way a professional's values reach the guide."""
    proposal = _lock(proposal)
    if proposal.kind == Proposal.Kind.CLAIM:
        provider = proposal.provider
        _make_owner(proposal, provider, editor)
    elif proposal.kind == Proposal.Kind.NEW:
        provider = _create_entry(proposal, editor)
        _make_owner(proposal, provider, editor)
    else:
        provider = _change_entry(proposal, editor)
    proposal.status = Proposal.Status.APPROVED
    proposal.provider = provider
    proposal.decided_by, proposal.decided_at = editor, timezone.now()
    proposal.save()
    _tell_proposer(proposal)
    return provider


def _stamp(provider: Provider, editor: Any) -> dict[str, list[Any]]:
    """'Laatst gecontroleerd': today, by this editor (only an approval sets it)."""
    before = [str(provider.verified_on or ""), provider.verified_by]
    provider.verified_on = timezone.localdate()
    provider.verified_by = who(editor)
    return {
        "verified_on": [before[0], provider.verified_on.isoformat()],
        "verified_by": [before[1], provider.verified_by],
    }


def _create_entry(proposal: Proposal, editor: Any) -> Provider:
    values = _only_editable(proposal.data)
    provider = Provider(external_id=f"werkwijzer-{proposal.pk}")
    _locate(provider, values)
    for name, value in values.items():
        setattr(provider, name, value)
    stamp = _stamp(provider, editor)
    provider.save()
    changes = {name: [None, value] for name, value in values.items()} | stamp
    record(provider, ProviderChange.Action.CREATED, changes, by=editor, proposal=proposal)
    return provider


def _change_entry(proposal: Proposal, editor: Any) -> Provider:
    provider = Provider.objects.select_for_update().get(pk=proposal.provider_id)
    values = _only_editable(proposal.data)
    changes = differences(entry_values(provider), values)
    _locate(provider, values)
    for name, value in values.items():
        setattr(provider, name, value)
    changes |= _stamp(provider, editor)
    provider.save()
    record(provider, ProviderChange.Action.CHANGED, changes, by=editor, proposal=proposal)
    return provider


def _make_owner(proposal: Proposal, provider: Provider, editor: Any) -> None:
    user = proposal.proposed_by
    _ownership, created = Ownership.objects.get_or_create(
        provider=provider, user=user, defaults={"approved_by": editor}
    )
    if created:
        changes = {"owner": [None, who(user)]}
        record(provider, ProviderChange.Action.OWNER, changes, by=editor, proposal=proposal)
    _confirm_professional(user, provider, editor)


def _confirm_professional(user: Any, provider: Provider, editor: Any) -> None:
    """The editor has checked the registration: note it, and give the account the
    profession it signed up with, and (BACO, KAG) the entry referrals go to."""
    User = get_user_model()  # the account model, as Django lets other apps name it

    profile = getattr(user, "directory_profile", None)
    if profile is not None and profile.checked_at is None:
        profile.checked_by, profile.checked_at = editor, timezone.now()
        profile.save(update_fields=["checked_by", "checked_at"])
    fields = []
    if profile is not None and not user.profession and profile.kind in User.Profession.values:
        user.profession = profile.kind
        fields.append("profession")
    if user.provider_id is None and provider.has_folder and user.profession in roles.BACO_KAG:
        user.provider = provider
        fields.append("provider")
    if fields:
        user.save(update_fields=fields)


@transaction.atomic
def send_back(proposal: Proposal, editor: Any, reason: str) -> None:
    """Not approved: the entry stays as it is; the professional reads why."""
    if not reason.strip():
        raise ValueError("a reason is needed")
    proposal = _lock(proposal)
    proposal.status = Proposal.Status.RETURNED
    proposal.reason = reason.strip()
    proposal.decided_by, proposal.decided_at = editor, timezone.now()
    proposal.save()
    _tell_proposer(proposal)


def _tell_proposer(proposal: Proposal) -> None:
    user = proposal.proposed_by
    if not user.email:
        return
    name = proposal.provider.name if proposal.provider else proposal.data.get("name", "")
    mine = _site() + reverse("directory:mine")
    with translation.override(settings.LANGUAGE_CODE):
        if proposal.status == Proposal.Status.APPROVED:
            subject = _("Werkwijzer: your proposal for “%(name)s” is approved") % {"name": name}
            body = _(
                "Hello,\n\nAn editor approved your proposal for “%(name)s”. It is now in "
                "the verwijsgids:\n%(link)s\n\nYou can change your entry at any time:\n"
                "%(mine)s\n\nWerkwijzer"
            ) % {"name": name, "link": _site() + proposal.provider.get_absolute_url(), "mine": mine}
        else:
            subject = _("Werkwijzer: your proposal for “%(name)s” is sent back") % {"name": name}
            body = _(
                "Hello,\n\nAn editor sent your proposal for “%(name)s” back. The reason:\n\n"
                "%(reason)s\n\nYou can change it and send it again:\n%(mine)s\n\nWerkwijzer"
            ) % {"name": name, "reason": proposal.reason, "mine": mine}
    send_mail_later(subject, body, user.email, kind="directory.proposal_decided")


def diff_rows(proposal: Proposal) -> list[tuple[str, str, str, bool]]:
    """(label, now, proposed, changed) for the queue: every editable field of a new
    entry, only the changed fields of a change."""
    if proposal.kind == Proposal.Kind.CLAIM:
        return []
    values = _only_editable(proposal.data)
    current = entry_values(proposal.provider) if proposal.provider else {}
    rows = []
    for name, value in values.items():
        old = current.get(name)
        changed = old != value
        if proposal.kind == Proposal.Kind.CHANGE and not changed:
            continue
        rows.append(
            (
                field_label(name),
                display_value(name, old) if current else "–",
                display_value(name, value),
                changed,
            )
        )
    return rows
