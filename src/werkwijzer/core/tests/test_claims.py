"""Every claim carries a source, and a claim without one is caught (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from werkwijzer.core.claims import all_claims, claim, claims_by_source, problems, providers

APPS_WITH_CLAIMS = {"helpers", "navigator", "knowledge", "questions", "employers", "conversation"}


def test_every_app_with_content_gives_its_claims():
    assert {label for label, _provider in providers()} >= APPS_WITH_CLAIMS


def test_every_claim_has_a_source_that_exists():
    found = list(all_claims())
    assert len(found) > 300
    assert not problems(found), "\n".join(problems(found))


@pytest.mark.parametrize(
    "where",
    [
        "helpers/",
        "navigator/rules.yaml",
        "timeline/routes.yaml",
        "knowledge/nl/",
        "questions/faq.yaml",
        "employers/guide.yaml",
        "conversation/",
    ],
)
def test_each_kind_of_content_is_covered(where):
    assert any(item.where.startswith(where) for item in all_claims())


def test_a_claim_without_a_source_or_with_an_unknown_one_is_reported():
    found = [
        claim("x.yaml 1", "Na een jaar stopt het.", None),
        claim("x.yaml 2", "Iets anders.", ["wikipedia"]),
        claim("x.yaml 3", "Goed.", "uwv-ziektewet"),
    ]
    messages = problems(found)
    assert len(messages) == 2
    assert "x.yaml 1: no source" in messages[0]
    assert "unknown source 'wikipedia'" in messages[1]


def _content_copy(tmp_path: Path) -> Path:
    """The content folder with one FAQ answer that cites nothing."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, target)
    faq = target / "questions" / "faq.yaml"
    data = yaml.safe_load(faq.read_text(encoding="utf-8"))
    data["faq"][0].pop("sources")
    faq.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    helper = target / "helpers" / "uwv.yaml"
    raw = yaml.safe_load(helper.read_text(encoding="utf-8"))
    raw["nl"]["facts"][0].pop("source")
    helper.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return target


def test_an_faq_answer_or_helper_fact_without_a_source_fails(tmp_path):
    messages = problems(all_claims(_content_copy(tmp_path)))
    assert any(m.startswith("questions/faq.yaml") and "no source" in m for m in messages)
    assert any(m.startswith("helpers/uwv.yaml nl facts 1") for m in messages)


def test_claims_are_grouped_by_source():
    grouped = claims_by_source(all_claims())
    assert any(
        item.where.startswith("helpers/ergotherapeut.yaml")
        for item in grouped["zorginstituut-ergotherapie"]
    )
