"""SQL queries of the outcomes dashboard (issue 16): it reads the summary table, so a
fixed small number whatever the number of outcome rows."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("filters", [{}, {"province": "utrecht"}])
def test_the_dashboard(client, django_assert_max_num_queries, filters):
    get_within_queries(client, django_assert_max_num_queries, "/uitkomsten/dashboard/", 4, filters)
