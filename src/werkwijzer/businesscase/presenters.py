"""Turn an AnalysisResult into what the page shows: figures (SVG + data table + text
alternative) and summary tables, in the request's language."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from werkwijzer.businesscase import charts
from werkwijzer.businesscase.charts import Bar, Series
from werkwijzer.businesscase.model.analysis import AnalysisResult
from werkwijzer.businesscase.model.economics import PARTIES
from werkwijzer.businesscase.model.transitions import WEEKS, State
from werkwijzer.businesscase.texts import (
    PARTY_LABELS,
    SCENARIO_LABELS,
    STATE_LABELS,
    parameter_label,
)
from werkwijzer.core.sources import sources

STATE_COLORS = [
    "#1e6b34",
    "#7cc48a",
    "#e69f00",
    "#cc79a7",
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


def states_figure(result: AnalysisResult, key: str) -> Figure:
    states = result.results[key].states
    weeks = list(range(states.shape[0]))
    series = [
        Series(str(STATE_LABELS[state]), states[:, state].tolist(), STATE_COLORS[state])
        for state in State
    ]
    label = scenario_label(result, key)
    at_year = states[52]
    summary = _(
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
    title = _("Where the cohort is, week by week: %(scenario)s") % {"scenario": label}
    svg = charts.stacked_area(
        f"states-{key}",
        weeks,
        series,
        title=title,
        description=summary,
        x_label=_("Years after diagnosis"),
        y_label=_("Persons"),
        x_format=year_of_week,
        y_format=persons,
        x_ticks=YEAR_TICKS,
    )
    table = Table(
        caption=_("Persons per state, by years after diagnosis (%(scenario)s)")
        % {"scenario": label},
        headers=[_("State"), *(year_of_week(week) for week in YEAR_WEEKS)],
        rows=[
            [str(STATE_LABELS[state]), *(persons(states[week, state]) for week in YEAR_WEEKS)]
            for state in State
        ],
    )
    return Figure(
        f"states-{key}", title, summary, mark_safe(svg), table, [(s.label, s.color) for s in series]
    )


def working_figure(result: AnalysisResult) -> Figure:
    colors = _colors(result)
    weeks = list(range(WEEKS))
    series = []
    for key, scenario in result.results.items():
        share = scenario.working_share
        low = high = None
        if result.psa is not None and key in ("ist", result.primary):
            low, high = (
                result.psa.working_bands[key][0].tolist(),
                result.psa.working_bands[key][2].tolist(),
            )
        series.append(
            Series(
                scenario_label(result, key),
                share.tolist(),
                colors[key],
                low,
                high,
                dashed=key == "ist",
            )
        )
    parts = [
        _("%(scenario)s: %(share)s at one year, %(share2)s at two years")
        % {
            "scenario": scenario_label(result, key),
            "share": percent(result.results[key].working_share[52]),
            "share2": percent(result.results[key].working_share[104]),
        }
        for key in result.results
    ]
    summary = _("Share of the living people who work.") + " " + "; ".join(parts) + "."
    if result.psa is not None:
        summary += " " + _(
            "The light bands (current situation and the first scenario) show where 95%% of "
            "%(draws)s uncertainty draws fall."
        ) % {"draws": number_format(result.psa.draws, 0, force_grouping=True)}
    title = _("Share of people at work over time")
    svg = charts.line_chart(
        "working",
        weeks,
        series,
        title=title,
        description=summary,
        x_label=_("Years after diagnosis"),
        y_label=_("Share working"),
        x_format=year_of_week,
        y_format=percent,
        x_ticks=YEAR_TICKS,
    )
    headers = [_("Week")]
    for key in result.results:
        headers.append(scenario_label(result, key))
    rows = []
    for week in TABLE_WEEKS:
        row = [str(week)]
        for key, scenario in result.results.items():
            cell = Cell(percent(scenario.working_share[week]))
            if result.psa is not None:
                band = result.psa.working_bands[key]
                cell = Cell(cell.main, f"{percent(band[0][week])}–{percent(band[2][week])}")
            row.append(cell)
        rows.append(row)
    caption = _("Share working per week")
    if result.psa is not None:
        caption += " " + _("(second line: %(level)s interval)") % {"level": "95%"}
    return Figure(
        "working",
        title,
        summary,
        mark_safe(svg),
        Table(caption, headers, rows),
        [(s.label, s.color) for s in series],
        {scenario_label(result, "ist")},
    )


def parties_figure(result: AnalysisResult) -> Figure:
    colors = _colors(result)
    keys = [key for key in result.results if key != "ist"]
    categories = [str(PARTY_LABELS[party]) for party in PARTIES]
    series = [
        Series(scenario_label(result, key), result.net_benefit(key).tolist(), colors[key])
        for key in keys
    ]
    sentences = []
    for key in keys:
        net = result.net_benefit(key)
        payers = [
            str(PARTY_LABELS[p])
            for p, v in zip(PARTIES, net, strict=True)
            if v < 0 and p != "society"
        ]
        gainers = [
            str(PARTY_LABELS[p])
            for p, v in zip(PARTIES, net, strict=True)
            if v > 0 and p != "society"
        ]
        sentences.append(
            _("%(scenario)s: society gains %(society)s. Pays more: %(payers)s. Gains: %(gainers)s.")
            % {
                "scenario": scenario_label(result, key),
                "society": money(net[PARTIES.index("society")]),
                "payers": ", ".join(payers) or _("nobody"),
                "gainers": ", ".join(gainers) or _("nobody"),
            }
        )
    summary = " ".join(sentences)
    title = _("Net benefit per party compared with the current situation (5 years)")
    svg = charts.bar_chart(
        "parties",
        categories,
        series,
        title=title,
        description=summary,
        y_label=_("Net benefit"),
        y_format=money_tick,
    )
    headers = [_("Party"), *(scenario_label(result, key) for key in keys)]
    rows = []
    for index, party in enumerate(PARTIES):
        row = [str(PARTY_LABELS[party])]
        for key in keys:
            cell = Cell(money(result.net_benefit(key)[index]))
            if result.psa is not None:
                interval = result.psa.interval(key, party)
                cell = Cell(cell.main, f"{money(interval.low)} – {money(interval.high)}")
            row.append(cell)
        rows.append(row)
    caption = _("Net benefit per party; positive means the party gains")
    if result.psa is not None:
        caption += " " + _("(second line: %(level)s interval)") % {"level": "95%"}
    return Figure(
        "parties",
        title,
        summary,
        mark_safe(svg),
        Table(caption, headers, rows),
        [(s.label, s.color) for s in series],
    )


def over_time_figure(result: AnalysisResult, key: str) -> Figure:
    ist, other = result.results["ist"].output, result.results[key].output
    assert ist.costs_weekly is not None and other.costs_weekly is not None
    weekly = ist.costs_weekly - other.costs_weekly
    weekly[min(result.book.offer_for("ist").start_week, WEEKS - 1)] += ist.offer_costs[0]
    weekly[min(result.book.offer_for(key).start_week, WEEKS - 1)] -= other.offer_costs[0]
    cumulative = np.cumsum(weekly, axis=0)
    series = [
        Series(
            str(PARTY_LABELS[party]),
            cumulative[:, i].tolist(),
            PARTY_COLORS[party],
            dashed=party == "society",
        )
        for i, party in enumerate(PARTIES)
    ]
    label = scenario_label(result, key)
    breakeven = next(
        (week for week in range(WEEKS) if cumulative[week:, PARTIES.index("society")].min() > 0),
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
    title = _("Net benefit per party over time: %(scenario)s") % {"scenario": label}
    svg = charts.line_chart(
        "over-time",
        list(range(WEEKS)),
        series,
        title=title,
        description=summary,
        x_label=_("Years after diagnosis"),
        y_label=_("Cumulative net benefit"),
        x_format=year_of_week,
        y_format=money_tick,
        x_ticks=YEAR_TICKS,
    )
    yearly = result.net_benefit_yearly(key)
    table = Table(
        _("Net benefit per year and party (%(scenario)s)") % {"scenario": label},
        [_("Year"), *(str(PARTY_LABELS[p]) for p in PARTIES)],
        [[str(year + 1), *(money(v) for v in row)] for year, row in enumerate(yearly)],
    )
    return Figure(
        "over-time",
        title,
        summary,
        mark_safe(svg),
        table,
        [(s.label, s.color) for s in series],
        {str(PARTY_LABELS["society"])},
    )


def format_value(value: float) -> str:
    """A parameter value with as few decimals as it needs."""
    text = f"{value:.{4 if abs(value) < 0.01 else 2}f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return number_format(value, decimals, force_grouping=True)


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
    top = tornado.bars[0]
    summary = _(
        "Net benefit for society of %(scenario)s is %(base)s with the chosen values. It depends most "
        "on %(name)s: from %(low)s to %(high)s over its range."
    ) % {
        "scenario": label,
        "base": money(tornado.base),
        "name": parameter_label(top.name),
        "low": money(top.low_result),
        "high": money(top.high_result),
    }
    title = _("What matters most: one assumption at a time (%(scenario)s)") % {"scenario": label}
    svg = charts.tornado(
        "tornado",
        tornado.base,
        bars,
        title=title,
        description=summary,
        x_label=_("Net benefit for society"),
        x_format=money_tick,
    )
    known = sources()
    rows: list[list[str | Cell]] = [
        [
            parameter_label(bar.name),
            Cell(money(bar.low_result), format_value(bar.low_value)),
            Cell(money(bar.high_result), format_value(bar.high_value)),
            known[bar.source].publisher if bar.source in known else _("assumption"),
        ]
        for bar in tornado.bars
    ]
    table = Table(
        _(
            "Net benefit for society at the low and high end of each range (second line: the value used)"
        ),
        [_("Assumption"), _("Low end"), _("High end"), _("Source")],
        rows,
    )
    legend = [(_("Low end of the range"), "#00596b"), (_("High end of the range"), "#8a2c5f")]
    return Figure("tornado", title, summary, mark_safe(svg), table, legend)


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
