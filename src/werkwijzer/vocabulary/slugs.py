"""The shared slugs of Werkwijzer as enums, loaded from vocabulary.yaml.

The YAML file is a public contract (API, command line, content, tests): slugs are
added, never renamed. This module has no Django import so pure domain code can use it.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import cast

from werkwijzer.core import yamlfile

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")

# Work situations with an employer who pays the wage during sickness and has the
# Poortwachter duties (an agency worker with an uitzendbeding leaves this group at
# sickness: that is decided by the route, not here).
EMPLOYEE_CONTRACTS = frozenset({"loondienst-vast", "loondienst-tijdelijk", "uitzendkracht"})


@cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """Every section of the vocabulary as an ordered tuple of slugs."""
    with VOCABULARY_FILE.open(encoding="utf-8") as handle:
        raw = yamlfile.load(handle)
    return {section: tuple(str(slug) for slug in slugs) for section, slugs in raw.items()}


def _enum(name: str, section: str) -> type[StrEnum]:
    members = {slug.upper().replace("-", "_"): slug for slug in vocabulary()[section]}
    # The functional API makes a new enum class; mypy knows that form only with literal
    # members and reads this call as making a member, hence the cast.
    return cast("type[StrEnum]", StrEnum(name, members))


Helper = _enum("Helper", "helpers")
Employment = _enum("Employment", "employment")
Phase = _enum("Phase", "phase")
Working = _enum("Working", "working")
Role = _enum("Role", "role")
Concern = _enum("Concern", "concerns")
Topic = _enum("Topic", "topics")
Milestone = _enum("Milestone", "milestones")
Output = _enum("Output", "outputs")


def slugs(section: str) -> tuple[str, ...]:
    """The slugs of one section, in the order of the vocabulary file."""
    return vocabulary()[section]


@cache
def slug_set(section: str) -> frozenset[str]:
    """The slugs of one section as a set, for quick membership tests."""
    return frozenset(slugs(section))
