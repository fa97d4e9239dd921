# The kennisbank for the tests of events on its pages (test_on_pages.py).
from werkwijzer.knowledge.testing import kennisbank, kennisbank_session  # noqa: F401
