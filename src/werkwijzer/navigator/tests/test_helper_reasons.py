"""Every helper card in the plan explains that helper (issue 13).

The card shows the helper's first reason. A rule that adds several helpers used to give
all of them the rule's one sentence, so the oncology physiotherapist was explained with
the ergotherapist's sentence and the patient organisation with the IPSO centre's.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkwijzer.navigator.engine import plan
from werkwijzer.navigator.rules import default_rules
from werkwijzer.navigator.services import screening_source
from werkwijzer.navigator.situation import Situation
from werkwijzer.navigator.tests.conftest import file_catalogue
from werkwijzer.vocabulary.slugs import slugs

TODAY = dt.date(2026, 11, 23)

# The words a reader knows each helper by, in Dutch and English (a name, not a slug).
HELPER_NAMES: dict[str, tuple[str, ...]] = {
    "bedrijfsarts": ("bedrijfsarts", "occupational physician"),
    "baco": ("BACO",),
    "kag": ("KAG", "klinisch arbeidsgeneeskundige", "clinical occupational physician"),
    "werkgever": ("werkgever", "employer"),
    "uwv": ("UWV",),
    "verzekeringsarts": ("verzekeringsarts", "insurance physician"),
    "arbeidsdeskundige": ("arbeidsdeskundige", "labour expert"),
    "medisch-specialist": ("specialist", "arts in het ziekenhuis", "hospital doctor"),
    "verpleegkundige": ("verpleegkundige", "nurse"),
    "aya-verpleegkundige": ("AYA-verpleegkundige", "AYA nurse"),
    "huisarts": ("huisarts", "GP"),
    "poh-ggz": ("poh-ggz",),
    "psycholoog": ("psycholoog", "psychologist"),
    "psycho-oncologisch-centrum": (
        "psycho-oncologisch centrum",
        "psycho-oncologische centra",
        "psycho-oncology centre",
    ),
    "ergotherapeut": ("ergotherapeut", "occupational therapist"),
    "fysiotherapeut-oncologie": ("fysiotherapeut", "physiotherapist"),
    "maatschappelijk-werker": ("maatschappelijk werker", "social worker"),
    "bedrijfsmaatschappelijk-werker": ("bedrijfsmaatschappelijk werker", "company social worker"),
    "re-integratiecoach": ("re-integratiecoach", "re-integration coach"),
    "jobcoach": ("jobcoach", "job coach"),
    "ipso-centrum": ("IPSO",),
    "patientenorganisatie": ("patiëntenorganisatie", "patient organisation"),
    "ondersteuningsconsulent-oncologie": ("ondersteuningsconsulent", "support consultant"),
    "arbeidsongeschiktheidsverzekeraar": (
        "arbeidsongeschiktheidsverzekeraar",
        "verzekeraar",
        "disability insurer",
        "insurer",
    ),
}


def _positions(slug: str, text: str) -> list[int]:
    # A name as a word of its own: "maatschappelijk werker" does not count inside
    # "bedrijfsmaatschappelijk werker", nor "verzekeraar" inside "zorgverzekeraar".
    return [
        match.start()
        for name in HELPER_NAMES[slug]
        for match in re.finditer(r"(?<![\w-])" + re.escape(name), text, re.IGNORECASE)
    ]


def names_helper(slug: str, text: str) -> bool:
    return bool(_positions(slug, text))


def first_named(text: str) -> str | None:
    """The helper the text names first."""
    found = [(min(p), slug) for slug in HELPER_NAMES if (p := _positions(slug, text))]
    return min(found)[1] if found else None


def test_every_helper_has_names():
    assert set(HELPER_NAMES) == set(slugs("helpers"))


def test_every_rule_reason_names_each_helper_it_adds():
    for rule in default_rules():
        for helper in rule.helpers:
            texts = helper.why or rule.why
            for language in ("nl", "en"):
                assert names_helper(helper.slug, texts[language]), (rule.id, helper.slug, language)


def test_a_rule_with_several_helpers_gives_each_its_own_reason():
    for rule in default_rules():
        if len(rule.helpers) < 2:
            continue
        for language in ("nl", "en"):
            texts = [helper.why and helper.why.get(language) for helper in rule.helpers]
            assert all(texts), (rule.id, language)
            assert len(set(texts)) == len(texts), (rule.id, language)


@pytest.mark.parametrize(
    ("concerns", "slug"),
    [
        (("vermoeidheid",), "fysiotherapeut-oncologie"),
        (("vermoeidheid",), "psycho-oncologisch-centrum"),
        (("lichamelijke-klachten",), "ergotherapeut"),
        (("psychische-klachten",), "psycholoog"),
        ((), "patientenorganisatie"),
        ((), "ondersteuningsconsulent-oncologie"),
    ],
)
def test_the_cards_reported_in_issue_13_explain_their_own_helper(concerns, slug):
    situation = Situation(
        role="werkende",
        employment="loondienst-vast",
        phase="behandeling",
        working="minder",
        age=50,
        concerns=concerns,
    )
    result = plan(situation, file_catalogue(), today=TODAY)
    card = next(helper for helper in result.helpers if helper.slug == slug)
    assert first_named(card.why[0].text) == slug, card.why[0].text


situations = st.builds(
    Situation,
    role=st.sampled_from(slugs("role")),
    employment=st.sampled_from(slugs("employment")),
    phase=st.sampled_from(slugs("phase")),
    working=st.sampled_from(slugs("working")),
    age=st.integers(16, 80),
    concerns=st.lists(st.sampled_from(slugs("concerns")), unique=True).map(tuple),
    has_bedrijfsarts=st.sampled_from([None, True, False]),
    has_aov=st.sampled_from([None, True, False]),
    language=st.sampled_from(["nl", "en"]),
)


@settings(max_examples=300, deadline=None)
@given(situations)
def test_every_card_in_a_plan_names_its_helper_in_its_first_reason(situation):
    result = plan(
        situation,
        file_catalogue(situation.language),
        today=TODAY,
        screening=screening_source(),
    )
    for helper in result.helpers:
        assert names_helper(helper.slug, helper.why[0].text), (helper.slug, helper.why[0])
