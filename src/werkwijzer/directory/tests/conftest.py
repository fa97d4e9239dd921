from __future__ import annotations

import pytest

from werkwijzer.directory.seeding import load_postcodes


@pytest.fixture
def postcodes(db) -> None:
    """The full PC4 table, as `werkwijzer seed` loads it."""
    load_postcodes()
