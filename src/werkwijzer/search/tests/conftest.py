import pytest

from werkwijzer.knowledge.testing import ensure_kennisbank, kennisbank_session  # noqa: F401
from werkwijzer.search.index import invalidate


@pytest.fixture
def kennisbank(kennisbank_session, db):  # noqa: F811 - the session fixture above
    """The seeded kennisbank and a lexicon built from it, not from another test's
    rolled-back articles (the content version number may come back after a rollback)."""
    ensure_kennisbank()
    invalidate()
