from __future__ import annotations

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.geo import KM_PER_DEGREE_LAT, haversine_km
from werkwijzer.directory.models import Postcode, Provider
from werkwijzer.directory.services import (
    SearchFilters,
    UnknownLocation,
    candidate_query,
    nearby,
    normalise_postcode,
    resolve_location,
    search,
)

pytestmark = pytest.mark.django_db


def at(km_east: float, **fields) -> Provider:
    """A provider `km_east` km east of the centre of PC4 3511 (Utrecht)."""
    centre = Postcode.objects.get(pc4="3511")
    km_per_degree = KM_PER_DEGREE_LAT * math.cos(math.radians(centre.lat))
    return ProviderFactory(lat=centre.lat, lon=centre.lon + km_east / km_per_degree, **fields)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("3511", "3511"), ("3511 ab", "3511"), (" 3511AB ", "3511"), ("351", None), ("abc", None)],
)
def test_normalise_postcode(raw, expected):
    assert normalise_postcode(raw) == expected


def test_resolve_pc4_pc6_and_place_names(postcodes):
    assert resolve_location("6525 AB").pc4 == "6525"
    assert resolve_location("6525").label == "6525 Nijmegen"
    assert resolve_location("Nijmegen").label == "Nijmegen"
    assert resolve_location("nijmegen ").label == "Nijmegen"
    assert resolve_location("Den Bosch").label == "'s-Hertogenbosch"
    assert resolve_location("Den Haag").label == "'s-Gravenhage"
    assert resolve_location("'s-Hertogenbosch").label == "'s-Hertogenbosch"


def test_unknown_postcode_suggests_the_nearest_existing_ones(postcodes):
    with pytest.raises(UnknownLocation) as caught:
        resolve_location("1234 AB")
    assert caught.value.suggestions
    assert all(abs(int(code) - 1234) < 30 for code in caught.value.suggestions)


def test_misspelt_place_gets_suggestions(postcodes):
    with pytest.raises(UnknownLocation) as caught:
        resolve_location("Nijmgen")
    assert "Nijmegen" in caught.value.suggestions


def test_empty_query_is_unknown_without_suggestions(postcodes):
    with pytest.raises(UnknownLocation) as caught:
        resolve_location("  ")
    assert caught.value.suggestions == []


def test_results_are_sorted_by_distance_and_limited_to_the_radius(postcodes):
    far, near, middle = at(20), at(2), at(9)
    at(60)  # outside 25 km
    result = search(resolve_location("3511"), radius_km=25)
    assert [hit.provider for hit in result.hits] == [near, middle, far]
    distances = [hit.distance_km for hit in result.hits]
    assert distances == sorted(distances)
    assert result.count == 3


def test_inactive_providers_are_not_found(postcodes):
    at(1, active=False)
    assert search(resolve_location("3511")).count == 0


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(kind="kag"), {"kag"}),
        (SearchFilters(language="ar"), {"arabic"}),
        (SearchFilters(specialisation="aya"), {"aya"}),
        (SearchFilters(self_referral=True), {"self"}),
        (SearchFilters(), {"kag", "arabic", "aya", "self", "plain"}),
    ],
)
def test_filters(postcodes, filters, expected):
    at(1, name="kag", kinds=["kag", "baco"], self_referral=False)
    at(2, name="arabic", languages=["nl", "ar"], self_referral=False)
    at(3, name="aya", specialisations=["aya", "zzp"], self_referral=False)
    at(4, name="self", self_referral=True)
    at(5, name="plain", self_referral=False)
    result = search(resolve_location("3511"), 25, filters)
    assert {hit.provider.name for hit in result.hits} == expected


def test_kind_filter_matches_whole_slugs_only(postcodes):
    at(1, kinds=["psycho-oncologisch-centrum"])
    assert search(resolve_location("3511"), 25, SearchFilters(kind="psycholoog")).count == 0


def test_pagination(postcodes):
    for km in range(45):
        at(km * 0.5)
    location = resolve_location("3511")
    first, third = search(location, 50, page=1), search(location, 50, page=3)
    assert (first.count, first.pages, len(first.hits), len(third.hits)) == (45, 3, 20, 5)
    assert first.has_next and not third.has_next and third.has_previous
    assert third.first_number == 41
    assert first.hits[-1].distance_km <= third.hits[0].distance_km
    assert search(location, 50, page=9).hits == []


def test_a_search_costs_two_queries(postcodes):
    for km in range(30):
        at(km)
    location = resolve_location("3511")
    with CaptureQueriesContext(connection) as queries:
        search(location, 50)
    assert len(queries) == 2  # candidates, then the page
    with CaptureQueriesContext(connection) as queries:
        search(location, 50, SearchFilters(kind="baco", language="nl"))
    assert len(queries) == 2


def test_nearby_contract(postcodes):
    near = at(3, kinds=["baco"], self_referral=True)
    at(10, kinds=["baco"])
    at(12, kinds=["baco"])
    at(14, kinds=["baco"])
    at(1, kinds=["psycholoog"])
    with CaptureQueriesContext(connection) as queries:
        found = nearby("baco", "3511 AB")
    # The directory's version (read on every use in the tests), the postcode, the search
    # rows, the providers found; then from the cache (tests/test_nearby_cache.py).
    assert len(queries) == 4
    assert len(found) == 3
    assert found[0] == {
        "id": near.pk,
        "name": near.name,
        "organisation": near.organisation,
        "kind": "baco",
        "distance_km": 3.0,
        "url": f"/verwijsgids/{near.pk}/",
        "self_referral": True,
        "demo": False,
        # How to reach them, for the plan's nearest provider (issue 15).
        "phone": near.phone,
        "email": near.email,
        "street": near.street,
        "postcode": near.postcode,
        "city": near.city,
    }
    assert [item["distance_km"] for item in found] == sorted(i["distance_km"] for i in found)
    assert len(nearby("baco", "3511", limit=1)) == 1
    assert nearby("baco", "3511", radius_km=2) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ("baco", "0000"),
        ("baco", ""),
        ("baco", None),
        ("baco", 3511),
        ("nonsense", "3511"),
        (None, "3511"),
        ("baco", "3511", "x"),
        ("baco", "3511", 0),
        ("baco", "3511", 3, "far"),
        ("baco", "3511", 3, -5),
        ("baco", "3511", 3, float("nan")),
    ],
)
def test_nearby_never_raises(postcodes, arguments):
    at(1)
    result = nearby(*arguments)
    assert isinstance(result, list)
    if arguments[1] == 3511:
        assert result  # a number is read as a postcode
    else:
        assert result == []


def test_database_order_and_radius_match_the_haversine(postcodes):
    """The SQL dot-product test must agree with the haversine distance, at the edge too."""
    location = resolve_location("3511")
    inside = at(24.95, kinds=["baco"])
    outside = at(25.05, kinds=["baco"])
    points = [at(km, kinds=["baco"]) for km in (13, 0.3, 7, 19.5)] + [inside]
    for filters in (SearchFilters(), SearchFilters(kind="baco")):
        rows = list(candidate_query(location, 25, filters))
        ids = [row[0] for row in rows]
        assert outside.pk not in ids
        expected = sorted(
            points, key=lambda p: haversine_km(location.lat, location.lon, p.lat, p.lon)
        )
        assert ids == [p.pk for p in expected]


def test_editing_a_provider_updates_the_search_rows(postcodes):
    provider = at(2, kinds=["baco"])
    location = resolve_location("3511")
    provider.kinds = ["psycholoog"]
    provider.save()
    assert search(location, 25, SearchFilters(kind="baco")).count == 0
    assert search(location, 25, SearchFilters(kind="psycholoog")).count == 1
    provider.active = False
    provider.save()
    assert search(location, 25, SearchFilters(kind="psycholoog")).count == 0


def test_tag_list_survives_dumpdata_and_loaddata(postcodes):
    from django.core import serializers

    provider = at(1, kinds=["kag", "baco"], languages=["nl", "ar"])
    dumped = serializers.serialize("json", [provider])
    Provider.objects.all().delete()
    for item in serializers.deserialize("json", dumped):
        item.save()
    restored = Provider.objects.get()
    assert restored.kinds == ["baco", "kag"] and restored.languages == ["ar", "nl"]
    assert search(resolve_location("3511"), 25, SearchFilters(kind="kag")).count == 1
