"""Issue 19: the kind of cancer and the treatments, optional and private."""

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from werkwijzer.navigator import illness
from werkwijzer.navigator.presentation import plan_context
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import InvalidSituation, parse_situation
from werkwijzer.navigator.tests.test_api import SITUATION
from werkwijzer.vocabulary.slugs import slugs

pytestmark = pytest.mark.usefixtures("helper_catalogue")

ILLNESS = {"cancer_type": "borstkanker", "treatments": ["chemotherapie", "hormoontherapie"]}


def form_data(**changes):
    data = {**SITUATION, **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_the_answers_are_optional_and_checked():
    assert parse_situation(SITUATION).cancer_type is None
    situation = parse_situation(
        {**SITUATION, **ILLNESS, "treatments": "hormoontherapie,chemotherapie"}
    )
    assert situation.cancer_type == "borstkanker"
    assert situation.treatments == ("chemotherapie", "hormoontherapie")  # vocabulary order
    with pytest.raises(InvalidSituation) as bad:
        parse_situation({**SITUATION, "cancer_type": "griep", "treatments": ["zalf"]})
    assert {(p.field, p.code) for p in bad.value.problems} == {
        ("cancer_type", "not_a_choice"),
        ("treatments", "unknown_items"),
    }


def test_a_plan_made_by_an_employer_never_holds_them():
    situation = parse_situation({**SITUATION, **ILLNESS, "role": "werkgever"})
    assert situation.cancer_type is None and situation.treatments == ()
    assert "borstkanker" not in str(situation.as_dict())


def test_every_kind_of_cancer_has_an_organisation_and_every_treatment_late_effects():
    for kind in slugs("cancer_type"):
        info = illness.illness_info(settings.CONTENT_DIR, kind, (), "nl")
        assert info.organisation and info.organisation.name and info.organisation.source
    for language in ("nl", "en"):
        info = illness.illness_info(settings.CONTENT_DIR, None, slugs("treatment"), language)
        assert [e.treatment for e in info.late_effects] == list(slugs("treatment"))
        assert all(e.text and e.source for e in info.late_effects)
        assert "late-gevolgen" in info.topics


def test_the_content_check_names_a_bad_source(tmp_path):
    folder = tmp_path / "navigator"
    folder.mkdir()
    text = (settings.CONTENT_DIR / illness.FILE).read_text(encoding="utf-8")
    (folder / "cancer-and-treatment.yaml").write_text(
        text.replace("source: hematon-patientenorganisatie", "source: nergens"), encoding="utf-8"
    )
    with pytest.raises(illness.IllnessContentError, match="bloed-en-lymfeklierkanker"):
        illness.content(tmp_path)


def test_the_plan_shows_organisation_and_late_effects_but_keeps_nothing(client):
    response = client.post("/wegwijzer/plan/", form_data(**ILLNESS))
    html = response.content.decode()
    assert "Voor jouw soort kanker en behandeling" in html
    assert "Borstkankervereniging Nederland (BVN)" in html
    assert "neuropathie" in html and "Hormoontherapie duurt vaak jaren" in html
    # The answers travel only in the page's own forms; the session keeps the persona only.
    assert client.session["persona"] == {"role": "werkende", "employment": "loondienst-vast"}
    assert "borstkanker" not in str(dict(client.session.items()))
    assert 'name="cancer_type" value="borstkanker"' in html  # "change my answers", PDF


def test_without_answers_the_plan_has_no_such_section(client):
    html = client.post("/wegwijzer/plan/", form_data()).content.decode()
    assert "Voor jouw soort kanker en behandeling" not in html


def test_the_printed_plan_leaves_it_out():
    plan = make_plan(parse_situation({**SITUATION, **ILLNESS}))
    context = {**plan_context(plan, None), "printing": True}
    assert context["illness"] is not None  # on screen it is there
    html = render_to_string("navigator/plan_print.html", context)
    assert "Borstkanker" not in html and "Borstkankervereniging" not in html
    assert "Hormoontherapie" not in html


def test_the_pdf_download_works_with_the_answers(client):
    pdf = client.post("/wegwijzer/plan.pdf", form_data(**ILLNESS))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
