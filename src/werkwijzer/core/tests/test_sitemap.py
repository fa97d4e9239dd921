"""The site map lists the public pages, and every page it lists answers."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [
        url.removeprefix("http://testserver")
        for url in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]


def test_every_page_in_the_site_map_answers(client, helper_catalogue):
    paths = _locations(client)
    assert "/" in paths and "/wegwijzer/" in paths
    assert "/wie-kan-helpen/baco/" in paths
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_private_pages_stay_out_of_the_site_map(client, helper_catalogue):
    paths = _locations(client)
    assert not [p for p in paths if p.startswith(("/mijn-werkwijzer/", "/zorgpad/", "/beheer/"))]
    assert not [p for p in paths if "/antwoord/" in p]
    assert "/vraag-de-specialist/specialist/" not in paths  # the specialists' queue
