"""Every work situation, table-driven: each milestone's date and party, against the rules
as docs/timeline.md writes them ("Which route" and "Rules").

The expected dates are worked out here from the documented rules (week n is due on
counted sick day 7n; days between spells do not count), not by the engine's own clock.
The wegwijzer plan is checked against this same table for every phase in
navigator/tests/test_plan_matches_timeline.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from werkwijzer.timeline.routes import RouteInputError, build_route
from werkwijzer.vocabulary.slugs import slugs

MONDAY = date(2026, 1, 5)  # first day of the current sickness in every row
# An earlier spell of 35 sick days with 21 days well before MONDAY: it counts (< 4 weeks).
SPELL = {"from": "2025-11-10", "to": "2025-12-14"}
SPELL_START, SPELL_DAYS = date(2025, 11, 10), 35
# A spell with 28 days well before MONDAY: it does not count (4 weeks or more).
OLD_SPELL = {"from": "2025-11-01", "to": "2025-12-07"}


def due(week: int, *, spells: bool = False) -> date:
    """Counted sick day 7*week as a date: the end of that sick-leave week."""
    return day(7 * week, spells=spells)


def day(n: int, *, spells: bool = False) -> date:
    if spells and n <= SPELL_DAYS:
        return SPELL_START + timedelta(days=n - 1)
    return MONDAY + timedelta(days=n - 1 - (SPELL_DAYS if spells else 0))


def after_week_42(spells: bool = False) -> date:
    """The first working day after week 42 (MONDAY and SPELL_START are Mondays, so day
    295 is a Monday either way)."""
    found = due(42, spells=spells) + timedelta(days=1)
    assert found.weekday() == 0
    return found


def poortwachter(spells=False, end_week=104, wia_week=93, until=None):
    """pw-1 .. pw-8 and iva-1; ``until``: a contract end, employer steps after it drop."""
    items = [
        ("ziekmelding", due(1, spells=spells), "werkgever"),
        ("probleemanalyse", due(6, spells=spells), "bedrijfsarts"),
        ("plan-van-aanpak", due(8, spells=spells), "werkgever"),
        *[("evaluatie", due(w, spells=spells), "werkgever") for w in range(14, end_week, 6)],
        ("ziekmelding-uwv", after_week_42(spells), "werkgever"),
        ("eerstejaarsevaluatie", due(52, spells=spells), "werkgever"),
        ("wia-aanvraag", due(wia_week, spells=spells), "werknemer"),
        ("einde-loondoorbetaling", due(end_week, spells=spells), "werkgever"),
        ("vervroegde-iva", due(68, spells=spells), "werknemer"),
    ]
    if until is not None:
        items = [item for item in items if item[1] <= until and item[0] != "vervroegde-iva"]
    return items


def uwv(spells=False, plan=True, ezwb=True):
    """zw-7, zw-3, zw-4, zw-5 and iva-1: UWV's part of the Ziektewet route."""
    items = [
        ("wia-aanvraag", due(93, spells=spells), "werknemer"),
        ("einde-ziektewet", due(104, spells=spells), "uwv"),
        ("vervroegde-iva", due(68, spells=spells), "werknemer"),
    ]
    if plan:
        items.append(("uwv-plan-van-aanpak", due(8, spells=spells), "uwv"))
    if ezwb:
        items.append(("eerstejaars-ziektewet-beoordeling", due(52, spells=spells), "uwv"))
    return items


def report_to_uwv(starts: date):
    """zw-1 (day 2 of the current sickness) and zw-2 (the benefit starts)."""
    return [
        ("ziekmelding", MONDAY + timedelta(days=1), "werknemer"),
        ("ziektewet-uitkering", starts, "uwv"),
    ]


CONTRACT_END = date(2026, 5, 31)  # a Sunday in week 21
CONTRACT_END_REPORT = date(2026, 5, 29)  # the last working day before it


def contract_ends(spells=False):
    """zw-6: employer steps until the end date, then the Ziektewet from the next day."""
    return [
        *poortwachter(spells, until=CONTRACT_END),
        ("einde-contract", CONTRACT_END_REPORT, "werkgever"),
        ("ziektewet-uitkering", date(2026, 6, 1), "uwv"),
        *uwv(spells, plan=False),
    ]


def agency_clause(spells=False):
    """uz-1: the contract and the pay end on the first day of the sickness."""
    return [
        ("einde-contract", MONDAY, "werkgever"),
        ("ziektewet-uitkering", MONDAY, "uwv"),
        *uwv(spells),
    ]


def nawerking(spells=False):
    """zw-8: sick within 4 weeks after a contract or the WW ended."""
    return [*report_to_uwv(MONDAY), *uwv(spells)]


def ww(spells=False, switch=None):
    """zw-1, zw-2-ww: the WW for 13 weeks (counted day 92) or until it ends."""
    return [*report_to_uwv(switch or day(92, spells=spells)), *uwv(spells)]


BIJSTAND = [
    ("ziekmelding-gemeente", MONDAY, "werknemer"),
    ("ontheffing-arbeidsplicht", MONDAY, "gemeente"),
]
EMPLOYEES = ("loondienst-vast", "loondienst-tijdelijk")

# (id, employment, extra input, route kind, expected (code, due, party) items)
ROWS: list[tuple[str, str, dict, str, list]] = []
for employment in EMPLOYEES:
    ROWS += [
        (f"{employment}", employment, {}, "poortwachter", poortwachter()),
        (f"{employment}-spell", employment, {"spells": [SPELL]}, "poortwachter",
         poortwachter(True)),
        (f"{employment}-old-spell", employment, {"spells": [OLD_SPELL]}, "poortwachter",
         poortwachter()),
        (f"{employment}-contract-end", employment, {"contract_end": CONTRACT_END},
         "ziektewet", contract_ends()),
        (f"{employment}-contract-end-spell", employment,
         {"contract_end": CONTRACT_END, "spells": [SPELL]}, "ziektewet", contract_ends(True)),
        (f"{employment}-contract-after-104", employment, {"contract_end": date(2030, 1, 1)},
         "poortwachter", poortwachter()),
        (f"{employment}-sick-after-contract", employment, {"contract_end": date(2025, 12, 20)},
         "ziektewet", nawerking()),
        (f"{employment}-sick-long-after-contract", employment,
         {"contract_end": date(2025, 11, 1)}, "geen", []),
        (f"{employment}-extension", employment, {"extension_weeks": 26}, "poortwachter",
         poortwachter(end_week=130, wia_week=119)),
        (f"{employment}-extension-spell", employment,
         {"extension_weeks": 26, "spells": [SPELL]}, "poortwachter",
         poortwachter(True, end_week=130, wia_week=119)),
        (f"{employment}-sanction", employment,
         {"extension_weeks": 10, "extension_kind": "loonsanctie"}, "poortwachter",
         poortwachter(end_week=114, wia_week=93)),
    ]  # fmt: skip
ROWS += [
    ("agency-clause", "uitzendkracht", {"agency_clause": True}, "ziektewet", agency_clause()),
    ("agency-clause-spell", "uitzendkracht", {"agency_clause": True, "spells": [SPELL]},
     "ziektewet", agency_clause(True)),
    ("agency-no-clause", "uitzendkracht", {"agency_clause": False}, "poortwachter",
     poortwachter()),
    ("agency-unknown", "uitzendkracht", {}, "poortwachter", poortwachter()),
    ("agency-no-clause-contract-end", "uitzendkracht",
     {"agency_clause": False, "contract_end": CONTRACT_END}, "ziektewet", contract_ends()),
    ("agency-no-clause-extension", "uitzendkracht",
     {"agency_clause": False, "extension_weeks": 13}, "poortwachter",
     poortwachter(end_week=117, wia_week=106)),
    ("ziektewet", "ziektewet", {}, "ziektewet", uwv()),
    ("ziektewet-spell", "ziektewet", {"spells": [SPELL]}, "ziektewet", uwv(True)),
    ("ww", "uitkering-ww", {}, "ziektewet", ww()),
    ("ww-spell", "uitkering-ww", {"spells": [SPELL]}, "ziektewet", ww(True)),
    ("ww-ends-early", "uitkering-ww", {"benefit_end": date(2026, 2, 28)}, "ziektewet",
     ww(switch=date(2026, 3, 1))),
    ("ww-ends-late", "uitkering-ww", {"benefit_end": date(2026, 12, 31)}, "ziektewet", ww()),
    ("sick-after-ww", "uitkering-ww", {"benefit_end": date(2025, 12, 20)}, "ziektewet",
     nawerking()),
    ("sick-long-after-ww", "uitkering-ww", {"benefit_end": date(2025, 11, 1)}, "geen", []),
    ("bijstand", "uitkering-bijstand", {}, "bijstand", BIJSTAND),
    ("bijstand-spell", "uitkering-bijstand", {"spells": [SPELL]}, "bijstand", BIJSTAND),
    ("jobseeker", "werkzoekend", {}, "geen", []),
    ("jobseeker-recent-contract", "werkzoekend", {"contract_end": date(2025, 12, 20)},
     "ziektewet", nawerking()),
    ("jobseeker-recent-contract-spell", "werkzoekend",
     {"contract_end": date(2025, 12, 20), "spells": [SPELL]}, "ziektewet", nawerking(True)),
    ("jobseeker-old-contract", "werkzoekend", {"contract_end": date(2025, 11, 1)}, "geen", []),
    ("student", "student", {}, "geen", []),
]  # fmt: skip


def route_options(extra: dict) -> dict:
    """The row's input as RouteInput fields (spells as SickPeriods)."""
    from werkwijzer.timeline.routes import SickPeriod

    options = {key: value for key, value in extra.items() if key != "spells"}
    options["history"] = tuple(
        SickPeriod(date.fromisoformat(s["from"]), date.fromisoformat(s["to"]))
        for s in extra.get("spells", ())
    )
    return options


def found(route) -> list[tuple[str, date, str]]:
    return sorted((m.code, m.due, m.who) for m in route.milestones)


def test_every_employment_slug_has_rows():
    covered = {row[1] for row in ROWS} | {"zzp"}  # zzp: its own AOV route, see below
    assert covered == set(slugs("employment"))


@pytest.mark.parametrize("role", ["werkende", "werkgever", "professional", "naaste"])
@pytest.mark.parametrize(("name", "employment", "extra", "kind", "expected"), ROWS,
                         ids=[row[0] for row in ROWS])  # fmt: skip
def test_every_milestone_date_and_party(name, employment, extra, kind, expected, role):
    route = build_route(employment, MONDAY, role=role, **route_options(extra))
    assert route.kind == kind
    assert found(route) == sorted(expected)


def test_zzp_route_is_the_policy_not_poortwachter():
    route = build_route("zzp", MONDAY, aov_waiting_days=90)
    assert found(route) == sorted(
        [
            ("aov-melding", MONDAY, "werknemer"),
            ("aov-uitkering", MONDAY + timedelta(days=90), "verzekeraar"),
        ]
    )


def test_samentelling_starts_the_count_at_the_first_spell():
    route = build_route("loondienst-vast", MONDAY, **route_options({"spells": [SPELL]}))
    assert route.first_sick_day == SPELL_START
    assert route.counted_days_before == SPELL_DAYS
    assert route.end_of_waiting == due(104, spells=True)


def test_fixed_term_contract_shows_pay_stops_then_ziektewet():
    route = build_route("loondienst-tijdelijk", MONDAY, contract_end=CONTRACT_END)
    end = next(step for step in route.steps if step.milestone.code == "einde-contract")
    assert "loon" in end.milestone.what and "Ziektewet" in end.milestone.what
    assert "einde-loondoorbetaling" not in {m.code for m in route.milestones}


def test_an_agency_clause_gives_no_employer_poortwachter_duty():
    route = build_route("uitzendkracht", MONDAY, agency_clause=True, role="werkgever")
    employer = [m.code for m in route.milestones if m.who == "werkgever"]
    assert employer == ["einde-contract"]  # only the sick report to UWV
    assert "poortwachter" not in {step.rule.split("-")[0] for step in route.steps}


@pytest.mark.parametrize(
    ("employment", "extra", "field"),
    [
        ("loondienst-vast", {"agency_clause": True}, "agency_clause"),
        ("zzp", {"agency_clause": True}, "agency_clause"),
        ("loondienst-vast", {"benefit_end": date(2026, 3, 1)}, "benefit_end"),
        ("ziektewet", {"extension_weeks": 13}, "extension_weeks"),
        ("uitzendkracht", {"agency_clause": True, "extension_weeks": 13}, "extension_weeks"),
        ("loondienst-vast", {"extension_weeks": 12}, "extension_weeks"),  # at least 13
        ("loondienst-vast", {"extension_weeks": 53, "extension_kind": "loonsanctie"},
         "extension_weeks"),
        ("loondienst-vast", {"extension_kind": "graag"}, "extension_kind"),
        ("loondienst-tijdelijk", {"extension_weeks": 13, "contract_end": CONTRACT_END},
         "contract_end"),
        ("werkzoekend", {"contract_end": date(2026, 2, 1)}, "contract_end"),
    ],
)  # fmt: skip
def test_impossible_options_name_their_field(employment, extra, field):
    with pytest.raises(RouteInputError) as error:
        build_route(employment, MONDAY, **extra)
    assert field in [problem.field for problem in error.value.problems]
    assert all(problem.message for problem in error.value.problems)


def test_every_rule_of_the_table_is_written_down_in_docs_timeline():
    """docs/timeline.md is where an expert checks the rules: every rule id a step carries
    is in its rules table, with a source key that exists."""
    from pathlib import Path

    from werkwijzer.core.sources import sources

    doc = Path(__file__).resolve().parents[4] / "docs" / "timeline.md"
    text = doc.read_text(encoding="utf-8")
    rules = set()
    for _name, employment, extra, _kind, _expected in ROWS:
        route = build_route(employment, MONDAY, today=date(2029, 1, 1), **route_options(extra))
        rules |= {step.rule for step in route.steps}
    rules |= {s.rule for s in build_route("zzp", MONDAY, aov_waiting_days=30).steps}
    for rule in sorted(rules):
        assert f"| {rule} |" in text, rule
    rules_section = text.split("\n## Rules\n")[1].split("\n## ")[0]
    for line in rules_section.splitlines():
        if line.startswith("| ") and line.count("|") == 4 and "-" in line.split("|")[1]:
            for key in line.split("|")[3].split(","):
                key = key.strip()
                if key and key != "source key":
                    assert key in sources(), key
