"""An English page that lists or finds a Dutch article says so: "Only in Dutch", with
lang="nl" on the Dutch text (issue 15)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _english(client, path: str, **params) -> str:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client.get(path, params).content.decode()


def test_the_english_kennisbank_marks_dutch_only_articles(client, kennisbank):
    page = _english(client, "/kennisbank/")
    dutch_cards = re.findall(r'<li class="card article-card" lang="nl">(.*?)</li>', page, re.S)
    assert dutch_cards, "the English index lists Dutch-only articles"
    assert all("Only in Dutch" in card for card in dutch_cards)
    english_cards = re.findall(r'<li class="card article-card">(.*?)</li>', page, re.S)
    assert english_cards and not any("Only in Dutch" in card for card in english_cards)


def test_the_dutch_kennisbank_shows_no_language_label(client, kennisbank):
    assert "Alleen in het Nederlands" not in client.get("/kennisbank/").content.decode()
