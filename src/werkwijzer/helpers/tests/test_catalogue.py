from pathlib import Path

import pytest
import yaml

from werkwijzer.core.seeding import seed_all
from werkwijzer.helpers.content import ContentError, load_helper_files, parse_helper_file
from werkwijzer.helpers.models import Helper, HelperText
from werkwijzer.vocabulary.slugs import slugs

CONTENT = Path(__file__).resolve().parents[4] / "content" / "helpers"


def test_every_helper_slug_has_a_content_file_in_dutch_and_english():
    helpers = load_helper_files(CONTENT)
    assert [h.slug for h in helpers] != []
    assert {h.slug for h in helpers} == set(slugs("helpers"))
    for helper in helpers:
        assert {"nl", "en"} <= set(helper.texts), helper.slug
        assert helper.texts["nl"]["facts"], helper.slug


@pytest.mark.parametrize(
    ("slug", "fact"),
    [
        ("baco", "zorgverzekeraar"),
        ("ergotherapeut", "10"),
        ("poh-ggz", "huisarts"),
        ("bedrijfsmaatschappelijk-werker", "kost je niets"),
        ("jobcoach", "UWV"),
        ("aya-verpleegkundige", "18"),
    ],
)
def test_key_facts_from_the_sources_are_in_the_texts(slug, fact):
    helper = parse_helper_file(CONTENT / f"{slug}.yaml")
    dutch = helper.texts["nl"]
    text = " ".join(
        [dutch["what"], dutch["access"], dutch["costs"], *[f["text"] for f in dutch["facts"]]]
    )
    assert fact in text


def test_aya_nurse_is_for_ages_18_to_39():
    helper = parse_helper_file(CONTENT / "aya-verpleegkundige.yaml")
    assert (helper.min_age, helper.max_age) == (18, 39)


def test_poh_ggz_is_only_reached_through_the_gp():
    assert parse_helper_file(CONTENT / "poh-ggz.yaml").access_routes == ("huisarts",)


def test_zzp_has_no_bedrijfsarts_and_only_zzp_has_an_aov_insurer():
    assert "zzp" not in parse_helper_file(CONTENT / "bedrijfsarts.yaml").applies_to
    assert parse_helper_file(CONTENT / "arbeidsongeschiktheidsverzekeraar.yaml").applies_to == (
        "zzp",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slug": "tandarts"}, "slug"),
        ({"group": "other"}, "group"),
        ({"cost_kind": "cheap"}, "cost_kind"),
        ({"applies_to": ["ambtenaar"]}, "applies_to"),
        ({"sources": ["wikipedia"]}, "sources"),
    ],
)
def test_a_broken_content_file_names_the_problem(tmp_path, change, message):
    raw = yaml.safe_load((CONTENT / "baco.yaml").read_text())
    raw.update(change)
    path = tmp_path / "baco.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True))
    with pytest.raises(ContentError, match=message):
        parse_helper_file(path)


def test_missing_dutch_text_is_refused(tmp_path):
    raw = yaml.safe_load((CONTENT / "baco.yaml").read_text())
    del raw["nl"]
    path = tmp_path / "baco.yaml"
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(ContentError, match="Dutch"):
        parse_helper_file(path)


@pytest.mark.django_db
def test_seeding_twice_gives_the_same_catalogue():
    seed_all(only={"helpers"})
    first = (Helper.objects.count(), HelperText.objects.count())
    seed_all(only={"helpers"})
    assert (Helper.objects.count(), HelperText.objects.count()) == first == (24, 48)
