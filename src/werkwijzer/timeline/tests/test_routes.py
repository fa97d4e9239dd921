"""The route engine: properties (hypothesis) and the worked examples of the sources."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkwijzer.core.sources import sources
from werkwijzer.timeline.routes import (
    PARTIES,
    RouteInputError,
    SickPeriod,
    build_route,
    counted_periods,
    milestones,
)
from werkwijzer.vocabulary.slugs import slugs

EMPLOYEES = ("loondienst-vast", "loondienst-tijdelijk", "uitzendkracht")
SHARED_CODES = (
    "ziekmelding",
    "probleemanalyse",
    "plan-van-aanpak",
    "evaluatie",
    "ziekmelding-uwv",
    "eerstejaarsevaluatie",
    "wia-aanvraag",
    "einde-loondoorbetaling",
    "vervroegde-iva",
)
MONDAY = date(2026, 1, 5)

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
employments = st.sampled_from(slugs("employment"))
languages = st.sampled_from(("nl", "en"))


def by_code(items):
    found = {}
    for item in items:
        found.setdefault(item.code, item)
    return found


# ----------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(employments, dates, st.one_of(st.none(), dates), languages)
def test_sorted_never_before_first_sick_day_and_stable(employment, sick_since, end, language):
    if employment == "werkzoekend" and end is not None and end >= sick_since:
        end = None  # a job seeker's contract ended before the sickness (validated)
    result = milestones(employment, sick_since, contract_end=end, language=language)
    assert result == milestones(employment, sick_since, contract_end=end, language=language)
    order = {code: i for i, code in enumerate(slugs("milestones"))}
    keys = [(m.due, order[m.code]) for m in result]
    assert keys == sorted(keys)
    for milestone in result:
        assert milestone.due >= sick_since
        assert milestone.code in order
        assert milestone.who in PARTIES
        assert milestone.source in sources()
        assert milestone.what and "{" not in milestone.what
        assert milestone.week is None or milestone.week >= 1


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(EMPLOYEES), dates)
def test_employees_get_every_shared_code_with_the_week_convention(employment, sick_since):
    result = milestones(employment, sick_since)
    assert set(SHARED_CODES) == {m.code for m in result}
    first = by_code(result)
    for code, week in (
        ("ziekmelding", 1),
        ("probleemanalyse", 6),
        ("plan-van-aanpak", 8),
        ("eerstejaarsevaluatie", 52),
        ("wia-aanvraag", 93),
        ("einde-loondoorbetaling", 104),
        ("vervroegde-iva", 68),
    ):
        assert first[code].due == sick_since + timedelta(days=7 * week - 1), code
        assert first[code].week == week, code
    report = first["ziekmelding-uwv"].due
    assert report.weekday() < 5
    assert sick_since + timedelta(days=294) <= report <= sick_since + timedelta(days=296)
    assert first["vervroegde-iva"].optional and first["vervroegde-iva"].who == "werknemer"


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(("zzp", "werkzoekend", "student")), st.one_of(st.none(), dates))
def test_no_milestones_without_employer_or_benefit(employment, sick_since):
    assert milestones(employment, sick_since) == []


@given(st.sampled_from(slugs("employment")))
def test_no_milestones_without_sick_day(employment):
    assert milestones(employment, None) == []


def test_evaluations_are_every_six_weeks_after_the_plan():
    evaluations = [m for m in milestones("loondienst-vast", MONDAY) if m.code == "evaluatie"]
    assert [m.week for m in evaluations] == list(range(14, 104, 6))
    assert all((b.due - a.due).days == 42 for a, b in itertools.pairwise(evaluations))


def test_both_languages_give_the_same_dates():
    nl = milestones("loondienst-vast", MONDAY, language="nl")
    en = milestones("loondienst-vast", MONDAY, language="en")
    assert [(m.code, m.due) for m in nl] == [(m.code, m.due) for m in en]
    assert nl[0].what != en[0].what


def test_unknown_language_or_employment_is_refused():
    with pytest.raises(ValueError):
        milestones("loondienst-vast", MONDAY, language="de")
    with pytest.raises(ValueError):
        milestones("ambtenaar", MONDAY)


# ----------------------------------------------------------------- worked examples


def test_uwv_example_week_42_report_on_first_working_day_after_week_42():
    """UWV (uwv-42e-week): report "uiterlijk de eerste werkdag na de 42e ziekteweek".
    Sick since Monday 5 January 2026: week 42 ends on Sunday 25 October 2026, so the
    report is due on Monday 26 October 2026."""
    report = by_code(milestones("loondienst-vast", MONDAY))["ziekmelding-uwv"]
    assert report.due == date(2026, 10, 26)
    assert report.week == 43


def test_week_42_report_skips_the_weekend():
    # Sick since Wednesday 7 January 2026: week 42 ends Tuesday 27 October; report Wed 28.
    report = by_code(milestones("loondienst-vast", date(2026, 1, 7)))["ziekmelding-uwv"]
    assert report.due == date(2026, 10, 28)
    # Sick since Saturday 3 January 2026: day 295 is Saturday 24 October -> Monday 26.
    report = by_code(milestones("loondienst-vast", date(2026, 1, 3)))["ziekmelding-uwv"]
    assert report.due == date(2026, 10, 26)


def test_rijksoverheid_example_two_years_of_sick_pay():
    """Rijksoverheid (rijksoverheid-loondoorbetaling): sick pay for at most 104 weeks;
    UWV (uwv-wia-aanvragen): WIA application at the latest 11 weeks before, in week 93."""
    first = by_code(milestones("loondienst-vast", MONDAY))
    assert first["einde-loondoorbetaling"].due == date(2028, 1, 2)
    assert first["wia-aanvraag"].due == date(2027, 10, 17)
    assert "week 93" in first["wia-aanvraag"].what
    assert "88 weken" in first["wia-aanvraag"].what  # UWV's letter (uwv-wia-bijna-2-jaar)


def test_uwv_example_early_iva_window():
    """UWV (uwv-wia-bijna-2-jaar, uwv-vervroegd-wia): early IVA after at least 3 weeks of
    sickness (so from day 22, not day 15) up to and including week 68."""
    iva = by_code(milestones("loondienst-vast", MONDAY))["vervroegde-iva"]
    assert iva.due == date(2027, 4, 25)
    assert "26 januari 2026" in iva.what  # day 22: the first day after 3 weeks
    assert "10 weken" in iva.what


def test_uwv_example_sick_during_ww_keeps_ww_for_13_weeks():
    """UWV (uwv-ziek-in-ww): report sick at the latest on the second day; WW continues
    for the first 13 weeks, then Ziektewet."""
    first = by_code(milestones("uitkering-ww", MONDAY))
    assert first["ziekmelding"].due == date(2026, 1, 6)
    assert first["ziektewet-uitkering"].due == date(2026, 4, 6)
    assert first["ziektewet-uitkering"].week == 14
    assert "plan-van-aanpak" not in first


def test_uwv_example_contract_ends_during_sickness():
    """UWV (uwv-42e-week): when the contract ends during sickness the employer reports
    the employee sick on the last working day; UWV then pays Ziektewet."""
    result = milestones("loondienst-tijdelijk", MONDAY, contract_end=date(2026, 5, 31))
    first = by_code(result)
    assert first["einde-contract"].due == date(2026, 5, 29)  # Sunday 31 May -> Friday
    assert first["ziektewet-uitkering"].due == date(2026, 6, 1)
    assert "ziekmelding-uwv" not in first and "einde-loondoorbetaling" not in first
    assert first["eerstejaars-ziektewet-beoordeling"].who == "uwv"
    employer_steps = [m for m in result if m.who == "werkgever"]
    assert all(m.due <= date(2026, 5, 31) for m in employer_steps)


def test_contract_ending_after_the_waiting_time_changes_nothing():
    plain = milestones("loondienst-tijdelijk", MONDAY)
    late = milestones("loondienst-tijdelijk", MONDAY, contract_end=date(2030, 1, 1))
    assert plain == late


def test_sick_shortly_after_the_contract_gets_ziektewet_later_does_not():
    within = milestones("loondienst-tijdelijk", MONDAY, contract_end=date(2025, 12, 20))
    assert by_code(within)["ziektewet-uitkering"].due == MONDAY
    assert milestones("loondienst-tijdelijk", MONDAY, contract_end=date(2025, 11, 1)) == []


def test_today_drops_the_closed_early_iva_option_only():
    late = milestones("loondienst-vast", MONDAY, today=date(2027, 6, 1))
    assert "vervroegde-iva" not in {m.code for m in late}
    assert len(late) == len(milestones("loondienst-vast", MONDAY)) - 1


# ----------------------------------------------------------------- history and options


def test_periods_less_than_four_weeks_apart_count_together():
    """Samentelling (Rijksoverheid, UWV): sick days of periods with less than 4 weeks of
    recovery between them are added up; the days in between do not count."""
    earlier = SickPeriod(date(2026, 1, 5), date(2026, 2, 8))  # 35 sick days
    current = date(2026, 3, 2)  # 21 days recovered in between
    route = build_route("loondienst-vast", current, history=(earlier,))
    assert route.first_sick_day == date(2026, 1, 5)
    assert route.counted_days_before == 35
    analysis = by_code(route.milestones)["probleemanalyse"]
    # day 42 = 7 days into the current period
    assert analysis.due == current + timedelta(days=6)
    assert analysis.week == 6
    plain = by_code(milestones("loondienst-vast", date(2026, 1, 5)))
    shift = (
        by_code(route.milestones)["einde-loondoorbetaling"].due
        - plain["einde-loondoorbetaling"].due
    )
    assert shift == timedelta(days=21)


def test_four_weeks_of_recovery_start_a_new_count():
    earlier = SickPeriod(date(2026, 1, 5), date(2026, 2, 8))
    assert counted_periods((earlier,), date(2026, 2, 8) + timedelta(days=29)) == ()
    assert counted_periods((earlier,), date(2026, 2, 8) + timedelta(days=28)) == (earlier,)


def test_chain_stops_at_the_first_long_recovery():
    old = SickPeriod(date(2025, 1, 1), date(2025, 1, 31))
    middle = SickPeriod(date(2025, 6, 1), date(2025, 6, 30))
    chain = counted_periods((old, middle), date(2025, 7, 10))
    assert chain == (middle,)


def test_agreed_extension_moves_wia_and_end():
    route = build_route("loondienst-vast", MONDAY, extension_weeks=26)
    first = by_code(route.milestones)
    assert first["einde-loondoorbetaling"].due == MONDAY + timedelta(days=7 * 130 - 1)
    assert first["wia-aanvraag"].due == MONDAY + timedelta(days=7 * 119 - 1)
    assert any("26" in text for text in route.notes)


def test_extension_is_refused_on_ziektewet():
    with pytest.raises(RouteInputError) as error:
        build_route("uitkering-ww", MONDAY, extension_weeks=4)
    assert error.value.problems[0].field == "extension_weeks"


def test_zzp_route_uses_the_aov_waiting_period_and_no_poortwachter():
    route = build_route("zzp", MONDAY, aov_waiting_days=90)
    assert route.kind == "zzp"
    assert [m.code for m in route.milestones] == ["aov-melding", "aov-uitkering"]
    assert route.milestones[1].due == MONDAY + timedelta(days=90)
    assert route.milestones[1].who == "verzekeraar"
    without = build_route("zzp", MONDAY)
    assert without.milestones == [] and len(without.notes) == 2


def test_steps_carry_tasks_and_consequences():
    route = build_route("loondienst-vast", MONDAY, language="en")
    for step in route.steps:
        assert step.tasks and step.if_missed and step.rule
        assert all(task.who in PARTIES for task in step.tasks)
    plan = next(s for s in route.steps if s.milestone.code == "plan-van-aanpak")
    assert "wage sanction" in plan.if_missed


# ----------------------------------------------------------------- impossible histories


def fields(error: pytest.ExceptionInfo) -> list[str]:
    return [problem.field for problem in error.value.problems]


def test_recovery_before_sickness_is_named():
    with pytest.raises(RouteInputError) as error:
        build_route(
            "loondienst-vast",
            MONDAY,
            history=(SickPeriod(date(2025, 6, 10), date(2025, 6, 1)),),
            today=date(2026, 11, 1),
        )
    assert fields(error) == ["history.1"]
    assert "vóór" in error.value.problems[0].message


def test_overlapping_periods_are_named():
    with pytest.raises(RouteInputError) as error:
        build_route(
            "loondienst-vast",
            MONDAY,
            history=(
                SickPeriod(date(2025, 6, 1), date(2025, 6, 20)),
                SickPeriod(date(2025, 6, 15), date(2025, 6, 30)),
            ),
            language="en",
        )
    assert fields(error) == ["history.2"]
    assert "overlap" in error.value.problems[0].message


def test_future_dates_are_named():
    with pytest.raises(RouteInputError) as error:
        build_route(
            "loondienst-vast",
            date(2026, 12, 1),
            history=(SickPeriod(date(2026, 11, 1), date(2026, 11, 25)),),
            today=date(2026, 11, 23),
        )
    assert set(fields(error)) == {"sick_since", "history.1"}


def test_earlier_period_must_end_before_the_current_sickness():
    with pytest.raises(RouteInputError) as error:
        build_route("loondienst-vast", MONDAY, history=(SickPeriod(date(2025, 12, 20), MONDAY),))
    assert fields(error) == ["history.1"]


# ----------------------------------------------------------------- every option (hypothesis)

ROUTE_EMPLOYMENTS = (*EMPLOYEES, "uitkering-ww", "ziektewet")


@st.composite
def histories(draw, sick_since: date) -> tuple[SickPeriod, ...]:
    """Up to three closed spells before ``sick_since``, some counting (gap < 28 days)."""
    spells, next_start = [], sick_since
    for _ in range(draw(st.integers(0, 3))):
        end = next_start - timedelta(days=draw(st.integers(1, 50)) + 1)
        start = end - timedelta(days=draw(st.integers(1, 200)) - 1)
        if start < date(1990, 1, 1):
            break
        spells.append(SickPeriod(start, end))
        next_start = start
    return tuple(reversed(spells))


@st.composite
def route_inputs(draw):
    employment = draw(st.sampled_from(slugs("employment")))
    sick_since = draw(st.dates(date(1995, 1, 1), date(2035, 12, 31)))
    options = {"history": draw(histories(sick_since)), "role": draw(st.sampled_from(slugs("role")))}
    options["contract_end"] = draw(st.none() | dates)
    if (
        employment == "werkzoekend"
        and options["contract_end"]
        and options["contract_end"] >= sick_since
    ):
        options["contract_end"] = sick_since - timedelta(days=draw(st.integers(1, 40)))
    if employment == "uitzendkracht":
        options["agency_clause"] = draw(st.sampled_from([None, True, False]))
    if employment == "uitkering-ww":
        options["benefit_end"] = draw(st.none() | dates)
    pays = employment in EMPLOYEES and options.get("agency_clause") is not True
    if pays and options["contract_end"] is None and draw(st.booleans()):
        options["extension_kind"] = draw(st.sampled_from(["vrijwillig", "loonsanctie"]))
        low, high = (13, 104) if options["extension_kind"] == "vrijwillig" else (1, 52)
        options["extension_weeks"] = draw(st.integers(low, high))
    options["wia_applied"] = draw(st.sampled_from([None, True, False]))
    today = sick_since + timedelta(days=draw(st.integers(0, 1200)))
    return employment, sick_since, options, today


@settings(max_examples=400, deadline=None)
@given(route_inputs(), languages)
def test_every_route_is_ordered_and_starts_at_the_first_sick_day(given_input, language):
    employment, sick_since, options, today = given_input
    route = build_route(employment, sick_since, language=language, today=today, **options)
    order = {code: i for i, code in enumerate(slugs("milestones"))}
    keys = [(m.due, order[m.code]) for m in route.milestones]
    assert keys == sorted(keys)
    first = route.first_sick_day or sick_since
    for step in route.steps:
        milestone = step.milestone
        assert milestone.due >= first, milestone.code
        assert milestone.who in PARTIES and milestone.source in sources()
        for text in (milestone.what, step.title, step.if_missed, *(t.what for t in step.tasks)):
            assert text and "{" not in text and "}" not in text
    for text in (*route.notes, *(alert.text for alert in route.alerts)):
        assert text and "{" not in text


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ROUTE_EMPLOYMENTS), st.dates(date(1995, 1, 1), date(2035, 12, 31)),
       st.data())  # fmt: skip
def test_samentelling_never_moves_a_date_earlier_than_unbroken_sickness(
    employment, sick_since, data
):
    """Counting earlier spells together only leaves out the days in between: compared
    with one unbroken sickness from the first spell's first day, no date comes earlier."""
    history = data.draw(histories(sick_since))
    with_spells = build_route(employment, sick_since, history=history)
    unbroken = build_route(employment, with_spells.first_sick_day)
    assert with_spells.kind == unbroken.kind

    def occurrences(route):
        seen: dict[str, int] = {}
        result = {}
        for m in route.milestones:
            seen[m.code] = seen.get(m.code, 0) + 1
            result[m.code, seen[m.code]] = m.due
        return result

    later, base = occurrences(with_spells), occurrences(unbroken)
    assert later.keys() == base.keys()
    for key, due_date in later.items():
        assert due_date >= base[key], key


def test_extension_texts_follow_the_shifted_weeks():
    """The WIA and end texts come from the shifted numbers, not a typed 93 or 104."""
    route = build_route("loondienst-vast", MONDAY, extension_weeks=20)
    first = by_code(route.milestones)
    assert "week 113" in first["wia-aanvraag"].what and "week 93" not in first["wia-aanvraag"].what
    assert "week 124" in first["einde-loondoorbetaling"].what
    assert "104" not in first["einde-loondoorbetaling"].what
    sanction = by_code(
        build_route(
            "loondienst-vast", MONDAY, extension_weeks=10, extension_kind="loonsanctie"
        ).milestones
    )
    assert "week 93" in sanction["wia-aanvraag"].what  # the application stays
    assert "week 114" in sanction["einde-loondoorbetaling"].what


def test_an_employer_reads_about_itself():
    route = build_route("loondienst-vast", MONDAY, role="werkgever")
    for step in route.steps:
        for text in (step.milestone.what, step.if_missed):
            assert "je werkgever" not in text.lower(), text
            assert "jij en je" not in text.lower(), text
    for text in route.notes:
        assert "je werkgever" not in text.lower()
    plan = by_code(route.milestones)["plan-van-aanpak"]
    assert plan.what.startswith("Je maakt samen met je werknemer")


def test_a_professional_reads_the_third_person():
    route = build_route("loondienst-vast", MONDAY, role="professional", language="en")
    assert all(" your " not in f" {m.what.lower()} " for m in route.milestones)


def test_late_wia_gets_a_step_for_today_and_a_warning():
    today = date(2028, 3, 1)  # after week 104
    route = build_route("loondienst-vast", MONDAY, today=today)
    late = by_code(route.milestones)["wia-alsnog-aanvragen"]
    assert late.due == today and late.who == "werknemer"
    assert [alert.key for alert in route.alerts] == ["wia-after-end"]
    between = build_route("ziektewet", MONDAY, today=date(2027, 11, 1))  # after week 93
    assert [alert.key for alert in between.alerts] == ["wia-late"]
    applied = build_route("loondienst-vast", MONDAY, today=today, wia_applied=True)
    assert "wia-alsnog-aanvragen" not in by_code(applied.milestones) and not applied.alerts
    sanction = build_route(
        "loondienst-vast", MONDAY, today=today, extension_weeks=20, extension_kind="loonsanctie"
    )
    assert not sanction.alerts  # UWV already has the application


def test_every_number_in_a_text_comes_from_the_route_data():
    """No legal number is typed in a text of routes.yaml: digits appear only through
    placeholders filled from `numbers` (problems may name input limits)."""
    import re

    import yaml

    from werkwijzer.timeline.routes import ROUTES_FILE, numbers

    data = yaml.safe_load(ROUTES_FILE.read_text(encoding="utf-8"))

    def texts(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in ("source", "who"):
                    yield from texts(value)

    for section in ("titles", "routes", "notes", "alerts"):
        for text in texts(data[section]):
            assert not re.search(r"\d", re.sub(r"\{[a-z_]+\}", "", text)), text
    assert numbers()["wia_lead_weeks"] == 11 and numbers()["waiting_weeks"] == 104
