"""Who is who: the one place that turns an account's role into yes or no.

Every role check of the site (pages, API, services, templates through the User model's
properties) asks these functions, so "professional" or "editor" means the same thing
everywhere. They read the role fresh from the user object and fail closed: an anonymous
visitor or an inactive account has no role at all.

This module imports nothing of the apps (the User model only for type checking), so the
accounts app itself can use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Model

    from werkwijzer.accounts.models import User


class Viewer(Protocol):
    """What the policy reads of a user: a Werkwijzer `User` or Django's `AnonymousUser`.

    Role, profession and directory entry exist only on `User`; the helpers below read
    them with a default, so an anonymous visitor simply has none."""

    @property
    def pk(self) -> int | None: ...

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    @property
    def is_superuser(self) -> bool: ...

    def has_perm(self, perm: str, obj: Model | None = None) -> bool: ...


if TYPE_CHECKING:
    # For signatures that take a user straight from `request.user`.
    AnyUser = User | AnonymousUser

PERSON = "person"
NAASTE = "naaste"
EMPLOYER = "employer"
PROFESSIONAL = "professional"
EDITOR = "editor"
EXPERT = "expert"
PRIVACY_OFFICER = "privacy_officer"
ADMIN = "admin"
# The professions of the oncology work specialists who take referrals and answer
# questions (accounts.User.Profession values).
BACO_KAG = frozenset({"baco", "kag"})
# Who treats the person (issue 18): specialist, nurses, GP and the paramedics. With the
# own bedrijfsarts and the BACO/KAG themselves, they may refer a person to a BACO/KAG;
# the verzekeringsarts, arbeidsdeskundige and casemanager are consulted, they do not refer.
PARAMEDICS = frozenset({"ergotherapeut", "fysiotherapeut-oncologie", "psycholoog"})
TREATING = frozenset(
    {"medisch-specialist", "verpleegkundige", "aya-verpleegkundige", "huisarts", *PARAMEDICS}
)
REFERRING_PROFESSIONS = TREATING | BACO_KAG | {"bedrijfsarts"}
# Roles that see other people's data or change content: they log in with a second factor.
SECOND_FACTOR_ROLES = frozenset({PROFESSIONAL, EDITOR, EXPERT, PRIVACY_OFFICER, ADMIN})


def signed_in(user: Viewer | None) -> bool:
    """A logged-in, active account (inactive accounts cannot log in; checked anyway)."""
    return user is not None and user.is_authenticated and user.is_active


def role_of(user: Viewer | None) -> str:
    """The account's role, or "" for nobody, a visitor or an inactive account."""
    return str(getattr(user, "role", "") or "") if signed_in(user) else ""


def is_person(user: Viewer | None) -> bool:
    return role_of(user) == PERSON


def is_employer(user: Viewer | None) -> bool:
    return role_of(user) == EMPLOYER


def is_professional(user: Viewer | None) -> bool:
    return role_of(user) == PROFESSIONAL


def is_baco_or_kag(user: Viewer | None) -> bool:
    return is_professional(user) and getattr(user, "profession", "") in BACO_KAG


def may_refer_a_person(user: Viewer | None) -> bool:
    """A treating professional, the own bedrijfsarts or a BACO/KAG refers on a person's
    behalf (the person then agrees first)."""
    return is_professional(user) and getattr(user, "profession", "") in REFERRING_PROFESSIONS


def is_editor(user: Viewer | None) -> bool:
    """Editors of the site's content; administrators and superusers may do what they do."""
    return role_of(user) in (EDITOR, ADMIN) or (
        signed_in(user) and bool(user and user.is_superuser)
    )


def is_expert(user: Viewer | None) -> bool:
    return role_of(user) == EXPERT


def is_privacy_officer(user: Viewer | None) -> bool:
    return role_of(user) == PRIVACY_OFFICER


def provider_id_of(user: Viewer | None) -> int | None:
    """The directory entry a professional works as (referrals to it reach them)."""
    return getattr(user, "provider_id", None) if is_professional(user) else None


def needs_second_factor(user: Viewer) -> bool:
    """Whether this account must use a second factor (also every staff account)."""
    return (
        getattr(user, "role", "") in SECOND_FACTOR_ROLES
        or bool(getattr(user, "is_staff", False))
        or user.is_superuser
    )
