"""One form of address: Werkwijzer says "je" to its readers, in the interface and in the
content (issue 15). "u" stays only inside the questions people are given to ask a doctor
or that a doctor asks them, and in the lists of questions an article gives to ask an
insurer, the UWV or a professional ("- Hoe berekent u ...?"): quoted speech, where "u" is
how people speak to them."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import yaml

PACKAGE = Path(__file__).resolve().parents[2]
CONTENT = PACKAGE.parents[1] / "content"
FORMAL = re.compile(r"\b(?:[Uu]|[Uu]w)\b")
# Conversation aids: lists of questions to put to a doctor, or a doctor's questions.
QUOTED_SPEECH = {
    "conversation/questions.yaml",
    "conversation/specialist.yaml",
    "conversation/keuzehulp.yaml",
    "conversation/keuzehulp-werkgever-vertellen.yaml",
    "knowledge/nl/gesprek-met-arts.md",
}


def formal_sentences(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+|\n", text)
    return [sentence.strip() for sentence in sentences if FORMAL.search(sentence)]


def is_question_to_ask(sentence: str) -> bool:
    """A list item that is one question: a question the reader puts to someone."""
    return sentence.startswith("- ") and sentence.endswith("?") and sentence.count("?") == 1


def dutch_texts(node: object, dutch: bool = False) -> list[str]:
    """The Dutch strings of a content file: values under an `nl` key or a `*_nl` key."""
    if isinstance(node, str):
        return [node] if dutch else []
    if isinstance(node, list):
        return [text for item in node for text in dutch_texts(item, dutch)]
    if isinstance(node, dict):
        return [
            text
            for key, value in node.items()
            for text in dutch_texts(value, dutch or key == "nl" or str(key).endswith("_nl"))
        ]
    return []


def content_texts(path: Path, name: str) -> list[str]:
    if path.suffix == ".md":
        return [path.read_text(encoding="utf-8")] if name.startswith("knowledge/nl/") else []
    return dutch_texts(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_the_dutch_interface_says_je():
    catalogue = polib.pofile(str(PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    formal = [entry.msgstr for entry in catalogue if formal_sentences(entry.msgstr)]
    assert not formal, formal[:5]


def test_dutch_content_says_je_outside_questions_for_a_doctor():
    wrong = []
    for path in sorted(CONTENT.rglob("*")):
        name = path.relative_to(CONTENT).as_posix()
        if path.suffix not in {".yaml", ".md"} or "/en/" in f"/{name}":
            continue
        sentences = [s for text in content_texts(path, name) for s in formal_sentences(text)]
        for sentence in sentences:
            quoted = (name in QUOTED_SPEECH and sentence.endswith("?")) or (
                name.startswith("knowledge/nl/") and is_question_to_ask(sentence)
            )
            if not quoted:
                wrong.append(f"{name}: {sentence}")
    assert not wrong, "\n".join(wrong[:10])


def test_the_check_finds_a_formal_sentence():
    assert formal_sentences("Twijfelt u? Bel ons.") == ["Twijfelt u?"]
    assert formal_sentences("Uw vraag is verstuurd.") == ["Uw vraag is verstuurd."]
    assert formal_sentences("Je vraag is verstuurd. Zuid-Holland.") == []


def test_only_a_listed_question_counts_as_a_question_to_ask():
    assert is_question_to_ask("- Betaalt u een coach?")
    assert not is_question_to_ask("Betaalt u een coach?")  # the article asking the reader
    assert not is_question_to_ask("- U krijgt een brief.")
