"""SQL queries of the home page (issue 16): none for a visitor."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries

pytestmark = pytest.mark.django_db


def test_the_home_page(client, django_assert_max_num_queries):
    get_within_queries(client, django_assert_max_num_queries, "/", 0)
