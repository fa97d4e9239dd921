"""SQL queries of the tijdlijn (issue 16): none, it is computed from the rules file."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries

pytestmark = pytest.mark.django_db

SITUATION = {"employment": "loondienst-vast", "sick_since": "2026-01-05"}


@pytest.mark.parametrize("data", [{}, SITUATION])
def test_the_timeline_page(client, django_assert_max_num_queries, data):
    get_within_queries(client, django_assert_max_num_queries, "/tijdlijn/", 0, data)
