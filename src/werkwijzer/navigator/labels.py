"""Readable, translated labels of the wegwijzer's own codes.

The labels of vocabulary slugs (role, employment, phase, ...) live in
`werkwijzer.vocabulary.labels`.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

PARTY = {
    "werknemer": _("Employee"),
    "werkgever": _("Employer"),
    "bedrijfsarts": _("Bedrijfsarts"),
    "uwv": _("UWV"),
    "verzekeraar": _("Insurer"),
    "gemeente": _("Municipality"),
}
# Who the reader is in the plan's table of dates: the reader's own party reads as "you".
OWN_PARTY = {"werkende": "werknemer", "naaste": None, "werkgever": "werkgever"}
OWN_LABEL = {"werknemer": _("You"), "werkgever": _("You (employer)")}


def party_labels(role: str) -> dict[str, Any]:
    """The party labels for a reader: an employer's plan calls the employer "you"."""
    own = OWN_PARTY.get(role)
    return {key: OWN_LABEL[key] if key == own else label for key, label in PARTY.items()}


YES_NO_UNKNOWN = {"true": _("Yes"), "false": _("No"), "unknown": _("I don't know")}
