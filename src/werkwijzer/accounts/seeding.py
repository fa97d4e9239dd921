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


def demo_accounts_by_provider_kind() -> dict[str, list[str]]:
    """The demo professionals who work as a directory entry of a kind (username by
    kind): the directory links them when it seeds its demo providers, so accounts
    does not import the directory (one direction between the apps)."""
    found: dict[str, list[str]] = {}
    for spec in DEMO_ACCOUNTS:
        if "provider_kind" in spec:
            found.setdefault(spec["provider_kind"], []).append(spec["username"])
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
        fields.pop("provider_kind", None)  # linked by the directory's seed
        fields["email"] = f"{username}@werkwijzer.example"
        user, created = User.objects.update_or_create(username=username, defaults=fields)
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
    names = ", ".join(spec["username"] for spec in DEMO_ACCOUNTS)
    # A second seed run keeps links the directory made: update_or_create leaves provider.
    context.write(f"accounts: demo accounts {names} (see README, 'Demo accounts')")
