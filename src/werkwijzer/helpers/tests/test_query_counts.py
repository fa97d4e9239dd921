"""SQL queries of the helper pages (issue 16): a fixed small number."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries

pytestmark = pytest.mark.usefixtures("helper_catalogue")


@pytest.mark.parametrize(("url", "most"), [("/wie-kan-helpen/", 2), ("/wie-kan-helpen/baco/", 5)])
def test_helper_pages(client, django_assert_max_num_queries, url, most):
    get_within_queries(client, django_assert_max_num_queries, url, most)
