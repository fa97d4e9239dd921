"""The dashboard's numbers: counts from the database, shares with small-cell suppression.

The database does the counting: `refresh_summary()` groups every submitted response by
moment, region and care setting into the Summary table (a few hundred rows), and the
dashboard sums that table for the chosen filters.

Privacy: a base cell (one moment, region and care setting) with fewer than MIN_CELL
people is left out of every number. Every number shown is therefore a sum of base
cells of at least MIN_CELL people each, so subtracting one view from another (all
regions minus the other regions) can never reveal a small group. A view with no such
cell returns None, and the page says "fewer than 10".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from werkwijzer.outcomes import hooks
from werkwijzer.outcomes.models import Response, Summary
from werkwijzer.outcomes.moments import MOMENTS

MIN_CELL = 10
AT_WORK = ("yes", "never_stopped")
COUNT_FIELDS = (
    "respondents",
    "discussed_yes",
    "discussed_n",
    "referred_yes",
    "referred_n",
    "returned_yes",
    "returned_n",
    "ability_sum",
    "ability_n",
)


@transaction.atomic
def refresh_summary() -> int:
    """Rebuild the Summary table from the submitted responses; returns its row count."""
    submitted = Response.objects.filter(hooks.research_use(), status=Response.Status.SUBMITTED)
    rows = submitted.values("moment", "region", "care_setting").annotate(
        respondents=Count("id"),
        discussed_yes=Count("id", filter=Q(work_discussed=True)),
        discussed_n=Count("work_discussed"),
        referred_yes=Count("id", filter=Q(referral_offered=True)),
        referred_n=Count("referral_offered"),
        returned_yes=Count("id", filter=Q(returned_to_work__in=AT_WORK)),
        returned_n=Count("id", filter=~Q(returned_to_work="")),
        ability_sum=Sum("work_ability", default=0),
        ability_n=Count("work_ability"),
    )
    now = timezone.now()
    Summary.objects.all().delete()
    created = Summary.objects.bulk_create(
        Summary(refreshed_at=now, **row) for row in rows.order_by()
    )
    return len(created)


@dataclass(frozen=True)
class Counts:
    """Raw counts of one cell (never shown as such)."""

    respondents: int = 0
    discussed_yes: int = 0
    discussed_n: int = 0
    referred_yes: int = 0
    referred_n: int = 0
    returned_yes: int = 0
    returned_n: int = 0
    ability_sum: int = 0
    ability_n: int = 0


@dataclass(frozen=True)
class Cell:
    """What may be shown of one cell: None where fewer than MIN_CELL people stand behind it."""

    key: str | int
    respondents: int | None
    discussed: float | None  # share 0..1
    referred: float | None
    at_work: float | None
    ability: float | None  # mean 0..10

    @property
    def suppressed(self) -> bool:
        return self.respondents is None


def _share(yes: int, n: int) -> float | None:
    return yes / n if n >= MIN_CELL else None


def to_cell(key: str | int, counts: Counts) -> Cell:
    """Shares and means of one cell, each suppressed when its own base is below MIN_CELL."""
    if counts.respondents < MIN_CELL:
        return Cell(key, None, None, None, None, None)
    return Cell(
        key,
        counts.respondents,
        _share(counts.discussed_yes, counts.discussed_n),
        _share(counts.referred_yes, counts.referred_n),
        _share(counts.returned_yes, counts.returned_n),
        counts.ability_sum / counts.ability_n if counts.ability_n >= MIN_CELL else None,
    )


def _filtered(region: str | None, care_setting: str | None):
    rows = Summary.objects.filter(respondents__gte=MIN_CELL)
    if region:
        rows = rows.filter(region=region)
    if care_setting:
        rows = rows.filter(care_setting=care_setting)
    return rows


def _sums(rows, group_by: str) -> dict[str | int, Counts]:
    totals = rows.values(group_by).annotate(**{f"t_{name}": Sum(name) for name in COUNT_FIELDS})
    return {
        row[group_by]: Counts(**{name: row[f"t_{name}"] or 0 for name in COUNT_FIELDS})
        for row in totals.order_by()
    }


def by_moment(region: str | None = None, care_setting: str | None = None) -> list[Cell]:
    """One cell per moment (3, 6, 12, 24 months) for the chosen region and care setting."""
    sums = _sums(_filtered(region, care_setting), "moment")
    return [to_cell(moment, sums.get(moment, Counts())) for moment in MOMENTS]


def breakdown(
    dimension: str,
    keys: Iterable[str],
    moment: int,
    region: str | None = None,
    care_setting: str | None = None,
) -> list[Cell]:
    """One cell per region or care setting at one moment."""
    if dimension not in ("region", "care_setting"):
        raise ValueError(dimension)
    rows = _filtered(region, care_setting).filter(moment=moment)
    sums = _sums(rows, dimension)
    return [to_cell(key, sums.get(key, Counts())) for key in keys]


def refreshed_at():
    latest = Summary.objects.order_by("-refreshed_at").values_list("refreshed_at", flat=True)
    return latest.first()
