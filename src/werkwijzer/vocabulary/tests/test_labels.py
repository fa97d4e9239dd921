import ast
from pathlib import Path

import pytest
from django.utils import translation

from werkwijzer.vocabulary import labels
from werkwijzer.vocabulary.slugs import slugs, vocabulary

PACKAGE_DIR = Path(labels.__file__).resolve().parents[1]
SAME_IN_DUTCH = {"Student", "UWV"}


@pytest.mark.parametrize("section", sorted(labels.LABELS))
def test_every_slug_has_a_label_in_vocabulary_order(section):
    assert list(labels.LABELS[section]) == list(slugs(section))
    assert labels.choices_for(section) == list(labels.LABELS[section].items())


@pytest.mark.parametrize("section", sorted(labels.LABELS))
def test_every_label_has_dutch(section):
    with translation.override("en"):
        english = {slug: str(label) for slug, label in labels.LABELS[section].items()}
    with translation.override("nl"):
        dutch = {slug: str(label) for slug, label in labels.LABELS[section].items()}
    untranslated = [
        text for slug, text in english.items() if dutch[slug] == text and text not in SAME_IN_DUTCH
    ]
    assert untranslated == []


def test_dutch_and_english_labels():
    label = labels.EMPLOYMENT["loondienst-vast"]
    with translation.override("nl"):
        assert str(label) == "In loondienst met een vast contract"
        assert str(labels.WORKING["niet"]) == "Nu niet"
    with translation.override("en"):
        assert str(label) == "Employee with a permanent contract"


def _slug_label_dicts(tree: ast.AST):
    """Dict literals of three or more string keys whose values are gettext calls."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict) or len(node.keys) < 3:
            continue
        keys = [key.value for key in node.keys if isinstance(key, ast.Constant)]
        if len(keys) == len(node.keys) and all(isinstance(v, ast.Call) for v in node.values):
            yield node.lineno, set(keys)


def test_no_other_module_labels_vocabulary_slugs():
    """Apps import their labels from vocabulary.labels instead of keeping a copy."""
    sections = {name: set(values) for name, values in vocabulary().items()}
    copies = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if path == Path(labels.__file__).resolve() or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, keys in _slug_label_dicts(tree):
            copies += [
                f"{path.relative_to(PACKAGE_DIR)}:{line} ({name})"
                for name, values in sections.items()
                if keys <= values
            ]
    assert copies == []
