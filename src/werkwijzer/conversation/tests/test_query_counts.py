"""SQL queries of the gesprekshulp (issue 16): none for a visitor."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries

pytestmark = pytest.mark.django_db


def test_the_conversation_page(client, django_assert_max_num_queries):
    get_within_queries(client, django_assert_max_num_queries, "/gesprekshulp/", 0)
