"""SQL queries of Mijn Werkwijzer's overview (issue 16): a fixed small number."""

from __future__ import annotations

import pytest

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.testing import get_within_queries

pytestmark = pytest.mark.django_db


def test_the_overview(client, django_assert_max_num_queries):
    force_login_verified(client, make_user("person"))
    # Session and user, then one query per section: saved plans, work data, consents,
    # the audit count, referrals, advice.
    get_within_queries(client, django_assert_max_num_queries, "/mijn-werkwijzer/", 8)
