"""Query analysis without a database: synonyms, English, typos, phrases, odd input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.core.text import edit_distance, stems
from werkwijzer.search.query import analyse
from werkwijzer.search.terms import Speller, term_list

SPELLER = Speller([("vermoeidheid", 9), ("werkgever", 20), ("ziekmelding", 5), ("ontslag", 3)])


def variant_stems(query):
    return {s for c in query.concepts for v in c.variants for s in v.stems}


def test_question_words_are_dropped():
    query = analyse("Mag mijn werkgever vragen wat ik heb?")
    texts = [concept.text for concept in query.concepts]
    assert "mag" not in texts and "mijn" not in texts
    assert "werkgever" in texts


@pytest.mark.parametrize(
    ("lay", "expected"),
    [
        ("baas", "werkgever"),
        ("chemo", "chemotherapie"),
        ("ziek melden", "ziekmelding"),
        ("moe", "vermoeidheid"),
        ("geld", "inkomen"),
        ("ontslag", "opzegverbod"),
    ],
)
def test_lay_words_bring_their_synonyms(lay, expected):
    assert stems(expected)[0] in variant_stems(analyse(lay))


def test_english_is_translated_to_dutch():
    found = variant_stems(analyse("Can my employer ask about my diagnosis?"))
    assert {stems("werkgever")[0], stems("diagnose")[0]} <= found


def test_typos_are_corrected_against_the_index():
    query = analyse("vermoiedheid", SPELLER)
    assert stems("vermoeidheid")[0] in variant_stems(query)
    assert query.corrected == "vermoeidheid"
    assert edit_distance("werkgevr", "werkgever") == 1
    assert edit_distance("abc", "xyzxyz") > 2


def full_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) over the whole table, plainly."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


letters = st.text(alphabet="aeiknorstv", max_size=14)


@given(letters, letters, st.integers(1, 3))
def test_the_banded_distance_agrees_with_the_whole_table(a, b, limit):
    assert edit_distance(a, b, limit) == min(full_distance(a, b), limit + 1)


def test_term_lists_are_editable_data():
    assert "werkgever" in term_list("terms_en")["employer"]
    assert all(key == key.lower() for key in term_list("synonyms"))


@pytest.mark.parametrize("raw", ["", "   ", "?!...", "<>", "' OR 1=1 --", "x" * 10_000])
def test_odd_input_never_raises(raw):
    query = analyse(raw, SPELLER)
    assert len(query.concepts) <= 12


@given(st.text(max_size=400))
def test_any_text_is_analysed(raw):
    analyse(raw, SPELLER)
