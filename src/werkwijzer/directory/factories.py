"""Test data for the verwijsgids (factory_boy)."""

from __future__ import annotations

import datetime

import factory

from werkwijzer.directory.models import Provider


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    external_id = factory.Sequence(lambda n: f"test-{n:05d}")
    name = factory.Sequence(lambda n: f"Proef Verzinsma {n}")
    organisation = "Testpraktijk"
    kinds = factory.LazyFunction(lambda: ["baco"])
    work_setting = "own-practice"
    street = "Voorbeeldstraat 1"
    postcode = "3511 AB"
    city = "Utrecht"
    lat = 52.0907
    lon = 5.1214
    languages = factory.LazyFunction(lambda: ["nl"])
    specialisations = factory.LazyFunction(list)
    self_referral = True
    verified_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    verified_by = "Redactie"
    active = True
