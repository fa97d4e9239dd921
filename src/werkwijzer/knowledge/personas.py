"""Personas: who is reading ("ik ben ..."), stored in the session as the wegwijzer does.

`request.session["persona"] = {"role": ..., "employment": ...}` with slugs from
vocabulary.yaml. Audiences group those slugs for the persona boxes inside articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.slugs import EMPLOYEE_CONTRACTS, slugs

SESSION_KEY = "persona"

# Audience of a persona box -> (title, roles, employments) that match it.
AUDIENCES: dict[str, tuple[object, frozenset[str], frozenset[str]]] = {
    "zzp": (_("For the self-employed (zzp'ers)"), frozenset(), frozenset({"zzp"})),
    "loondienst": (
        _("For employees"),
        frozenset(),
        EMPLOYEE_CONTRACTS,
    ),
    "uitkering": (
        _("With a benefit or looking for work"),
        frozenset(),
        frozenset({"uitkering-ww", "uitkering-bijstand", "ziektewet", "werkzoekend", "student"}),
    ),
    "werkgever": (_("For employers"), frozenset({"werkgever"}), frozenset()),
    "naaste": (_("For family and friends"), frozenset({"naaste"}), frozenset()),
    "professional": (_("For professionals"), frozenset({"professional"}), frozenset()),
}


@dataclass(frozen=True)
class Persona:
    role: str = ""
    employment: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.role or self.employment)

    def audiences(self) -> set[str]:
        return {
            name
            for name, (_title, roles, employments) in AUDIENCES.items()
            if self.role in roles or self.employment in employments
        }

    def matches(self, roles: list[str], employments: list[str]) -> bool:
        """Is an article with these persona slugs meant for this reader?"""
        return bool(self.role and self.role in roles) or bool(
            self.employment and self.employment in employments
        )

    def weight(self, roles: list[str], employments: list[str]) -> float:
        """How much a text fits this reader: above 1 when it is meant for them, below 1
        when it is written for other work situations only (used to order results)."""
        weight = 1.0
        if self.role and self.role in roles:
            weight *= 1.1
        if self.employment and employments:
            weight *= 1.3 if self.employment in employments else 0.85
        return weight

    def as_dict(self) -> dict[str, str]:
        return {"role": self.role, "employment": self.employment}


def parse(value: object) -> Persona:
    """A Persona from session data or a 'role:employment' string; unknown slugs are dropped."""
    if isinstance(value, str):
        role, _sep, employment = value.partition(":")
        value = {"role": role, "employment": employment}
        if role in slugs("employment") and not employment:
            value = {"role": "", "employment": role}
    if not isinstance(value, dict):
        return Persona()
    role = str(value.get("role") or "")
    employment = str(value.get("employment") or "")
    return Persona(
        role=role if role in slugs("role") else "",
        employment=employment if employment in slugs("employment") else "",
    )


def from_request(request) -> Persona:
    session = getattr(request, "session", None)
    return parse(session.get(SESSION_KEY)) if session is not None else Persona()
