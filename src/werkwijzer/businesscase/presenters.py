"""Turn an AnalysisResult into what the page shows: figures (SVG + data table + text
alternative) and summary tables, in the request's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from werkwijzer.businesscase.model.analysis import AnalysisResult, TornadoResult, element_effects
from werkwijzer.businesscase.model.comparison import MEASURES
from werkwijzer.businesscase.model.economics import PARTIES
from werkwijzer.businesscase.model.scenarios import ScenarioBook
from werkwijzer.businesscase.model.transitions import WEEKS, State
from werkwijzer.businesscase.texts import (
    CRITERION_LABELS,
    GRADE_LABELS,
    MEASURE_LABELS,
    OFFER_LABELS,
    PARTY_LABELS,
    ROUTE_LABELS,
    SCENARIO_LABELS,
    STATE_LABELS,
    STATUS_LABELS,
    THRESHOLD_LABELS,
    parameter_label,
)
from werkwijzer.core import charts
from werkwijzer.core.charts import Bar, Series
from werkwijzer.core.sources import sources

STATE_COLORS = [
    "#1e6b34",
    "#7cc48a",
    "#e69f00",
    "#a67c00",
    "#b35806",
    "#56b4e9",
    "#cc79a7",
    "#6a3d9a",
    "#8a2c5f",
    "#d55e00",
    "#9aa5b1",
    "#3b4550",
]
SCENARIO_COLORS = [
    "#4a5360",
    "#00596b",
    "#d55e00",
    "#8a2c5f",
    "#0072b2",
    "#009e73",
    "#b8860b",
    "#6a3d9a",
    "#1b1f24",
]
PARTY_COLORS = {
    "care": "#0072b2",
    "employer": "#e69f00",
    "public": "#009e73",
    "person": "#cc79a7",
    "society": "#1b1f24",
}
TABLE_WEEKS = [0, 13, 26, 52, 78, 104, 156, 208, WEEKS - 1]
YEAR_TICKS = [0, 52, 104, 156, 208, 260]
YEAR_WEEKS = [0, 52, 104, 156, 208, WEEKS - 1]


@dataclass(frozen=True)
class Cell:
    """A table cell with a second, smaller line (an interval, a result)."""

    main: str
    sub: str = ""

    def __str__(self) -> str:
        return f"{self.main} ({self.sub})" if self.sub else self.main


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str | Cell]]


@dataclass
class Figure:
    id: str
    title: str
    summary: str
    svg: SafeString
    table: Table
    legend: list[tuple[str, str]] = field(default_factory=list)
    dashed: set[str] = field(default_factory=set)


def money(value: float) -> str:
    """Euros in millions, Dutch or English style by the active language."""
    return _("€ %(amount)s mln") % {"amount": number_format(value / 1e6, 1, force_grouping=True)}


def money_tick(value: float) -> str:
    """Axis labels: whole millions where they are whole."""
    decimals = 0 if abs(value / 1e6 - round(value / 1e6)) < 1e-9 else 1
    return _("€ %(amount)s mln") % {
        "amount": number_format(value / 1e6, decimals, force_grouping=True)
    }


def percent(value: float) -> str:
    return f"{number_format(value * 100, 0)}%"


def persons(value: float) -> str:
    return number_format(round(value), 0, force_grouping=True)


def year_of_week(week: float) -> str:
    return number_format(round(week / 52), 0)


def scenario_label(result: AnalysisResult, key: str) -> str:
    return str(SCENARIO_LABELS.get(key, result.results[key].label))


def _colors(result: AnalysisResult) -> dict[str, str]:
    return {key: SCENARIO_COLORS[i % len(SCENARIO_COLORS)] for i, key in enumerate(result.results)}


# The skeleton every figure shares: the figure gives its series (or bars), title, summary
# and table; the skeleton draws the chart with the summary as its text alternative.


def _figure(
    figure_id: str,
    chart: Callable[..., str],
    data: Any,
    marks: Sequence[Any],
    *,
    title: str,
    summary: str,
    table: Table,
    legend: list[tuple[str, str]] | None = None,
    dashed: set[str] | None = None,
    **axes: Any,
) -> Figure:
    """Draw `chart(figure_id, data, marks, ...)` and put it beside its table and text."""
    svg = chart(figure_id, data, marks, title=title, description=summary, **axes)
    if legend is None:
        legend = [(mark.label, mark.color) for mark in marks]
    return Figure(figure_id, title, summary, mark_safe(svg), table, legend, dashed or set())


def _years_axis() -> dict[str, Any]:
    """The x-axis of the figures over time: years after diagnosis."""
    return {"x_label": _("Years after diagnosis"), "x_format": year_of_week, "x_ticks": YEAR_TICKS}


def _interval_caption(result: AnalysisResult, caption: str) -> str:
    """A table caption, with a note on the interval lines when there is a PSA."""
    if result.psa is None:
        return caption
    return caption + " " + _("(second line: %(level)s interval)") % {"level": "95%"}


def _states_summary(label: str, states: np.ndarray) -> str:
    at_year = states[52]
    return _(
        "%(scenario)s: after one year %(working)s of %(total)s people work (fully or partly), "
        "%(sick)s are on sick leave and %(died)s have died. After five years %(working5)s work."
    ) % {
        "scenario": label,
        "working": persons(at_year[State.WORKING_FULLY] + at_year[State.WORKING_PARTLY]),
        "total": persons(at_year.sum()),
        "sick": persons(at_year[State.SICK_LEAVE]),
        "died": persons(at_year[State.DIED]),
        "working5": persons(states[-1, State.WORKING_FULLY] + states[-1, State.WORKING_PARTLY]),
    }


def _states_table(label: str, states: np.ndarray) -> Table:
    return Table(
        caption=_("Persons per state, by years after diagnosis (%(scenario)s)")
        % {"scenario": label},
        headers=[_("State"), *(year_of_week(week) for week in YEAR_WEEKS)],
        rows=[
            [str(STATE_LABELS[state]), *(persons(states[week, state]) for week in YEAR_WEEKS)]
            for state in State
        ],
    )


def states_figure(result: AnalysisResult, key: str) -> Figure:
    states = result.results[key].states
    label = scenario_label(result, key)
    series = [
        Series(str(STATE_LABELS[state]), states[:, state].tolist(), STATE_COLORS[state])
        for state in State
    ]
    return _figure(
        f"states-{key}",
        charts.stacked_area,
        list(range(states.shape[0])),
        series,
        title=_("Where the cohort is, week by week: %(scenario)s") % {"scenario": label},
        summary=_states_summary(label, states),
        table=_states_table(label, states),
        y_label=_("Persons"),
        y_format=persons,
        **_years_axis(),
    )


def _working_series(result: AnalysisResult) -> list[Series]:
    """One line per scenario; bands around ist and the first scenario when there is a PSA."""
    colors = _colors(result)
    series = []
    for key, scenario in result.results.items():
        low = high = None
        if result.psa is not None and key in ("ist", result.primary):
            band = result.psa.working_bands[key]
            low, high = band[0].tolist(), band[2].tolist()
        share = scenario.working_share.tolist()
        label = scenario_label(result, key)
        series.append(Series(label, share, colors[key], low, high, dashed=key == "ist"))
    return series


def _working_summary(result: AnalysisResult) -> str:
    parts = [
        _("%(scenario)s: %(share)s at one year, %(share2)s at two years")
        % {
            "scenario": scenario_label(result, key),
            "share": percent(scenario.working_share[52]),
            "share2": percent(scenario.working_share[104]),
        }
        for key, scenario in result.results.items()
    ]
    summary = _("Share of the living people who work.") + " " + "; ".join(parts) + "."
    if result.psa is not None:
        summary += " " + _(
            "The light bands (current situation and the first scenario) show where 95%% of "
            "%(draws)s uncertainty draws fall."
        ) % {"draws": number_format(result.psa.draws, 0, force_grouping=True)}
    return summary


def _working_cell(result: AnalysisResult, key: str, week: int) -> Cell:
    main = percent(result.results[key].working_share[week])
    if result.psa is None:
        return Cell(main)
    band = result.psa.working_bands[key]
    return Cell(main, f"{percent(band[0][week])}–{percent(band[2][week])}")


def _working_table(result: AnalysisResult) -> Table:
    headers = [_("Week"), *(scenario_label(result, key) for key in result.results)]
    rows: list[list[str | Cell]] = [
        [str(week), *(_working_cell(result, key, week) for key in result.results)]
        for week in TABLE_WEEKS
    ]
    return Table(_interval_caption(result, _("Share working per week")), headers, rows)


def working_figure(result: AnalysisResult) -> Figure:
    return _figure(
        "working",
        charts.line_chart,
        list(range(WEEKS)),
        _working_series(result),
        title=_("Share of people at work over time"),
        summary=_working_summary(result),
        table=_working_table(result),
        dashed={scenario_label(result, "ist")},
        y_label=_("Share working"),
        y_format=percent,
        **_years_axis(),
    )


def _parties_where(net: np.ndarray, gains: bool) -> list[str]:
    """The parties (society aside) that gain, or that pay more."""
    return [
        str(PARTY_LABELS[party])
        for party, value in zip(PARTIES, net, strict=True)
        if (value > 0 if gains else value < 0) and party != "society"
    ]


def _parties_sentence(result: AnalysisResult, key: str) -> str:
    net = result.net_benefit(key)
    return _(
        "%(scenario)s: society gains %(society)s. Pays more: %(payers)s. Gains: %(gainers)s."
    ) % {
        "scenario": scenario_label(result, key),
        "society": money(net[PARTIES.index("society")]),
        "payers": ", ".join(_parties_where(net, gains=False)) or _("nobody"),
        "gainers": ", ".join(_parties_where(net, gains=True)) or _("nobody"),
    }


def _parties_cell(result: AnalysisResult, key: str, index: int) -> Cell:
    main = money(result.net_benefit(key)[index])
    if result.psa is None:
        return Cell(main)
    interval = result.psa.interval(key, PARTIES[index])
    return Cell(main, f"{money(interval.low)} – {money(interval.high)}")


def _parties_table(result: AnalysisResult, keys: list[str]) -> Table:
    headers = [_("Party"), *(scenario_label(result, key) for key in keys)]
    rows: list[list[str | Cell]] = [
        [str(PARTY_LABELS[party]), *(_parties_cell(result, key, index) for key in keys)]
        for index, party in enumerate(PARTIES)
    ]
    caption = _("Net benefit per party; positive means the party gains")
    return Table(_interval_caption(result, caption), headers, rows)


def parties_figure(result: AnalysisResult) -> Figure:
    colors = _colors(result)
    keys = [key for key in result.results if key != "ist"]
    series = [
        Series(scenario_label(result, key), result.net_benefit(key).tolist(), colors[key])
        for key in keys
    ]
    return _figure(
        "parties",
        charts.bar_chart,
        [str(PARTY_LABELS[party]) for party in PARTIES],
        series,
        title=_("Net benefit per party compared with the current situation (5 years)"),
        summary=" ".join(_parties_sentence(result, key) for key in keys),
        table=_parties_table(result, keys),
        y_label=_("Net benefit"),
        y_format=money_tick,
    )


def _cumulative_net_benefit(result: AnalysisResult, key: str) -> np.ndarray:
    """Week by week and per party, the net benefit of `key` over ist, added up."""
    ist, other = result.results["ist"].output, result.results[key].output
    assert ist.costs_weekly is not None and other.costs_weekly is not None
    weekly = ist.costs_weekly - other.costs_weekly
    weekly[min(result.book.offer_for("ist").start_week, WEEKS - 1)] += ist.offer_costs[0]
    weekly[min(result.book.offer_for(key).start_week, WEEKS - 1)] -= other.offer_costs[0]
    return np.cumsum(weekly, axis=0)


def _over_time_summary(label: str, cumulative: np.ndarray) -> str:
    society = PARTIES.index("society")
    breakeven = next(
        (week for week in range(WEEKS) if cumulative[week:, society].min() > 0),
        None,
    )
    summary = _("%(scenario)s compared with the current situation, added up over time.") % {
        "scenario": label
    }
    if breakeven is not None:
        summary += " " + _("For society the gains outweigh the costs from week %(week)s.") % {
            "week": breakeven
        }
    care = cumulative[-1, PARTIES.index("care")]
    if care < 0:
        summary += " " + _("Care pays %(amount)s more, while the gains land with others.") % {
            "amount": money(-care)
        }
    return summary


def _over_time_table(result: AnalysisResult, key: str, label: str) -> Table:
    yearly = result.net_benefit_yearly(key)
    return Table(
        _("Net benefit per year and party (%(scenario)s)") % {"scenario": label},
        [_("Year"), *(str(PARTY_LABELS[p]) for p in PARTIES)],
        [[str(year + 1), *(money(v) for v in row)] for year, row in enumerate(yearly)],
    )


def over_time_figure(result: AnalysisResult, key: str) -> Figure:
    cumulative = _cumulative_net_benefit(result, key)
    label = scenario_label(result, key)
    series = [
        Series(
            str(PARTY_LABELS[party]),
            cumulative[:, i].tolist(),
            PARTY_COLORS[party],
            dashed=party == "society",
        )
        for i, party in enumerate(PARTIES)
    ]
    return _figure(
        "over-time",
        charts.line_chart,
        list(range(WEEKS)),
        series,
        title=_("Net benefit per party over time: %(scenario)s") % {"scenario": label},
        summary=_over_time_summary(label, cumulative),
        table=_over_time_table(result, key, label),
        dashed={str(PARTY_LABELS["society"])},
        y_label=_("Cumulative net benefit"),
        y_format=money_tick,
        **_years_axis(),
    )


def format_value(value: float) -> str:
    """A parameter value with as few decimals as it needs."""
    text = f"{value:.{4 if abs(value) < 0.01 else 2}f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return number_format(value, decimals, force_grouping=True)


def _tornado_summary(tornado: TornadoResult, label: str) -> str:
    top = tornado.bars[0]
    deciding = [parameter_label(bar.name) for bar in tornado.bars[:5] if bar.is_assumption]
    assumptions = (
        " "
        + _(
            "Of the five that matter most, these are assumptions without a published figure: %(names)s."
        )
        % {"names": ", ".join(deciding)}
        if deciding
        else ""
    )
    return (
        _(
            "Net benefit for society of %(scenario)s is %(base)s with the chosen values. It depends most "
            "on %(name)s: from %(low)s to %(high)s over its range."
        )
        % {
            "scenario": label,
            "base": money(tornado.base),
            "name": parameter_label(top.name),
            "low": money(top.low_result),
            "high": money(top.high_result),
        }
        + assumptions
    )


def _tornado_table(tornado: TornadoResult) -> Table:
    known = sources()
    rows: list[list[str | Cell]] = [
        [
            parameter_label(bar.name),
            Cell(money(bar.low_result), format_value(bar.low_value)),
            Cell(money(bar.high_result), format_value(bar.high_value)),
            _("assumption")
            if bar.is_assumption
            else known[bar.source].publisher
            if bar.source in known
            else bar.source,
        ]
        for bar in tornado.bars
    ]
    return Table(
        _(
            "Net benefit for society at the low and high end of each range (second line: the value used)"
        ),
        [_("Assumption"), _("Low end"), _("High end"), _("Source")],
        rows,
    )


def tornado_figure(result: AnalysisResult) -> Figure | None:
    tornado = result.tornado
    if tornado is None or not tornado.bars:
        return None
    label = scenario_label(result, tornado.scenario)
    bars = [
        Bar(
            parameter_label(bar.name),
            bar.low_result,
            bar.high_result,
            format_value(bar.low_value),
            format_value(bar.high_value),
        )
        for bar in tornado.bars
    ]
    return _figure(
        "tornado",
        charts.tornado,
        tornado.base,
        bars,
        title=_("What matters most: one assumption at a time (%(scenario)s)") % {"scenario": label},
        summary=_tornado_summary(tornado, label),
        table=_tornado_table(tornado),
        legend=[(_("Low end of the range"), "#00596b"), (_("High end of the range"), "#8a2c5f")],
        x_label=_("Net benefit for society"),
        x_format=money_tick,
    )


def totals_table(result: AnalysisResult) -> Table:
    headers = [_("Scenario"), *(str(PARTY_LABELS[p]) for p in PARTIES)]
    rows = [
        [scenario_label(result, key), *(money(v) for v in scenario.totals)]
        for key, scenario in result.results.items()
    ]
    return Table(_("Costs per party over five years (discounted)"), headers, rows)


def figures(result: AnalysisResult) -> list[Figure]:
    primary = result.primary
    found: list[Figure | None] = [working_figure(result), parties_figure(result)]
    if primary is not None:
        found.append(over_time_figure(result, primary))
    found.append(tornado_figure(result))
    found.append(states_figure(result, "ist"))
    if primary is not None:
        found.append(states_figure(result, primary))
    return [figure for figure in found if figure is not None]


# Tables beside the figures: comparison, evidence, threshold, financing and budget impact.

COMPARISON_WEEKS = (52, 104, 259)


def comparison_table(result: AnalysisResult) -> Table | None:
    comparison = result.comparison
    if comparison is None:
        return None
    headers = [_("Outcome")]
    for week in COMPARISON_WEEKS:
        years = year_of_week(week + 1)
        headers += [
            _("With cancer, year %(year)s") % {"year": years},
            _("Without cancer, year %(year)s") % {"year": years},
            _("Relative risk, year %(year)s") % {"year": years},
        ]
    rows: list[list[str | Cell]] = []
    for measure in MEASURES:
        cancer, without = comparison.shares(measure)
        rr = comparison.relative_risk(measure)
        row: list[str | Cell] = [str(MEASURE_LABELS[measure])]
        for week in COMPARISON_WEEKS:
            row += [
                percent(cancer[0, week]),
                percent(without[0, week]),
                "–" if np.isnan(rr[0, week]) else number_format(float(rr[0, week]), 2),
            ]
        rows.append(row)
    caption = _(
        "Current situation against people of the same age groups and jobs without cancer "
        "(shares of the living)"
    )
    return Table(caption, headers, rows)


def _grade(grade: str, low: float, high: float, source: str) -> Cell:
    known = sources()
    where = known[source].publisher if source in known else _("no published source")
    return Cell(str(GRADE_LABELS[grade]), where)


def effects_table(book: ScenarioBook) -> Table:
    headers = [_("Element"), _("Effect on return to work (range)"), _("Evidence"),
               _("Effect on falling back (range)"), _("Evidence"), _("Cost per consultation (range)"),
               _("Evidence")]  # fmt: skip
    by_element: dict[str, dict[str, dict]] = {}
    for effect in element_effects(book):
        by_element.setdefault(effect["element"], {})[effect["item"]] = effect
    rows: list[list[str | Cell]] = []
    for element, items in by_element.items():
        row: list[str | Cell] = [str(OFFER_LABELS.get(element, element))]
        for item in ("rtw_hr", "relapse_hr", "cost_per_consultation"):
            e = items[item]
            low, high = format_value(e["low"]), format_value(e["high"])
            row.append(f"{format_value(e['value'])} ({low}–{high})")
            row.append(_grade(e["grade"], e["low"], e["high"], e["source"]))
        rows.append(row)
    caption = _("The evidence for each effect: the value used, its range and where it comes from")
    return Table(caption, headers, rows)


def threshold_table(result: AnalysisResult) -> Table | None:
    if not result.thresholds:
        return None
    keys = list(result.thresholds)
    headers = [_("Party"), *(scenario_label(result, key) for key in keys)]
    rows: list[list[str | Cell]] = []
    for index, party in enumerate(PARTIES):
        row: list[str | Cell] = [str(PARTY_LABELS[party])]
        for key in keys:
            item = result.thresholds[key][index]
            if item.value is not None:
                row.append(Cell(number_format(item.value, 2), _("used: %(value)s") % {
                    "value": number_format(item.base_effect, 2)}))  # fmt: skip
            else:
                row.append(str(THRESHOLD_LABELS[item.status]))
        rows.append(row)
    caption = _(
        "Break-even: the effect on return to work (hazard ratio) from which each party gains "
        "(second line: the effect the scenario uses)"
    )
    return Table(caption, headers, rows)


def financing_table(result: AnalysisResult, key: str) -> Table:
    """One row per route and criterion, so every cell stays short (and reads well aloud)."""
    known = sources()
    headers = [_("Element"), _("Route"), _("Pays (5 years)"), _("Criterion"), _("Assessment"),
               _("Source")]  # fmt: skip
    rows: list[list[str | Cell]] = []
    for route in result.financing(key):
        source = known.get(route.route.source)
        for criterion in route.criteria:
            status = str(STATUS_LABELS[criterion.status])
            rows.append([
                str(OFFER_LABELS.get(route.scenario, route.scenario)),
                str(ROUTE_LABELS[route.route.key]),
                money(route.amount),
                str(CRITERION_LABELS[criterion.key]),
                Cell(status, _("assumption")) if not criterion.computed else status,
                source.publisher if source else _("assumption"),
            ])  # fmt: skip
    caption = _("Who pays the care offer of %(scenario)s, along which route, and its criteria") % {
        "scenario": scenario_label(result, key)
    }
    return Table(caption, headers, rows)


def budget_table(result: AnalysisResult, key: str) -> Table:
    years = result.budget[key]
    headers = [_("Year"), *(str(PARTY_LABELS[p]) for p in PARTIES)]
    rows: list[list[str | Cell]] = [
        [str(year + 1), *(money(value) for value in row)] for year, row in enumerate(years)
    ]
    caption = _(
        "Budget impact of %(scenario)s per payer per year, with a new cohort every year "
        "(not discounted; positive: the payer spends more, negative: saves)"
    ) % {"scenario": scenario_label(result, key)}
    return Table(caption, headers, rows)


def extra_tables(result: AnalysisResult) -> dict[str, Any]:
    """Every table the page shows beside the figures."""
    keys = [key for key in result.results if key != "ist"]
    return {
        "comparison": comparison_table(result),
        "threshold": threshold_table(result),
        "financing": [financing_table(result, key) for key in keys],
        "budget": [budget_table(result, key) for key in keys],
    }
