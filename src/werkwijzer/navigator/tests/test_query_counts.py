"""SQL queries of a plan (issue 16): none for the plan itself, and with a postcode one
location lookup and one query for the nearby providers of every helper, or none when the
shared cache has them (directory.services.nearby_for_kinds)."""

from __future__ import annotations

import json

import pytest

from werkwijzer.core.seeding import seed_all
from werkwijzer.navigator.tests.test_api import SITUATION

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(helper_catalogue):
    seed_all(only={"directory"})


def post_plan(client, situation: dict):
    body = json.dumps(situation)
    response = client.post("/api/v1/plan", data=body, content_type="application/json")
    assert response.status_code == 200
    return response.json()


def test_a_plan_without_postcode_asks_only_the_content_version(
    client, helper_catalogue, django_assert_max_num_queries
):
    post_plan(client, SITUATION)  # the catalogue is loaded once per process
    # The content version is read on every use in the tests (once a second in production).
    with django_assert_max_num_queries(1):
        post_plan(client, {**SITUATION, "age": 50})


def test_a_plan_with_a_postcode_asks_once_for_every_helper(
    client, directory, django_assert_max_num_queries
):
    post_plan(client, SITUATION)
    # The two content versions, the postcode, the search rows of every helper (one
    # UNION ALL), the providers found: was 16 (three queries for each helper).
    with django_assert_max_num_queries(5) as queries:
        plan = post_plan(client, {**SITUATION, "postcode": "6525 GA"})
    assert sum("directory_postcode" in query["sql"] for query in queries) == 1
    assert any(helper["nearby"] for helper in plan["helpers"])
    # Another plan in the same PC4 area: the nearby providers come from the shared cache.
    with django_assert_max_num_queries(2):
        again = post_plan(client, {**SITUATION, "postcode": "6525 XY", "age": 50})
    baco = next(helper for helper in again["helpers"] if helper["slug"] == "baco")
    assert baco["nearby"] == next(h for h in plan["helpers"] if h["slug"] == "baco")["nearby"]


def test_the_plan_page_with_a_postcode(client, directory, django_assert_max_num_queries):
    client.post("/wegwijzer/plan/", SITUATION)
    # The plan's five, and the session (read; the persona written back in a savepoint),
    # and the content version of the plan's article links (issue 15; in the tests only:
    # elsewhere it is read at most once per WERKWIJZER_CONTENT_CHECK_SECONDS), and the
    # coming events about the plan's topics (issue 21).
    with django_assert_max_num_queries(11):
        response = client.post("/wegwijzer/plan/", {**SITUATION, "postcode": "6525"})
    assert response.status_code == 200
