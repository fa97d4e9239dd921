"""The pure rules: which words of a search are kept, and the gap map's orderings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.feedback.words import MAX_LENGTH, missing_languages, most_unhelpful, normalise


def test_words_are_kept_in_one_spelling():
    assert normalise("  Moe op  WERK!! ") == "moe op werk"
    assert normalise("Wat mag m'n werkgever vragen?") == "wat mag m'n werkgever vragen"


def test_numbers_addresses_and_postcodes_are_never_kept():
    kept = normalise("jan.jansen@example.nl 06-12345678 3511AB Utrecht 1234 ab ziektewet")
    assert kept == "utrecht ab ziektewet"
    assert normalise("0612345678") == ""
    assert normalise("!!! ???") == ""


def test_a_long_search_is_cut_to_a_few_words():
    assert normalise("een " * 50) == " ".join(["een"] * 8)
    assert len(normalise("x" * 5000)) <= 30


@given(st.text())
def test_what_is_kept_is_short_and_has_no_digits_or_at(text):
    kept = normalise(text)
    assert len(kept) <= MAX_LENGTH
    assert "@" not in kept
    assert not any(character.isdigit() for character in kept)
    assert kept == kept.strip()


def test_missing_languages_per_article():
    versions = {"a": {"nl", "en"}, "b": {"nl"}, "c": {"en"}}
    assert missing_languages(versions, ("nl", "en")) == {"b": ["en"], "c": ["nl"]}


def test_the_most_no_first_then_the_lowest_share_of_yes():
    counts = {"1": (10, 2), "2": (0, 2), "3": (5, 0), "4": (1, 7)}
    assert most_unhelpful(counts) == [("4", 1, 7), ("2", 0, 2), ("1", 10, 2)]
    assert most_unhelpful(counts, limit=1) == [("4", 1, 7)]
