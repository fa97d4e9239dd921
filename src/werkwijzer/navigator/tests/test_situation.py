import datetime as dt

import pytest

from werkwijzer.navigator.situation import InvalidSituation, parse_situation

TODAY = dt.date(2026, 11, 23)
VALID = {
    "role": "werkende",
    "employment": "loondienst-vast",
    "phase": "behandeling",
    "working": "niet",
    "age": 45,
}


def problems_of(data):
    with pytest.raises(InvalidSituation) as raised:
        parse_situation(data, today=TODAY)
    return {(p.field, p.code) for p in raised.value.problems}


def test_a_minimal_situation_is_accepted_with_defaults():
    situation = parse_situation(VALID, today=TODAY)
    assert situation.concerns == ()
    assert situation.language == "nl"
    assert situation.sick_since is None


def test_every_optional_field_is_read():
    situation = parse_situation(
        {
            **VALID,
            "concerns": ["vermoeidheid", "financien"],
            "sick_since": "2026-03-02",
            "has_bedrijfsarts": "ja",
            "has_aov": False,
            "contract_end": "2027-01-31",
            "postcode": "6525 ga",
            "language": "en",
        },
        today=TODAY,
    )
    assert situation.sick_since == dt.date(2026, 3, 2)
    assert situation.has_bedrijfsarts is True
    assert situation.has_aov is False
    assert situation.postcode == "6525GA"
    assert situation.language == "en"


def test_concerns_keep_the_vocabulary_order_whatever_the_input_order():
    one = parse_situation({**VALID, "concerns": ["financien", "vermoeidheid"]}, today=TODAY)
    two = parse_situation(
        {**VALID, "concerns": ["vermoeidheid", "financien", "financien"]}, today=TODAY
    )
    assert one.concerns == two.concerns == ("vermoeidheid", "financien")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"role": None}, ("role", "required")),
        ({"employment": "ambtenaar"}, ("employment", "not_a_choice")),
        ({"phase": 3}, ("phase", "not_a_choice")),
        ({"age": 15}, ("age", "out_of_range")),
        ({"age": 101}, ("age", "out_of_range")),
        ({"age": "veertig"}, ("age", "not_a_number")),
        ({"age": True}, ("age", "not_a_number")),
        ({"concerns": ["moe"]}, ("concerns", "unknown_items")),
        ({"concerns": {"a": 1}}, ("concerns", "not_a_list")),
        ({"sick_since": "2027-01-01"}, ("sick_since", "in_future")),
        ({"sick_since": "1989-12-31"}, ("sick_since", "too_early")),
        ({"sick_since": "01-03-2026"}, ("sick_since", "not_a_date")),
        ({"contract_end": "gisteren"}, ("contract_end", "not_a_date")),
        ({"has_aov": "misschien"}, ("has_aov", "not_a_bool")),
        ({"postcode": "123"}, ("postcode", "invalid_postcode")),
        ({"postcode": "0123AB"}, ("postcode", "invalid_postcode")),
        ({"language": "de"}, ("language", "not_a_choice")),
        ({"leeftijd": 40}, ("leeftijd", "unknown_field")),
    ],
)
def test_each_bad_field_is_named(change, expected):
    assert expected in problems_of({**VALID, **change})


def test_all_problems_are_reported_at_once():
    found = problems_of({"role": "x", "age": 5})
    assert {field for field, _code in found} >= {"role", "employment", "phase", "working", "age"}


@pytest.mark.parametrize("data", [None, [], "tekst", 42])
def test_not_an_object_is_rejected(data):
    assert problems_of(data) == {("body", "not_an_object")}


def test_a_future_contract_end_is_fine():
    assert parse_situation({**VALID, "contract_end": "2030-01-01"}, today=TODAY).contract_end
