"""Hypothesis strategies for situations that pass every check (plan and timeline alike)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from werkwijzer.navigator.situation import EARLIEST_DATE
from werkwijzer.vocabulary.slugs import slugs

TODAY = dt.date(2026, 11, 23)
EMPLOYER_PAYS = ("loondienst-vast", "loondienst-tijdelijk", "uitzendkracht")


@st.composite
def earlier_spells(draw: st.DrawFn, sick_since: dt.date) -> list[dict[str, str]]:
    """Up to three closed spells before ``sick_since``, newest first in time order out,
    with gaps on both sides of the 4-week line."""
    spells = []
    next_start = sick_since
    for _ in range(draw(st.integers(0, 3))):
        gap = draw(st.integers(1, 60))  # days well between the spells
        length = draw(st.integers(1, 150))
        end = next_start - dt.timedelta(days=gap + 1)
        start = end - dt.timedelta(days=length - 1)
        if start < EARLIEST_DATE:
            break
        spells.append({"from": start.isoformat(), "to": end.isoformat()})
        next_start = start
    return list(reversed(spells))


@st.composite
def route_fields(draw: st.DrawFn, employment: str, sick_since: dt.date | None) -> dict:
    """The sick-leave fields of a situation, valid for its employment."""
    fields: dict = {}
    if sick_since is not None:
        fields["earlier_sick_spells"] = draw(earlier_spells(sick_since))
    contract_end = draw(st.none() | st.dates(EARLIEST_DATE, dt.date(2030, 12, 31)))
    if employment == "werkzoekend" and contract_end and sick_since and contract_end >= sick_since:
        contract_end = sick_since - dt.timedelta(days=draw(st.integers(1, 60)))
        if contract_end < EARLIEST_DATE:  # sick on the first day we accept: no end before it
            contract_end = None
    fields["contract_end"] = contract_end.isoformat() if contract_end else None
    if employment == "uitzendkracht":
        fields["agency_clause"] = draw(st.sampled_from([None, True, False]))
    if employment == "uitkering-ww":
        benefit_end = draw(st.none() | st.dates(EARLIEST_DATE, dt.date(2030, 12, 31)))
        fields["benefit_end"] = benefit_end.isoformat() if benefit_end else None
    pays = employment in EMPLOYER_PAYS and fields.get("agency_clause") is not True
    if pays and contract_end is None and draw(st.booleans()):
        kind = draw(st.sampled_from(["vrijwillig", "loonsanctie"]))
        low, high = (13, 104) if kind == "vrijwillig" else (1, 52)
        fields["extension_kind"] = kind
        fields["extension_weeks"] = draw(st.integers(low, high))
    fields["wia_applied"] = draw(st.sampled_from([None, True, False]))
    return fields


@st.composite
def situations(draw: st.DrawFn, today: dt.date = TODAY) -> dict:
    employment = draw(st.sampled_from(slugs("employment")))
    sick = draw(st.none() | st.dates(EARLIEST_DATE, today))
    return {
        "role": draw(st.sampled_from(slugs("role"))),
        "employment": employment,
        "phase": draw(st.sampled_from(slugs("phase"))),
        "working": draw(st.sampled_from(slugs("working"))),
        "age": draw(st.integers(16, 100)),
        "concerns": draw(st.lists(st.sampled_from(slugs("concerns")), unique=True)),
        "sick_since": sick.isoformat() if sick else None,
        "has_bedrijfsarts": draw(st.sampled_from([None, True, False])),
        "has_aov": draw(st.sampled_from([None, True, False])),
        "language": draw(st.sampled_from(["nl", "en"])),
        **draw(route_fields(employment, sick)),
    }
