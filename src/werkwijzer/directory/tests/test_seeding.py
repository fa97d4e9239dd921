from __future__ import annotations

import pytest

from werkwijzer.core.seeding import SeedContext
from werkwijzer.directory.models import Postcode, Provider
from werkwijzer.directory.seeding import (
    DEMO_COUNT,
    FIRST_NAMES,
    SURNAMES,
    generate_providers,
    postcode_areas,
    seed,
)

pytestmark = pytest.mark.django_db


def run_seed() -> None:
    seed(SeedContext(content_dir=None, write=lambda line: None))


def test_seed_loads_postcodes_and_fictional_providers_idempotently():
    run_seed()
    first = list(Provider.objects.order_by("external_id").values())
    run_seed()
    assert list(Provider.objects.order_by("external_id").values()) == first
    assert Postcode.objects.count() == 4082
    assert Provider.objects.count() == DEMO_COUNT >= 300


def test_demo_data_is_deterministic_and_spread_over_the_country(postcodes):
    areas = postcode_areas()
    first = list(generate_providers(DEMO_COUNT, areas))
    assert first == list(generate_providers(DEMO_COUNT, areas))
    latitudes = [record["lat"] for record in first]
    longitudes = [record["lon"] for record in first]
    assert min(latitudes) < 51.2 and max(latitudes) > 53.0  # Limburg to Groningen
    assert min(longitudes) < 4.0 and max(longitudes) > 6.6  # Zeeland to Twente
    kinds = {kind for record in first for kind in record["kinds"]}
    assert {"baco", "kag", "re-integratiecoach", "fysiotherapeut-oncologie"} <= kinds
    assert {"psycho-oncologisch-centrum", "ipso-centrum", "ergotherapeut", "psycholoog"} <= kinds


def test_demo_names_and_contacts_are_invented(postcodes):
    for record in generate_providers(DEMO_COUNT, postcode_areas()):
        assert any(surname in record["name"] for surname in SURNAMES) or not any(
            record["name"].startswith(first + " ") for first in FIRST_NAMES
        )
        assert record["email"].endswith(".example") and record["website"].endswith(".example")
        assert record["phone"].startswith("0123 ")
        if "ziekenhuis" in record["organisation"].lower():
            assert record["organisation"].startswith("Demoziekenhuis")
