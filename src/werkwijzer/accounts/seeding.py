"""Demo accounts, one per role that the zorgpad needs.

Passwords: WERKWIJZER_DEMO_PASSWORD from the environment, or (only when DEBUG is on) the
documented demo password below. Without either, no demo accounts are made: there are
never known passwords in production. Professionals, the editor and the privacy officer
set up their second factor (an authenticator app) at their first login.
"""

from __future__ import annotations

import os

from django.conf import settings

from werkwijzer.accounts.models import User
from werkwijzer.core.seeding import SeedContext

DEMO_PASSWORD = "werkwijzer-demo"  # only with DEBUG; documented in README ("Demo accounts")

DEMO_ACCOUNTS = [
    {"username": "demo-persoon", "role": "person", "first_name": "Sanne"},
    {"username": "demo-werkgever", "role": "employer", "first_name": "Karim",
     "organisation": "Voorbeeldbedrijf BV"},
    {"username": "demo-baco", "role": "professional", "profession": "baco",
     "first_name": "Bram", "provider_kind": "baco"},
    {"username": "demo-kag", "role": "professional", "profession": "kag",
     "first_name": "Esra", "provider_kind": "kag"},
    {"username": "demo-redacteur", "role": "editor", "first_name": "Lotte", "is_staff": True},
    {"username": "demo-privacy", "role": "privacy_officer", "first_name": "Olaf"},
]  # fmt: skip


def demo_password() -> str | None:
    from_env = os.environ.get("WERKWIJZER_DEMO_PASSWORD", "")
    if from_env:
        return from_env
    return DEMO_PASSWORD if settings.DEBUG else None


def _provider(kind: str, context: SeedContext):
    from werkwijzer.directory.models import Provider

    found = Provider.objects.filter(kinds__has=kind).order_by("external_id").first()
    if found is None:
        # The directory is seeded after accounts: seed it (and the helper catalogue it
        # uses) first. Both are idempotent, so their own turn later changes nothing.
        from werkwijzer.directory.seeding import seed as seed_directory
        from werkwijzer.helpers.seeding import seed as seed_helpers

        seed_helpers(context)
        seed_directory(context)
        found = Provider.objects.filter(kinds__has=kind).order_by("external_id").first()
    return found


def seed(context: SeedContext) -> None:
    password = demo_password()
    if password is None:
        context.write(
            "accounts: no demo accounts (set WERKWIJZER_DEMO_PASSWORD, or run with DEBUG on)"
        )
        return
    for spec in DEMO_ACCOUNTS:
        fields = dict(spec)
        username = fields.pop("username")
        kind = fields.pop("provider_kind", None)
        if kind:
            fields["provider"] = _provider(kind, context)
        fields["email"] = f"{username}@werkwijzer.example"
        user, created = User.objects.update_or_create(username=username, defaults=fields)
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
    names = ", ".join(spec["username"] for spec in DEMO_ACCOUNTS)
    context.write(f"accounts: demo accounts {names} (see README, 'Demo accounts')")
