import pytest

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
