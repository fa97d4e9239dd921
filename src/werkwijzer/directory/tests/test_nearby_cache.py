"""nearby_for_kinds: every kind of a plan in one query, kept in the shared cache per kind
and postcode area until a provider changes (the directory's content version)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.models import ContentVersion
from werkwijzer.core.versions import DIRECTORY
from werkwijzer.directory.models import Provider, months_before
from werkwijzer.directory.services import nearby, nearby_for_kinds
from werkwijzer.directory.tests.test_search import at

pytestmark = pytest.mark.django_db

KINDS = ["baco", "psycholoog", "jobcoach", "re-integratiecoach"]


def names(found: dict[str, list[dict]]) -> dict[str, list[str]]:
    return {kind: [hit["name"] for hit in hits] for kind, hits in found.items()}


def test_all_kinds_at_once_give_what_each_kind_gives_alone(postcodes):
    for km in range(1, 6):
        at(km, kinds=["baco"], name=f"Baco {km}")
        at(km + 0.5, kinds=["psycholoog", "jobcoach"], name=f"Psy {km}")
    at(60, kinds=["re-integratiecoach"], name="Te ver")  # outside 50 km
    together = nearby_for_kinds(KINDS, "3511 AB")
    assert names(together) == {
        "baco": ["Baco 1", "Baco 2", "Baco 3"],
        "psycholoog": ["Psy 1", "Psy 2", "Psy 3"],
        "jobcoach": ["Psy 1", "Psy 2", "Psy 3"],
        "re-integratiecoach": [],
    }
    assert together["jobcoach"][0]["kind"] == "jobcoach"
    assert together["baco"][0]["distance_km"] == 1.0
    for kind in KINDS:
        assert nearby(kind, "3511") == together[kind]


def test_one_location_lookup_and_one_query_for_every_kind_then_the_cache(postcodes):
    at(1, kinds=KINDS)
    with CaptureQueriesContext(connection) as first:
        nearby_for_kinds(KINDS, "3511")
    # The directory's version (read on every use in the tests, at most once a second in
    # production), the postcode, the search rows of all kinds, the providers found.
    assert len(first) == 4
    assert sum("directory_postcode" in query["sql"] for query in first) == 1
    with CaptureQueriesContext(connection) as again:
        found = nearby_for_kinds(KINDS, "3511 ZZ")  # another PC6 of the same area
    assert len(again) == 1  # the version only
    assert all(len(hits) == 1 for hits in found.values())


def test_only_the_kinds_not_cached_are_asked(postcodes):
    at(1, kinds=KINDS, name="Overal")
    nearby_for_kinds(["baco"], "3511")
    with CaptureQueriesContext(connection) as queries:
        found = nearby_for_kinds(KINDS, "3511")
    rows_query = next(query["sql"] for query in queries if "UNION ALL" in query["sql"])
    assert rows_query.count("UNION ALL") == len(KINDS) - 2
    assert names(found)["baco"] == ["Overal"]


def test_a_saved_provider_shows_at_once(postcodes):
    at(10, kinds=["baco"], name="Ver weg")
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": ["Ver weg"]}
    at(2, kinds=["baco"], name="Dichtbij")
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": ["Dichtbij", "Ver weg"]}


def test_a_changed_or_deleted_provider_goes_at_once(postcodes):
    near = at(2, kinds=["baco"], name="Dichtbij")
    at(10, kinds=["baco"], name="Ver weg")
    nearby_for_kinds(["baco"], "3511")
    near.name = "Nieuwe naam"
    near.save()
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": ["Nieuwe naam", "Ver weg"]}
    near.kinds = ["psycholoog"]
    near.save()
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": ["Ver weg"]}
    Provider.objects.get(name="Ver weg").delete()
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": []}


def test_verifying_in_the_admin_brings_an_entry_back_into_the_plan(client, postcodes):
    old = at(1, kinds=["baco"], verified_on=months_before(18) - dt.timedelta(days=1))
    assert nearby_for_kinds(["baco"], "3511") == {"baco": []}
    force_login_verified(client, make_user("editor", is_staff=True))
    response = client.post(
        "/beheer/directory/provider/",
        {"action": "mark_verified", "_selected_action": [old.pk]},
    )
    assert response.status_code == 302
    assert [hit["id"] for hit in nearby_for_kinds(["baco"], "3511")["baco"]] == [old.pk]


def test_a_change_on_another_server_shows_when_its_version_arrives(postcodes):
    provider = at(1, kinds=["baco"], name="Eerst")
    nearby_for_kinds(["baco"], "3511")
    # Another server saves: the row changes and the version moves, no signal runs here.
    Provider.objects.filter(pk=provider.pk).update(name="Daarna")
    ContentVersion.objects.filter(key=DIRECTORY).update(number=F("number") + 1)
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": ["Daarna"]}


def test_a_place_name_is_cached_too_and_bad_input_gives_empty_lists(postcodes):
    at(1, kinds=["baco"])
    assert len(nearby_for_kinds(["baco"], "Utrecht")["baco"]) == 1
    with CaptureQueriesContext(connection) as queries:
        nearby_for_kinds(["baco"], "utrecht ")
    assert len(queries) == 1
    assert nearby_for_kinds(["baco", "onzin"], "0000") == {"baco": [], "onzin": []}
    assert nearby_for_kinds(["baco"], "3511", limit=0) == {"baco": []}
    assert nearby_for_kinds([], "3511") == {}


def test_a_cache_that_does_not_answer_leaves_the_database_to_answer(settings, postcodes):
    at(1, kinds=["baco"], name="Toch gevonden")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    assert names(nearby_for_kinds(["baco"], "3511")) == {"baco": ["Toch gevonden"]}
