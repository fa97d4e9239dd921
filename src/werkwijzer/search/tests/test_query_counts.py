"""SQL queries of the search page (issue 16): a fixed small number."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries
from werkwijzer.directory.seeding import load_postcodes

pytestmark = pytest.mark.usefixtures("kennisbank", "helper_catalogue")


@pytest.mark.parametrize(("query", "most"), [("baco", 3), ("ziek melden bij mijn werkgever", 3)])
def test_the_search_page(client, django_assert_max_num_queries, query, most):
    get_within_queries(client, django_assert_max_num_queries, "/zoeken/", most, {"q": query})


def test_a_search_with_a_place(client, django_assert_max_num_queries):
    load_postcodes()
    get_within_queries(client, django_assert_max_num_queries, "/zoeken/", 4, {"q": "baco utrecht"})
