"""Readable, translated labels of the wegwijzer's own codes.

The labels of vocabulary slugs (role, employment, phase, ...) live in
`werkwijzer.vocabulary.labels`.
"""

from django.utils.translation import gettext_lazy as _

PARTY = {
    "werknemer": _("Employee"),
    "werkgever": _("Employer"),
    "bedrijfsarts": _("Bedrijfsarts"),
    "uwv": _("UWV"),
    "verzekeraar": _("Insurer"),
}
YES_NO_UNKNOWN = {"true": _("Yes"), "false": _("No"), "unknown": _("I don't know")}
