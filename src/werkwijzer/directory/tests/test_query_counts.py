"""SQL queries of the verwijsgids's pages (issue 16): a fixed small number."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries
from werkwijzer.directory.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def test_the_provider_page(client, django_assert_max_num_queries):
    provider = ProviderFactory(kinds=["baco", "psycholoog"])
    get_within_queries(client, django_assert_max_num_queries, provider.get_absolute_url(), 1)


def test_a_search_page(client, postcodes, django_assert_max_num_queries):
    for _ in range(30):
        ProviderFactory(kinds=["baco"], postcode="3511AB")
    # Whether any entry is listed, the postcode, one page of ids with the total, those
    # providers.
    found = {"q": "3511", "kind": "baco"}
    get_within_queries(client, django_assert_max_num_queries, "/verwijsgids/", 4, found)
