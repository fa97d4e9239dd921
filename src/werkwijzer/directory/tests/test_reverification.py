"""Re-verification: the yearly reminder, out of the plan at 18 months, hidden at 24."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.directory import moderation
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import (
    Ownership,
    Postcode,
    Provider,
    ProviderKindLocation,
    months_before,
)
from werkwijzer.directory.services import nearby
from werkwijzer.directory.tasks import remind_verification

pytestmark = pytest.mark.django_db


def aged(months: int, **fields) -> Provider:
    centre = Postcode.objects.get(pc4="3511")
    checked = months_before(months) - dt.timedelta(days=1)
    return ProviderFactory(lat=centre.lat, lon=centre.lon, verified_on=checked, **fields)


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (dt.date(2026, 12, 3), 18, dt.date(2025, 6, 3)),
        (dt.date(2026, 12, 3), 24, dt.date(2024, 12, 3)),
        (dt.date(2026, 8, 31), 18, dt.date(2025, 2, 28)),
        (dt.date(2028, 2, 29), 24, dt.date(2026, 2, 28)),
        (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),
    ],
)
def test_months_before(today, months, expected):
    assert months_before(months, today) == expected


def test_18_months_is_marked_and_left_out_of_the_plan(client, postcodes):
    fresh = aged(2, name="Vers Verzinsma")
    old = aged(18, name="Oud Verzinsma")
    assert [hit["name"] for hit in nearby("baco", "3511")] == ["Vers Verzinsma"]
    page = client.get("/verwijsgids/", {"q": "3511", "radius_km": "5"}).content.decode()
    assert "Vers Verzinsma" in page and "Oud Verzinsma" in page
    assert page.count("Niet gecontroleerd in meer dan 18 maanden") == 1
    detail = client.get(old.get_absolute_url()).content.decode()
    assert "meer dan 18 maanden geleden" in detail and "persoonlijke plannen" in detail
    body = client.get("/api/v1/providers", {"postcode": "3511", "kind": "baco"}).json()
    assert {r["name"]: r["out_of_plan"] for r in body["results"]} == {
        "Vers Verzinsma": False,
        "Oud Verzinsma": True,
    }
    assert not fresh.is_out_of_plan and old.is_out_of_plan and not old.is_hidden


def test_24_months_is_hidden_until_verified(client, postcodes):
    old = aged(24, name="Vergeten Verzinsma", kinds=["baco"])
    assert old.is_hidden
    page = client.get("/verwijsgids/", {"q": "3511"}).content.decode()
    assert "Vergeten Verzinsma" not in page
    assert "De verwijsgids is nog leeg" in page  # nothing a visitor can see
    for url in (old.get_absolute_url(), f"{old.get_absolute_url()}folder.pdf"):
        assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/providers/{old.pk}").status_code == 404
    assert client.get("/api/v1/providers", {"postcode": "3511"}).json()["count"] == 0
    assert (
        client.get("/api/v1/providers", {"postcode": "3511", "kind": "baco"}).json()["count"] == 0
    )

    # The owner still reaches it, and an approved check brings it back.
    owner = make_user("professional", profession="baco")
    Ownership.objects.create(provider=old, user=owner)
    force_login_verified(client, owner)
    assert client.get(f"/verwijsgids/{old.pk}/wijzigen/").status_code == 200
    proposal = moderation.submit_change(owner, old, moderation.entry_values(old), "", confirm=True)
    moderation.approve(proposal, make_user("editor"))
    old.refresh_from_db()
    assert old.checked_on == timezone.localdate() and not old.is_hidden
    assert [hit["name"] for hit in nearby("baco", "3511")] == ["Vergeten Verzinsma"]


def test_a_never_verified_entry_ages_from_its_listing(postcodes):
    new = ProviderFactory(verified_on=None)
    assert new.checked_on == timezone.localdate()
    assert ProviderKindLocation.objects.get(provider=new).checked_on == new.checked_on


def test_mark_verified_in_the_admin_brings_an_entry_back(client, postcodes):
    old = aged(25, name="Terug Verzinsma")
    editor = make_user("editor", is_staff=True, first_name="Lotte")
    force_login_verified(client, editor)
    response = client.post(
        "/beheer/directory/provider/",
        {"action": "mark_verified", "_selected_action": [old.pk]},
    )
    assert response.status_code == 302
    assert [hit["name"] for hit in nearby("baco", "3511")] == ["Terug Verzinsma"]
    old.refresh_from_db()
    assert old.history.get().action == "verified"
    assert client.get("/beheer/directory/provider/?verification=hidden").status_code == 200


def test_the_yearly_reminder_goes_to_the_owner_with_the_edit_link(postcodes):
    owned = aged(13, name="Eigen Verzinsma", email="praktijk@verzinsel.example")
    owner = make_user("professional", email="bram@praktijk.example")
    Ownership.objects.create(provider=owned, user=owner)
    loose = aged(13, name="Los Verzinsma", email="los@verzinsel.example")
    assert remind_verification.call() == 2
    sent = {tuple(message.to): message.body for message in mail.outbox}
    assert f"/verwijsgids/{owned.pk}/wijzigen/" in sent[("bram@praktijk.example",)]
    assert "18 maanden" in sent[("bram@praktijk.example",)]
    assert loose.get_absolute_url() in sent[("los@verzinsel.example",)]
    assert ("praktijk@verzinsel.example",) not in sent
