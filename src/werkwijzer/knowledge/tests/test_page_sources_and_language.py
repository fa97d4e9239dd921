"""How a kennisbank page says where its text comes from: an English page marks a Dutch
article "Only in Dutch" (lang="nl" on the Dutch text), and a source without an address is
cited by its place in the document (issue 15, issue 13)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _english(client, path: str, **params) -> str:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client.get(path, params).content.decode()


def test_the_english_kennisbank_marks_dutch_only_articles(client, kennisbank):
    from werkwijzer.knowledge.models import ArticlePage

    # Every seeded article has an English translation now: take one away to see the mark.
    ArticlePage.objects.get(slug="iva", locale__language_code="en").delete()
    page = _english(client, "/kennisbank/")
    dutch_cards = re.findall(r'<li class="card article-card" lang="nl">(.*?)</li>', page, re.S)
    assert dutch_cards, "the English index lists Dutch-only articles"
    assert all("Only in Dutch" in card for card in dutch_cards)
    english_cards = re.findall(r'<li class="card article-card">(.*?)</li>', page, re.S)
    assert english_cards and not any("Only in Dutch" in card for card in english_cards)


def test_the_dutch_kennisbank_shows_no_language_label(client, kennisbank):
    assert "Alleen in het Nederlands" not in client.get("/kennisbank/").content.decode()


def test_a_document_source_is_cited_by_its_place_not_an_empty_link(client, kennisbank):
    from werkwijzer.knowledge.models import ArticlePage

    article = ArticlePage.objects.live().get(slug="baco-en-kag", locale__language_code="nl")
    page = client.get(article.url).content.decode()
    assert 'href=""' not in page
    assert "<cite>BACO-platform, jaarverslag 2022" in page and "eerste alinea" in page
