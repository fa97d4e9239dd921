from pathlib import Path

import pytest
import yaml

from werkwijzer.vocabulary.slugs import Employment, Helper, slugs, vocabulary

SHARED_VOCABULARY = Path(__file__).resolve().parents[5] / "shared" / "vocabulary.yaml"


def test_enums_carry_the_slugs_verbatim():
    assert Helper.BEDRIJFSMAATSCHAPPELIJK_WERKER == "bedrijfsmaatschappelijk-werker"
    assert Employment.LOONDIENST_VAST == "loondienst-vast"
    assert list(Helper) == list(slugs("helpers"))


def test_every_section_is_present_and_unique():
    for section in ("helpers", "employment", "phase", "working", "role", "concerns", "topics"):
        values = vocabulary()[section]
        assert values, section
        assert len(values) == len(set(values)), section


@pytest.mark.skipif(not SHARED_VOCABULARY.exists(), reason="shared/ is not beside the checkout")
def test_project_copy_keeps_every_shared_slug():
    """Slugs may be added here, never renamed or dropped (the shared file is the contract)."""
    shared = yaml.safe_load(SHARED_VOCABULARY.read_text(encoding="utf-8"))
    for section, values in shared.items():
        assert set(values) <= set(vocabulary()[section]), section
