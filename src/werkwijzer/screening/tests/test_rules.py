"""The screening rules, table-driven: each row is answers and the flags they must give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.core.sources import sources
from werkwijzer.screening.rules import groups, screen
from werkwijzer.vocabulary.slugs import slugs

CASES = [
    ({}, []),
    ({"age": 45, "employment": "loondienst-vast"}, []),
    ({"employment": "zzp", "age": 45}, ["zzp"]),
    ({"employment": "loondienst-tijdelijk", "age": 45}, ["flexibel-contract"]),
    ({"employment": "uitzendkracht", "age": 45}, ["flexibel-contract"]),
    ({"low_income": True, "age": 45}, ["laag-inkomen"]),
    ({"low_income": False, "age": 45}, []),
    ({"limited_literacy": True, "age": 45}, ["gezondheidsvaardigheden"]),
    ({"age": 17}, []),
    ({"age": 18}, ["aya"]),
    ({"age": 39}, ["aya"]),
    ({"age": 40}, []),
    ({"age": 54}, []),
    ({"age": 55}, ["oudere-werkende"]),
    ({"phase": "uitgezaaid", "age": 45}, ["uitgezaaid"]),
    ({"phase": "behandeling", "age": 45}, []),
    ({"heavy_work": True, "age": 45}, ["zwaar-werk"]),
    ({"caregiver": True, "age": 45}, ["mantelzorg"]),
    ({"distress": 4, "age": 45}, []),
    ({"distress": 5, "age": 45}, ["hoge-spanning"]),
    ({"distress": 10, "age": 45}, ["hoge-spanning"]),
    ({"distress": None, "age": 45}, []),
    (
        {"employment": "zzp", "age": 30, "phase": "uitgezaaid", "caregiver": True, "distress": 7},
        ["zzp", "aya", "uitgezaaid", "mantelzorg", "hoge-spanning"],
    ),
]


@pytest.mark.parametrize(("answers", "expected"), CASES)
def test_flags(answers, expected):
    assert [flag.code for flag in screen(answers)] == expected


def test_every_flag_has_a_reason_a_rule_a_known_source_and_a_flow_in_both_languages():
    known = sources()
    helpers = set(slugs("helpers"))
    assert len(groups()) == 10
    for group in groups():
        assert group.rule.startswith("SCR-")
        assert group.source in known
        assert group.reason["nl"] and group.reason["en"]
        assert len(group.flow) >= 3
        for step in group.flow:
            assert set(step.refer) <= helpers, (group.rule, step.refer)
        assert any(step.refer for step in group.flow)


def test_flags_come_in_the_language_asked_and_fall_back_to_dutch():
    english = screen({"employment": "zzp", "age": 45}, "en")[0]
    assert english.label == "Self-employed"
    assert english.steps()[0].startswith("Ask")
    assert screen({"employment": "zzp", "age": 45}, "de")[0].label == "Zelfstandige (zzp)"
    assert english.as_dict()["source"]["key"] == "kvk-ziek-ondernemer"


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "employment": st.sampled_from([*slugs("employment"), "onbekend"]),
            "age": st.integers(16, 100),
            "phase": st.sampled_from(slugs("phase")),
            "low_income": st.booleans(),
            "distress": st.integers(0, 10),
        },
    )
)
def test_any_answers_give_unique_known_flags(answers):
    codes = [flag.code for flag in screen(answers)]
    assert len(codes) == len(set(codes))
    assert set(codes) <= {group.flag for group in groups()}
