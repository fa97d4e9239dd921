"""Registration numbers of professionals, checked for form at sign-up.

Only the form: BIG numbers have 11 digits, AGB codes and KvK numbers 8. Whether the
number belongs to this person is for an editor to look up in the public register before
a claim or a new entry is approved (the queue in /beheer/ links to the registers).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from werkwijzer.directory.choices import REGISTER_DIGITS, Register

# Where an editor checks a number by hand.
LOOKUP_URLS = {
    Register.BIG: "https://zoeken.bigregister.nl/",
    Register.AGB: "https://www.agbcode.nl/Webzoeker/Zoeken",
    Register.KVK: "https://www.kvk.nl/zoeken/",
}
_SEPARATORS = re.compile(r"[\s.\-]+")


def normalise_number(raw: str) -> str:
    """'1234 5678 901' or '12.34.56.78' -> digits only (separators people type go)."""
    return _SEPARATORS.sub("", raw or "")


def number_error(register: str, number: str) -> str | None:
    """Why the (normalised) number cannot be right for this register, or None."""
    if register not in Register.values:
        return _("Choose a register.")
    if number.isdigit() and len(number) == REGISTER_DIGITS[Register(register)]:
        return None
    messages = {
        Register.BIG: _("A BIG number has 11 digits and no letters."),
        Register.AGB: _("An AGB code has 8 digits and no letters."),
        Register.KVK: _("A KvK number has 8 digits and no letters."),
    }
    return messages[Register(register)]
