"""Table-driven checks of the wegwijzer rules: one row per realistic situation.

Each row names helpers that must be in the plan, helpers that must not be, the first
helper where it matters, topics and warnings (by rule id), and whether milestones come.
"""

import datetime as dt

import pytest

from werkwijzer.navigator.engine import plan, route_milestones
from werkwijzer.navigator.situation import parse_situation

TODAY = dt.date(2026, 11, 23)
BASE = {"role": "werkende", "phase": "behandeling", "working": "niet", "age": 48}

# (id, situation, must include, must exclude, first helper, topics, warning rules, milestones?)
CASES = [
    (
        "employee-sick",
        {"employment": "loondienst-vast", "sick_since": "2026-09-01"},
        {"bedrijfsarts", "baco", "werkgever", "medisch-specialist"},
        {"arbeidsongeschiktheidsverzekeraar"},
        "bedrijfsarts",
        {"poortwachter", "plan-van-aanpak"},
        set(),
        True,
    ),
    (
        "employee-working-full",
        {"employment": "loondienst-vast", "working": "volledig"},
        {"bedrijfsarts", "werkgever", "baco"},
        set(),
        None,
        {"werken-tijdens-behandeling"},
        set(),
        False,
    ),
    (
        "employee-no-bedrijfsarts",
        {"employment": "loondienst-vast", "has_bedrijfsarts": False},
        {"werkgever"},
        set(),
        None,
        set(),
        {"EMP-04-geen-bedrijfsarts"},
        False,
    ),
    (
        "fixed-term-contract-ends",
        {
            "employment": "loondienst-tijdelijk",
            "sick_since": "2026-10-01",
            "contract_end": "2027-02-28",
        },
        {"uwv", "verzekeringsarts", "bedrijfsarts"},
        set(),
        None,
        {"ziektewet"},
        {"EMP-05-contract-loopt-af"},
        True,
    ),
    (
        "fixed-term-no-end-date",
        {"employment": "loondienst-tijdelijk", "sick_since": "2026-10-01"},
        {"uwv", "bedrijfsarts"},
        set(),
        None,
        {"ziektewet"},
        set(),
        True,
    ),
    (
        "agency-worker",
        {"employment": "uitzendkracht", "sick_since": "2026-08-01"},
        {"uwv", "bedrijfsarts"},
        {"arbeidsongeschiktheidsverzekeraar"},
        None,
        {"ziektewet"},
        set(),
        True,
    ),
    (
        "employee-over-a-year",
        {"employment": "loondienst-vast", "sick_since": "2025-09-01"},
        {"arbeidsdeskundige"},
        set(),
        None,
        {"wia"},
        set(),
        True,
    ),
    (
        "employee-early-iva-open",
        {
            "employment": "loondienst-vast",
            "sick_since": "2026-06-01",
            "concerns": ["iva"],
            "phase": "uitgezaaid",
        },
        {"bedrijfsarts", "uwv", "baco"},
        set(),
        None,
        {"iva", "wia", "uitgezaaide-kanker-en-werk"},
        set(),
        True,
    ),
    (
        "employee-early-iva-closed",
        {"employment": "loondienst-vast", "sick_since": "2025-06-01", "concerns": ["iva"]},
        {"uwv"},
        set(),
        None,
        {"iva"},
        {"EMP-10-iva-te-laat"},
        True,
    ),
    (
        "zzp-with-aov",
        {"employment": "zzp", "has_aov": True},
        {"arbeidsongeschiktheidsverzekeraar", "baco"},
        {"bedrijfsarts", "werkgever", "bedrijfsmaatschappelijk-werker"},
        None,
        {"aov", "zzp-en-kanker"},
        set(),
        False,
    ),
    (
        "zzp-without-aov",
        {"employment": "zzp", "has_aov": False, "sick_since": "2026-09-01"},
        {"maatschappelijk-werker", "baco"},
        {"bedrijfsarts", "arbeidsongeschiktheidsverzekeraar"},
        None,
        {"zzp-en-kanker"},
        {"ZZP-02-geen-aov"},
        False,
    ),
    (
        "zzp-aov-unknown",
        {"employment": "zzp", "concerns": ["eigen-bedrijf"]},
        {"baco", "maatschappelijk-werker"},
        {"bedrijfsarts", "uwv"},
        None,
        {"aov"},
        set(),
        False,
    ),
    (
        "ww-benefit",
        {"employment": "uitkering-ww", "sick_since": "2026-10-01"},
        {"uwv", "verzekeringsarts", "re-integratiecoach"},
        {"bedrijfsarts", "werkgever"},
        None,
        {"ziektewet"},
        set(),
        True,
    ),
    (
        "ziektewet-benefit",
        {"employment": "ziektewet"},
        {"uwv", "verzekeringsarts", "arbeidsdeskundige"},
        {"bedrijfsarts", "werkgever"},
        None,
        {"ziektewet", "wia"},
        set(),
        False,
    ),
    (
        "bijstand",
        {"employment": "uitkering-bijstand", "concerns": ["nieuw-werk-zoeken"]},
        {"re-integratiecoach", "maatschappelijk-werker", "jobcoach"},
        {"bedrijfsarts", "uwv", "werkgever"},
        None,
        {"solliciteren-na-kanker"},
        set(),
        False,
    ),
    (
        "werkzoekend",
        {"employment": "werkzoekend", "phase": "na-behandeling", "concerns": ["solliciteren"]},
        {"re-integratiecoach", "baco", "huisarts"},
        {"bedrijfsarts", "werkgever"},
        "re-integratiecoach",
        {"solliciteren-na-kanker"},
        set(),
        False,
    ),
    (
        "student-aya",
        {"employment": "student", "age": 21},
        {"aya-verpleegkundige", "kag", "verpleegkundige"},
        {"bedrijfsarts", "jobcoach", "uwv"},
        None,
        {"aya-en-werk"},
        set(),
        False,
    ),
    (
        "aya-employee",
        {"employment": "loondienst-vast", "age": 29, "sick_since": "2026-10-15"},
        {"aya-verpleegkundige", "kag"},
        set(),
        None,
        {"aya-en-werk"},
        set(),
        True,
    ),
    (
        "older-employee-no-aya",
        {"employment": "loondienst-vast", "age": 61},
        set(),
        {"aya-verpleegkundige"},
        None,
        set(),
        set(),
        False,
    ),
    (
        "age-16-no-aya",
        {"employment": "student", "age": 16},
        {"baco"},
        {"aya-verpleegkundige"},
        None,
        set(),
        set(),
        False,
    ),
    (
        "fatigue",
        {"employment": "loondienst-vast", "concerns": ["vermoeidheid"]},
        {"ergotherapeut", "fysiotherapeut-oncologie", "bedrijfsmaatschappelijk-werker"},
        set(),
        None,
        {"vermoeidheid-en-werk"},
        set(),
        False,
    ),
    (
        "concentration",
        {"employment": "zzp", "concerns": ["concentratie-geheugen"], "has_aov": True},
        {"ergotherapeut"},
        {"bedrijfsmaatschappelijk-werker"},
        None,
        {"concentratie-en-werk"},
        set(),
        False,
    ),
    (
        "distress",
        {"employment": "loondienst-vast", "concerns": ["psychische-klachten"]},
        {"huisarts", "poh-ggz", "psycholoog"},
        set(),
        None,
        {"psychische-klachten-en-werk"},
        set(),
        False,
    ),
    (
        "physical",
        {"employment": "loondienst-vast", "concerns": ["lichamelijke-klachten"]},
        {"fysiotherapeut-oncologie"},
        set(),
        None,
        {"late-gevolgen"},
        set(),
        False,
    ),
    (
        "conflict",
        {
            "employment": "loondienst-vast",
            "concerns": ["conflict-werkgever"],
            "sick_since": "2026-05-01",
        },
        {"baco", "uwv", "bedrijfsmaatschappelijk-werker"},
        set(),
        None,
        {"rechten-en-plichten"},
        set(),
        True,
    ),
    (
        "stalled",
        {
            "employment": "loondienst-vast",
            "phase": "na-behandeling",
            "working": "gedeeltelijk",
            "concerns": ["reintegratie-stagneert"],
        },
        {"baco", "arbeidsdeskundige", "re-integratiecoach"},
        set(),
        None,
        {"plan-van-aanpak"},
        set(),
        False,
    ),
    (
        "workplace",
        {
            "employment": "loondienst-vast",
            "working": "gedeeltelijk",
            "concerns": ["werkplek-aanpassing"],
        },
        {"ergotherapeut", "bedrijfsarts", "werkgever"},
        set(),
        "bedrijfsarts",
        {"werkaanpassing"},
        set(),
        False,
    ),
    (
        "money-employee",
        {"employment": "loondienst-vast", "concerns": ["financien"]},
        {"maatschappelijk-werker"},
        set(),
        None,
        {"kosten-en-vergoeding", "loondoorbetaling"},
        set(),
        False,
    ),
    (
        "metastatic",
        {"employment": "loondienst-vast", "phase": "uitgezaaid", "working": "gedeeltelijk"},
        {"baco", "psycho-oncologisch-centrum", "huisarts"},
        set(),
        None,
        {"uitgezaaide-kanker-en-werk"},
        set(),
        False,
    ),
    (
        "diagnosis-work-during-treatment",
        {
            "employment": "loondienst-vast",
            "phase": "diagnose",
            "working": "volledig",
            "concerns": ["werken-tijdens-behandeling"],
        },
        {"medisch-specialist", "baco", "kag"},
        set(),
        None,
        {"werken-tijdens-behandeling", "gesprek-met-arts"},
        set(),
        False,
    ),
    (
        "naaste-employee",
        {"role": "naaste", "employment": "loondienst-vast", "working": "volledig"},
        {"werkgever", "psycho-oncologisch-centrum", "ipso-centrum"},
        {"medisch-specialist", "baco", "aya-verpleegkundige", "kag"},
        "werkgever",
        {"naasten-en-werk"},
        set(),
        False,
    ),
    (
        "naaste-tired",
        {
            "role": "naaste",
            "employment": "loondienst-vast",
            "working": "gedeeltelijk",
            "concerns": ["vermoeidheid"],
        },
        {"bedrijfsarts", "werkgever"},
        {"ergotherapeut"},
        None,
        {"naasten-en-werk"},
        set(),
        False,
    ),
    (
        "naaste-zzp",
        {"role": "naaste", "employment": "zzp", "phase": "uitgezaaid"},
        {"psycho-oncologisch-centrum"},
        {"werkgever", "bedrijfsarts"},
        None,
        {"naasten-en-werk", "uitgezaaide-kanker-en-werk"},
        set(),
        False,
    ),
    (
        "employer-of-employee",
        {"role": "werkgever", "employment": "loondienst-vast", "sick_since": "2026-09-15"},
        {"bedrijfsarts", "baco", "arbeidsdeskundige", "uwv"},
        {"medisch-specialist", "aya-verpleegkundige"},
        "bedrijfsarts",
        {"wat-mag-werkgever-vragen", "werkgever-hr-beleid", "poortwachter"},
        {"WG-01-bedrijfsarts"},
        True,
    ),
    (
        "employer-hiring",
        {"role": "werkgever", "employment": "werkzoekend", "working": "niet"},
        {"jobcoach", "baco"},
        {"bedrijfsarts"},
        "jobcoach",
        {"solliciteren-na-kanker"},
        set(),
        False,
    ),
    (
        "employer-of-zzp",
        {"role": "werkgever", "employment": "zzp"},
        {"baco"},
        {"bedrijfsarts", "werkgever"},
        None,
        set(),
        {"WG-07-opdrachtgever-zzp"},
        False,
    ),
    (
        "professional-employee",
        {"role": "professional", "employment": "loondienst-vast", "concerns": ["vermoeidheid"]},
        {"baco", "kag", "bedrijfsarts", "ergotherapeut"},
        set(),
        "baco",
        {"baco-en-kag"},
        set(),
        False,
    ),
    (
        "professional-zzp",
        {"role": "professional", "employment": "zzp"},
        {"baco", "arbeidsongeschiktheidsverzekeraar"},
        {"bedrijfsarts"},
        "baco",
        {"aov"},
        set(),
        False,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_situation_gives_the_expected_plan(case, catalogue):
    _name, changes, include, exclude, first, topics, warning_rules, has_milestones = case
    situation = parse_situation({**BASE, **changes}, today=TODAY)
    result = plan(situation, catalogue, today=TODAY, milestones=route_milestones)
    slugs = [helper.slug for helper in result.helpers]
    assert include <= set(slugs), f"missing {include - set(slugs)} in {slugs}"
    assert not exclude & set(slugs), f"unexpected {exclude & set(slugs)}"
    if first:
        assert slugs[0] == first, slugs
    assert topics <= set(result.topics), f"missing topics {topics - set(result.topics)}"
    assert warning_rules <= {w.rule for w in result.warnings}
    assert bool(result.milestones) is has_milestones


def test_there_are_at_least_thirty_situations():
    assert len(CASES) >= 30


def test_every_reason_names_its_rule_source_and_facts(catalogue):
    situation = parse_situation(
        {**BASE, "employment": "zzp", "has_aov": True, "age": 30}, today=TODAY
    )
    result = plan(situation, catalogue, today=TODAY)
    aya = next(h for h in result.helpers if h.slug == "aya-verpleegkundige")
    reason = aya.why[0]
    assert reason.rule == "ALL-05-aya"
    assert reason.facts == {"role": "werkende", "age": 30}
    assert "30" in reason.text
    assert reason.source_info.publisher == "kanker.nl"


def test_next_steps_are_at_most_three_and_start_with_the_next_deadline(catalogue):
    situation = parse_situation(
        {**BASE, "employment": "loondienst-vast", "sick_since": "2026-11-02"}, today=TODAY
    )
    result = plan(
        situation,
        catalogue,
        today=TODAY,
        milestones=route_milestones,
    )
    assert 1 <= len(result.next_steps) <= 3
    probleemanalyse = next(m for m in result.milestones if m.code == "probleemanalyse")
    assert result.next_steps[0] == f"Uiterlijk 13 december 2026: {probleemanalyse.what}"


def test_english_situation_gets_english_reasons(catalogue):
    situation = parse_situation(
        {**BASE, "employment": "zzp", "has_aov": True, "language": "en"}, today=TODAY
    )
    result = plan(situation, catalogue, today=TODAY)
    assert "self-employed" in result.helpers[0].why[0].text


def test_nearby_providers_are_asked_per_helper_only_with_a_postcode(catalogue):
    asked = []

    def nearby(kind, postcode):
        asked.append((kind, postcode))
        return [{"id": 1, "name": "Test", "distance_km": 1.0}]

    without = parse_situation({**BASE, "employment": "zzp"}, today=TODAY)
    plan(without, catalogue, today=TODAY, nearby=nearby)
    assert asked == []
    with_postcode = parse_situation({**BASE, "employment": "zzp", "postcode": "6525"}, today=TODAY)
    result = plan(with_postcode, catalogue, today=TODAY, nearby=nearby)
    assert {kind for kind, _ in asked} == {h.slug for h in result.helpers}
    assert result.helpers[0].nearby[0]["name"] == "Test"


def test_the_next_evaluation_is_named_not_numbered(catalogue):
    # Sick for 12 weeks: the next dated step is one of the six-weekly evaluations.
    situation = parse_situation(
        {**BASE, "employment": "loondienst-vast", "sick_since": "2026-09-01"}, today=TODAY
    )
    result = plan(situation, catalogue, today=TODAY, milestones=route_milestones)
    upcoming = next(m for m in result.milestones if m.due >= TODAY and not m.optional)
    assert upcoming.code == "evaluatie"
    first = result.next_steps[0]
    assert (
        first.startswith("Uiterlijk ") and "de volgende evaluatie van het plan van aanpak" in first
    )
    assert "Evaluatie " not in first  # no "Evaluatie 7:" counting


def test_a_step_due_today_says_vandaag():
    from werkwijzer.navigator.engine import _upcoming_step
    from werkwijzer.navigator.plan import PlannedMilestone

    due_today = PlannedMilestone("ziekmelding", TODAY, 1, "werkende", "Meld je ziek.", "x")
    assert _upcoming_step(due_today, TODAY, "nl") == "Vandaag: Meld je ziek."
    assert _upcoming_step(due_today, TODAY, "en") == "Today: Meld je ziek."
