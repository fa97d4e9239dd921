"""The public address (WERKWIJZER_SITE_URL) and its system check."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from werkwijzer.core.checks import site_url_configured
from werkwijzer.core.site import absolute_url, site_domain, site_url


def test_paths_become_public_addresses(settings):
    settings.WERKWIJZER_SITE_URL = "https://werkwijzer.example.nl"
    assert site_url() == "https://werkwijzer.example.nl/"
    assert absolute_url("/verwijsgids/12/") == "https://werkwijzer.example.nl/verwijsgids/12/"
    assert site_domain() == "werkwijzer.example.nl"
    assert site_url_configured() == []


@pytest.mark.parametrize("value", ["", "werkwijzer.nl", "ftp://werkwijzer.nl", "https://"])
def test_no_or_a_half_address_is_refused(settings, value):
    settings.WERKWIJZER_SITE_URL = value
    with pytest.raises(ImproperlyConfigured, match="WERKWIJZER_SITE_URL"):
        site_url()
    assert [error.id for error in site_url_configured()] == ["core.E001"]


def test_production_has_no_default(monkeypatch):
    import importlib

    monkeypatch.delenv("WERKWIJZER_SITE_URL", raising=False)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    production = importlib.import_module("werkwijzer.settings.production")
    assert importlib.reload(production).WERKWIJZER_SITE_URL == ""
