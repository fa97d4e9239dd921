"""Find identifying data in a case description (pure Python, no Django).

An intercollegial consultation is about a case, never about a named person. `find`
returns the kinds of identifying data it sees, so the form can say what to leave out.
"""

from __future__ import annotations

import re

BSN, BIRTH_DATE, EMAIL, PHONE, ADDRESS, NAME = (
    "bsn",
    "date",
    "email",
    "phone",
    "address",
    "name",
)
KINDS = (BSN, BIRTH_DATE, EMAIL, PHONE, ADDRESS, NAME)

_NINE_DIGITS = re.compile(r"(?<![\d.-])(\d(?:[ .]?\d){8})(?![\d])")
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    "|january|february|march|may|june|july|august|october|december|mar|oct"
)
_DATES = [
    re.compile(r"\b(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](19|20)?\d\d\b"),
    re.compile(r"\b(19|20)\d\d[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"\b(0?[1-9]|[12]\d|3[01])\s+(?i:{_MONTHS})\.?\s+(19|20)\d\d\b"),
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}(?!\d)")
_POSTCODE = r"[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}"
_ADDRESS = [
    re.compile(rf"\b{_POSTCODE}\b[\s,]+(?:nr\.?\s*)?\d{{1,5}}\s?[a-zA-Z]?\b"),
    re.compile(
        r"\b[A-Za-z][a-z]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|pad)"
        r"\s+\d{1,5}\s?[a-zA-Z]?\b"
    ),
    re.compile(rf"\b\d{{1,5}}\s?[a-zA-Z]?[\s,]+{_POSTCODE}\b"),
]
_TITLE = r"(?i:mevrouw|mevr|mw|meneer|mnr|dhr|de\s+heer|heer|mr|mrs)"
_PARTICLE = r"(?:(?:van|de|der|den|ter|ten|te|het|la|le|van't|'t)\s+)*"
_NAME = re.compile(rf"\b{_TITLE}\.?\s+(?:[A-Z]\.\s*)*{_PARTICLE}[A-Z][a-zà-ÿ'’-]+")


def elfproef(digits: str) -> bool:
    """The Dutch eleven test for a BSN (9 digits; the last one weighs -1)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def find(text: str) -> list[str]:
    """The kinds of identifying data in the text, in the order of KINDS."""
    text = text or ""
    found = set()
    for match in _NINE_DIGITS.finditer(text):
        if elfproef(re.sub(r"\D", "", match.group(1))):
            found.add(BSN)
    if any(pattern.search(text) for pattern in _DATES):
        found.add(BIRTH_DATE)
    if _EMAIL.search(text):
        found.add(EMAIL)
    if _PHONE.search(text):
        found.add(PHONE)
    if any(pattern.search(text) for pattern in _ADDRESS):
        found.add(ADDRESS)
    if _NAME.search(text):
        found.add(NAME)
    return [kind for kind in KINDS if kind in found]
