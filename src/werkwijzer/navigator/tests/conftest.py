from functools import cache
from pathlib import Path

import pytest

from werkwijzer.helpers.content import load_helper_files
from werkwijzer.navigator.catalogue import CatalogueEntry

CONTENT = Path(__file__).resolve().parents[4] / "content" / "helpers"


@cache
def file_catalogue(language: str = "nl") -> dict[str, CatalogueEntry]:
    """The helper catalogue straight from the content files, without a database."""
    entries = {}
    for helper in load_helper_files(CONTENT):
        text = helper.texts.get(language) or helper.texts["nl"]
        entries[helper.slug] = CatalogueEntry(
            slug=helper.slug,
            title=text["title"],
            access=text["access"],
            costs=text["costs"],
            applies_to=frozenset(helper.applies_to),
            order=helper.order,
            min_age=helper.min_age,
            max_age=helper.max_age,
        )
    return entries


@pytest.fixture
def catalogue():
    return file_catalogue()
