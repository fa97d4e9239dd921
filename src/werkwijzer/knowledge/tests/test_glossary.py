"""Issue 19: the woordenlijst and the links to it from the articles."""

import pytest
from django.conf import settings

from werkwijzer.knowledge import glossary
from werkwijzer.timeline.legal_weeks import legal_weeks

URL = "/kennisbank/woordenlijst/"


def test_at_least_thirty_terms_in_both_languages_with_short_texts():
    dutch = glossary.terms(settings.CONTENT_DIR, "nl")
    english = glossary.terms(settings.CONTENT_DIR, "en")
    assert len(dutch) >= 30 and {t.slug for t in dutch} == {t.slug for t in english}
    for term in (*dutch, *english):
        sentences = [s for s in term.text.replace("?", ".").split(".") if s.strip()]
        assert 1 <= len(sentences) <= 2, term.slug
        assert "{{" not in term.text, term.slug  # legal weeks filled in
    for slug in ("deskundigenoordeel", "re-integratieverslag", "wga", "iva", "bbz", "loonsanctie"):
        assert slug in {t.slug for t in dutch}
    wia = next(t for t in dutch if t.slug == "wia")
    assert str(legal_weeks()["waiting_weeks"].week) in wia.text


def test_only_the_first_use_is_linked_and_links_and_headings_are_left_alone():
    found = glossary.terms(settings.CONTENT_DIR, "nl")
    html = (
        "<h2>De WIA</h2><p>Vraag de WIA aan. De WIA heeft twee delen: "
        "<a href='/x'>IVA</a> en WGA.</p><p>Met vervroegde IVA gaat het sneller. IVA.</p>"
    )
    linked = glossary.link_terms(html, found, URL)
    assert linked.count(f'href="{URL}#wia"') == 1
    assert "<h2>De WIA</h2>" in linked  # not in a heading
    assert "<a href='/x'>IVA</a>" in linked  # not inside a link
    assert f'href="{URL}#wga">WGA</a>' in linked
    assert f'href="{URL}#vervroegde-iva">vervroegde IVA</a>' in linked  # the longer form
    assert f'href="{URL}#iva">IVA</a>.' in linked  # then the short one, once
    # Capitals only for abbreviations: the Dutch word "kag" in lower case is not the KAG.
    assert "#kag" not in glossary.link_terms("<p>een kag</p>", found, URL)


def test_a_term_with_an_unknown_source_is_refused(tmp_path):
    (tmp_path / "glossary.yaml").write_text(
        "terms:\n  - slug: x\n    nl: {term: x, text: y}\n    en: {term: x, text: y}\n"
        "    source: nergens\n",
        encoding="utf-8",
    )
    with pytest.raises(glossary.GlossaryError, match="nergens"):
        glossary.terms(tmp_path, "nl")


def test_the_glossary_page_lists_every_term_with_an_anchor(client):
    html = client.get(URL).content.decode()
    for term in glossary.terms(settings.CONTENT_DIR, "nl"):
        assert f'id="{term.slug}"' in html
    assert "Woordenlijst" in html


@pytest.mark.usefixtures("kennisbank")
def test_an_article_links_its_first_term_to_the_glossary(client):
    html = client.get("/kennisbank/iva/").content.decode()
    body = html.split('class="article__body"', 1)[1].split("</footer>", 1)[0]
    assert body.count(f'{URL}#iva"') == 1


@pytest.mark.usefixtures("kennisbank")
def test_treatment_articles_are_found_for_the_plan():
    from werkwijzer.knowledge.services import articles_for_illness

    found = articles_for_illness(None, ["chemotherapie"], "nl")
    assert "chemotherapie-en-werk" in {article["slug"] for article in found}
    assert articles_for_illness(None, [], "nl") == []
