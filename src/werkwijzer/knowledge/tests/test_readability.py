"""Issue 19: every Dutch article's reading level is measured, not claimed. The limits are
in knowledge/readability.py and explained in docs/readability.md."""

from pathlib import Path

import pytest
from django.conf import settings

from werkwijzer.knowledge.content import read_article
from werkwijzer.knowledge.readability import (
    MAX_AVERAGE_SENTENCE_WORDS,
    MAX_LONG_WORD_SHARE,
    measure,
    plain_text,
    syllables,
)

DUTCH = sorted((Path(settings.CONTENT_DIR) / "knowledge" / "nl").glob("*.md"))


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---", 2)[2]


@pytest.mark.parametrize("path", DUTCH, ids=[path.stem for path in DUTCH])
def test_every_dutch_article_is_within_the_b1_limits(path, record_property):
    read_article(path)  # the file itself is valid
    found = measure(plain_text(_body(path)))
    # The report per article: pytest -rA or the junit XML show these values.
    record_property("average_sentence_words", round(found.average_sentence_words, 1))
    record_property("long_word_share", round(found.long_word_share, 3))
    print(
        f"{path.stem}: {found.sentences} sentences, {found.words} words, "
        f"{found.average_sentence_words:.1f} words a sentence, {found.long_word_share:.1%} long"
    )
    assert found.words > 0
    assert found.problems() == [], f"{path.name}: {'; '.join(found.problems())}"


def test_there_are_dutch_articles_to_measure():
    assert len(DUTCH) >= 26


def test_syllables_count_dutch_vowel_groups():
    assert syllables("werk") == 1
    assert syllables("huisarts") == 2  # ui is one vowel sound
    assert syllables("arbeidsongeschiktheid") == 6  # ar-beids-on-ge-schikt-heid
    assert syllables("re-integratie") >= 5


def test_a_text_with_long_sentences_and_long_words_fails():
    long = " ".join(["Arbeidsongeschiktheidsverzekeringen veroorzaken administratieve"] * 6) + "."
    found = measure(long)
    assert found.average_sentence_words > MAX_AVERAGE_SENTENCE_WORDS
    assert found.long_word_share > MAX_LONG_WORD_SHARE
    assert len(found.problems()) == 2


def test_lists_and_markup_count_as_their_own_sentences():
    text = plain_text("Waar kun je terecht?\n\n- Bij je huisarts\n- Bij de **bedrijfsarts**\n")
    found = measure(text)
    assert found.sentences == 3 and found.words == 10
