"""Bad input never becomes a stack trace: property tests over the entry points."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkwijzer.directory.services import nearby
from werkwijzer.directory.transfer import COLUMNS, import_records

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
cells = st.one_of(
    st.text(max_size=40), st.integers(), st.floats(), st.booleans(), st.none(), st.lists(st.text())
)


@SETTINGS
@given(postcode=st.text(max_size=80), radius=st.text(max_size=8), page=st.text(max_size=6))
def test_api_answers_200_or_422(client, postcodes, postcode, radius, page):
    params = {"postcode": postcode, "radius_km": radius, "page": page, "kind": "baco"}
    response = client.get("/api/v1/providers", params)
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert all({"field", "message"} == set(e) for e in response.json()["errors"])


@SETTINGS
@given(query=st.text(max_size=80), kind=st.text(max_size=20), radius=st.text(max_size=8))
def test_search_page_never_fails(client, postcodes, query, kind, radius):
    response = client.get("/verwijsgids/", {"q": query, "kind": kind, "radius_km": radius})
    assert response.status_code == 200


@SETTINGS
@given(
    kind=st.one_of(st.text(max_size=20), st.none(), st.integers()),
    postcode=st.one_of(st.text(max_size=20), st.none(), st.integers(), st.floats()),
    limit=st.one_of(st.integers(-5, 10**6), st.text(max_size=3), st.none()),
    radius=st.one_of(st.floats(allow_nan=True), st.text(max_size=3), st.none()),
)
def test_nearby_never_raises(postcodes, kind, postcode, limit, radius):
    assert isinstance(nearby(kind, postcode, limit, radius), list)


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(COLUMNS), cells), max_size=5))
def test_import_rejects_or_accepts_every_row(postcodes, records):
    report = import_records(enumerate(records, start=1))
    assert report.accepted + len(report.rejected) == len(records)
