import pytest

from werkwijzer.knowledge.testing import ensure_kennisbank, kennisbank_session  # noqa: F401
from werkwijzer.search.index import invalidate


@pytest.fixture
def kennisbank(kennisbank_session, db):  # noqa: F811 - the session fixture above
    """The seeded kennisbank, and search's lexicon built from it (as search's tests do)."""
    ensure_kennisbank()
    invalidate()
