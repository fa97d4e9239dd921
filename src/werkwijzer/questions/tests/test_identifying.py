import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.questions import identifying
from werkwijzer.questions.identifying import elfproef, find


def test_elfproef():
    assert elfproef("111222333")
    assert elfproef("123456782")
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("BSN 111222333, vrouw van 50", identifying.BSN),
        ("bsn: 1234.56.782", identifying.BSN),
        ("geboren 12-03-1971", identifying.BIRTH_DATE),
        ("geboren op 3 maart 1971", identifying.BIRTH_DATE),
        ("geboortedatum 1971-03-12", identifying.BIRTH_DATE),
        ("mail naar j.jansen@example.com", identifying.EMAIL),
        ("bel 06-12345678", identifying.PHONE),
        ("telefoon +31 6 1234 5678", identifying.PHONE),
        ("vast nummer 030-1234567", identifying.PHONE),
        ("woont op 3511 AB 12", identifying.ADDRESS),
        ("Dorpsstraat 12 in Utrecht", identifying.ADDRESS),
        ("12a, 3511AB Utrecht", identifying.ADDRESS),
        ("mevrouw Jansen heeft borstkanker", identifying.NAME),
        ("Dhr. P. de Vries, 54 jaar", identifying.NAME),
        ("meneer van der Berg werkt als lasser", identifying.NAME),
        ("Mevr. Bakker", identifying.NAME),
    ],
)
def test_identifying_data_is_found(text, kind):
    assert kind in find(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vrouw van ongeveer 50, verpleegkundige, 32 uur per week, half jaar na chemo.",
        "Mevrouw is 54 en werkt als lasser; meneer heeft klachten van vermoeidheid.",
        "Ziek sinds week 12 van 2025, werkt nu 2 x 4 uur.",
        "Postcode regio 3511, werkt 36 uur.",
        "Score 7 op een schaal van 10; 123456789 stappen.",
        "Patiënt met MS en borstkanker, 40 uur per week.",
    ],
)
def test_case_descriptions_pass(text):
    assert find(text) == []


@given(st.lists(st.integers(0, 9), min_size=8, max_size=8))
def test_every_number_that_passes_the_elfproef_is_found(first_eight):
    weights = (9, 8, 7, 6, 5, 4, 3, 2)
    last = sum(d * w for d, w in zip(first_eight, weights, strict=True)) % 11
    if last == 10 or not any(first_eight):
        return  # no valid check digit for these eight digits
    bsn = "".join(map(str, first_eight)) + str(last)
    assert elfproef(bsn)
    assert identifying.BSN in find(f"Werknemer met nummer {bsn} vraagt advies.")


@given(st.text(max_size=500))
def test_find_never_fails(text):
    assert set(find(text)) <= set(identifying.KINDS)
