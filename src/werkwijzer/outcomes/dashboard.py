"""The dashboard page's content: the action plan's targets beside the measured values.

Charts are server-side SVG from core.charts (the same helper as the business case); each
chart has a table with its numbers beside it. All numbers come from aggregates.py, so
no cell with fewer than MIN_CELL people reaches the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from werkwijzer.core.charts import Series, line_chart
from werkwijzer.core.sources import source
from werkwijzer.outcomes import aggregates
from werkwijzer.outcomes.aggregates import MIN_CELL, Cell
from werkwijzer.outcomes.choices import CARE_SETTINGS, REGIONS
from werkwijzer.outcomes.moments import MOMENTS

TARGET = 0.80  # action plan: 80% had the talk about work; 80% of professionals can advise or refer
TARGET_SOURCE = "actieplan-werk-en-kanker-2025"
BREAKDOWN_MOMENT = 12
MEASURED, TARGET_COLOUR = "#00596b", "#8a2c5f"


@dataclass(frozen=True)
class DashboardFilters:
    region: str | None = None
    care_setting: str | None = None
    moment: int = BREAKDOWN_MOMENT
    unknown: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> DashboardFilters:
        unknown = []
        region = query.get("region") or None
        if region and region not in REGIONS:
            unknown.append("region")
            region = None
        setting = query.get("care_setting") or None
        if setting and setting not in CARE_SETTINGS:
            unknown.append("care_setting")
            setting = None
        moment_text = query.get("moment") or str(BREAKDOWN_MOMENT)
        moment = int(moment_text) if moment_text.isdigit() and int(moment_text) in MOMENTS else None
        if moment is None:
            unknown.append("moment")
            moment = BREAKDOWN_MOMENT
        return cls(region, setting, moment, tuple(unknown))


def percent(value: float | None) -> str:
    return _("fewer than %(n)s") % {"n": MIN_CELL} if value is None else f"{value * 100:.0f}%"


def score(value: float | None) -> str:
    return _("fewer than %(n)s") % {"n": MIN_CELL} if value is None else number_format(value, 1)


def people(value: int | None) -> str:
    return (
        _("fewer than %(n)s") % {"n": MIN_CELL}
        if value is None
        else number_format(value, 0, force_grouping=True)
    )


X_END = 26  # a little room after 24 months, so its label fits inside the chart


def _months(value: float) -> str:
    return _("%(n)s mo") % {"n": int(value)} if value in MOMENTS else ""


def _figure(
    key: str,
    title: str,
    cells: list[Cell],
    value: Callable[[Cell], float | None],
    fmt: Callable[[float | None], str],
    *,
    y_label: str,
    target: float | None,
    target_label: str = "",
    scale: float = 1.0,
) -> dict[str, Any]:
    shown = [(cell.key, value(cell)) for cell in cells if value(cell) is not None]
    headers = [_("Months after diagnosis"), _("People"), _("Measured")]
    if target is not None:
        headers.append(_("Target"))
    rows = []
    for cell in cells:
        row = [str(cell.key), people(cell.respondents), fmt(value(cell))]
        if target is not None:
            row.append(fmt(target))
        rows.append(row)
    svg = ""
    if len(shown) >= 2:
        xs = [float(k) for k, _v in shown]
        series = [Series(_("Measured"), [v * scale for _k, v in shown], MEASURED)]
        if target is not None:
            series.append(
                Series(target_label, [target * scale] * len(xs), TARGET_COLOUR, dashed=True)
            )
        description = "; ".join(
            _("%(months)s months: %(value)s") % {"months": k, "value": fmt(v)} for k, v in shown
        )
        svg = line_chart(
            f"chart-{key}",
            xs,
            series,
            title=title,
            description=description,
            x_label=_("Months after diagnosis"),
            y_label=y_label,
            x_format=_months,
            y_format=(lambda v: f"{v:.0f}%") if scale == 100 else (lambda v: f"{v:g}"),
            x_ticks=[*MOMENTS, X_END],
        )
    legend = [(_("Measured"), MEASURED, False)]
    if target is not None:
        legend.append((target_label, TARGET_COLOUR, True))
    return {
        "id": key,
        "title": title,
        "svg": mark_safe(svg),  # built from numbers and escaped labels
        "legend": legend,
        "table": {"caption": title, "headers": headers, "rows": rows},
    }


def _breakdown_table(dimension: str, labels: Mapping[str, Any], filters: DashboardFilters) -> dict:
    cells = aggregates.breakdown(
        dimension,
        labels,
        filters.moment,
        region=filters.region if dimension != "region" else None,
        care_setting=filters.care_setting if dimension != "care_setting" else None,
    )
    first = _("Province") if dimension == "region" else _("Care setting")
    return {
        "caption": (
            _("By province, %(n)s months after diagnosis")
            if dimension == "region"
            else _("By care setting, %(n)s months after diagnosis")
        )
        % {"n": filters.moment},
        "headers": [
            first,
            _("People"),
            _("Work discussed"),
            _("Referral offered"),
            _("At work"),
            _("Work ability (0-10)"),
        ],
        "rows": [
            [
                str(labels[c.key]),
                people(c.respondents),
                percent(c.discussed),
                percent(c.referred),
                percent(c.at_work),
                score(c.ability),
            ]
            for c in cells
        ],
    }


def _figures(cells: list[Cell]) -> list[dict[str, Any]]:
    """The four indicators over time; the first two against the 80% target."""
    return [
        _figure(
            "discussed",
            _("Work discussed by a doctor or nurse"),
            cells,
            lambda c: c.discussed,
            percent,
            y_label=_("Share of people"),
            target=TARGET,
            target_label=_("Target: %(share)s had the talk about work") % {"share": "80%"},
            scale=100,
        ),
        _figure(
            "referred",
            _("Referral for help with work offered"),
            cells,
            lambda c: c.referred,
            percent,
            y_label=_("Share of people"),
            target=TARGET,
            target_label=_("Target: %(share)s of professionals can advise or refer")
            % {"share": "80%"},
            scale=100,
        ),
        _figure(
            "at-work",
            _("Back at work over time"),
            cells,
            lambda c: c.at_work,
            percent,
            y_label=_("Share at work"),
            target=None,
            scale=100,
        ),
        _figure(
            "ability",
            _("Work ability over time (0 to 10)"),
            cells,
            lambda c: c.ability,
            score,
            y_label=_("Average score"),
            target=None,
        ),
    ]


def build_dashboard(filters: DashboardFilters) -> dict[str, Any]:
    cells = aggregates.by_moment(filters.region, filters.care_setting)
    figures = _figures(cells)
    return {
        "filters": filters,
        "regions": REGIONS,
        "care_settings": CARE_SETTINGS,
        "moments": MOMENTS,
        "figures": figures,
        "breakdowns": [
            _breakdown_table("region", REGIONS, filters),
            _breakdown_table("care_setting", CARE_SETTINGS, filters),
        ],
        "refreshed_at": aggregates.refreshed_at(),
        "min_cell": MIN_CELL,
        "target_source": source(TARGET_SOURCE),
        "has_data": any(not c.suppressed for c in cells),
    }
