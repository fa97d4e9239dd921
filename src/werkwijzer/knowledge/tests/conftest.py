from werkwijzer.knowledge.testing import kennisbank, kennisbank_session  # noqa: F401
