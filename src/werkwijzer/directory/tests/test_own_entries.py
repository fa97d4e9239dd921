"""Professionals keep their own entry; editors approve every change (issue 17 §3)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from werkwijzer.accounts.testing import PASSWORD, force_login_verified, make_user
from werkwijzer.directory import moderation
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import (
    Ownership,
    ProfessionalProfile,
    Proposal,
    Provider,
    ProviderChange,
)
from werkwijzer.directory.services import nearby

pytestmark = pytest.mark.django_db

OLD_CHECK = datetime.date.today() - datetime.timedelta(days=200)
SIGNUP = {
    "account_type": "person",
    "kind": "baco",
    "register": "big",
    "number": "1234 5678 901",
    "first_name": "Bram",
    "last_name": "Nieuwland",
    "organisation": "Praktijk Nieuwland",
    "email": "bram@praktijk.example",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


@pytest.fixture
def entry(postcodes) -> Provider:
    return ProviderFactory(
        name="Bram Nieuwland", kinds=["baco"], verified_on=OLD_CHECK, verified_by="Import"
    )


@pytest.fixture
def editor():
    return make_user("editor", is_staff=True, first_name="Lotte", last_name="Redactie")


@pytest.fixture
def baco():
    user = make_user("professional", first_name="Bram", email="bram@praktijk.example")
    ProfessionalProfile.objects.create(user=user, kind="baco", register="big", number="12345678901")
    return user


def decide(client, editor, proposal, **data):
    force_login_verified(client, editor)
    url = f"/beheer/directory/proposal/{proposal.pk}/change/"
    return client.post(url, {"reason": "", **data})


def owner_of(entry, user):
    return Ownership.objects.create(provider=entry, user=user)


# --- sign-up ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number": "1234567890"}, "number"),  # BIG: 11 digits
        ({"number": "1234567890a"}, "number"),
        ({"register": "kvk", "number": "12345678"}, "register"),  # a BACO is in BIG
        ({"kind": "re-integratiecoach", "register": "kvk", "number": "1234567"}, "number"),
        ({"kind": "ipso-centrum", "register": "kvk", "number": "12345678"}, "account_type"),
        ({"account_type": "organisation", "organisation": ""}, "organisation"),
    ],
)
def test_the_registration_number_is_checked_for_form(client, changes, field):
    response = client.post("/verwijsgids/aanmelden/", {**SIGNUP, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ProfessionalProfile.objects.exists()


@pytest.mark.parametrize(
    ("kind", "register", "number"),
    [
        ("kag", "big", "12345678901"),
        ("ergotherapeut", "agb", "12-34-56-78"),
        ("jobcoach", "kvk", "12345678"),
    ],
)
def test_each_profession_signs_up_with_its_register(client, kind, register, number):
    data = {**SIGNUP, "kind": kind, "register": register, "number": number}
    assert client.post("/verwijsgids/aanmelden/", data).status_code == 302
    assert ProfessionalProfile.objects.get().number == number.replace("-", "")


def test_sign_up_makes_a_professional_who_sets_up_the_second_factor(client):
    response = client.post("/verwijsgids/aanmelden/", SIGNUP)
    assert response.status_code == 302
    assert (
        response.url == "/inloggen/tweede-stap/instellen/?next=%2Fverwijsgids%2Fmijn-vermelding%2F"
    )
    profile = ProfessionalProfile.objects.select_related("user").get()
    assert profile.number == "12345678901" and profile.register == "big" and not profile.checked_at
    user = profile.user
    # The role asks for a second factor; the profession waits for an editor's check.
    assert user.role == "professional" and user.profession == "" and user.provider is None
    assert [m.to for m in mail.outbox] == [["bram@praktijk.example"]]
    page = client.get("/verwijsgids/mijn-vermelding/")
    assert page.status_code == 302 and page.url.startswith("/inloggen/tweede-stap/instellen/")


def test_an_existing_address_cannot_sign_up_again(client):
    make_user("person", email="bram@praktijk.example")
    response = client.post("/verwijsgids/aanmelden/", SIGNUP)
    assert "email" in response.context["form"].errors


# --- claim ------------------------------------------------------------------------------


def test_a_claim_goes_to_an_editor_who_makes_the_owner(client, entry, baco, editor):
    force_login_verified(client, baco)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert f"/verwijsgids/{entry.pk}/claimen/" in page
    response = client.post(f"/verwijsgids/{entry.pk}/claimen/", {"note": "Zie praktijk.example"})
    assert response.status_code == 302
    claim = Proposal.objects.get(kind="claim")
    assert claim.provider == entry and claim.is_pending
    assert not moderation.owns(baco, entry)
    assert client.get(f"/verwijsgids/{entry.pk}/wijzigen/").status_code == 403

    queue = client.get  # the editor's queue shows the registration number to look up
    force_login_verified(client, editor)
    detail = queue(f"/beheer/directory/proposal/{claim.pk}/change/").content.decode()
    assert "12345678901" in detail and "bigregister" in detail
    assert decide(client, editor, claim, decision="approve").status_code == 302

    assert moderation.owns(baco, entry)
    baco.refresh_from_db()
    assert baco.profession == "baco" and baco.provider == entry  # referrals reach them now
    assert ProfessionalProfile.objects.get(user=baco).checked_by == editor
    entry.refresh_from_db()
    assert entry.verified_on == OLD_CHECK  # a claim checks the owner, not the contents
    assert ProviderChange.objects.get(provider=entry).action == "owner"


# --- changes ----------------------------------------------------------------------------


def _form(entry: Provider, **changes) -> dict:
    values = moderation.entry_values(entry)
    data = {k: v for k, v in values.items() if not isinstance(v, bool) or v}
    return {**data, **changes}


def test_only_the_owner_changes_an_entry(client, entry, baco):
    other = make_user("professional", profession="baco")
    owner_of(entry, other)
    force_login_verified(client, baco)
    url = f"/verwijsgids/{entry.pk}/wijzigen/"
    assert client.get(url).status_code == 403
    assert client.post(url, _form(entry, name="Overgenomen")).status_code == 403
    assert not Proposal.objects.exists()
    force_login_verified(client, make_user("person"))
    assert client.get(url).status_code == 403
    with pytest.raises(PermissionDenied):
        moderation.submit_change(baco, entry, {"name": "x"}, "")


def test_a_change_waits_for_approval_and_then_shows_everywhere(client, entry, baco, editor):
    owner_of(entry, baco)
    force_login_verified(client, baco)
    url = f"/verwijsgids/{entry.pk}/wijzigen/"
    assert client.get(url).status_code == 200
    changed = _form(
        entry,
        name="Bram Nieuwland-Smit",
        consultation_hours="Maandag en donderdag",
        video_consults="on",
        payers=["werkgever", "aov-verzekeraar"],
        how_to_refer="Bel of mail, een verwijzing is niet nodig.",
    )
    assert client.post(url, changed).status_code == 302
    proposal = Proposal.objects.get(kind="change")
    entry.refresh_from_db()
    assert entry.name == "Bram Nieuwland"  # nothing changes before an editor approves
    assert nearby("baco", "3511")[0]["name"] == "Bram Nieuwland"

    force_login_verified(client, editor)
    queue = client.get(f"/beheer/directory/proposal/{proposal.pk}/change/").content.decode()
    assert "Bram Nieuwland-Smit" in queue and "Maandag en donderdag" in queue
    assert "De werkgever" in queue  # the payers, as labels
    mail.outbox.clear()
    assert decide(client, editor, proposal, decision="approve").status_code == 302

    entry.refresh_from_db()
    assert entry.name == "Bram Nieuwland-Smit" and entry.video_consults
    assert entry.payers == ["aov-verzekeraar", "werkgever"]
    assert entry.verified_on == timezone.localdate() and entry.verified_by == "Lotte Redactie"
    change = ProviderChange.objects.get(action="changed")
    assert change.changes["name"] == ["Bram Nieuwland", "Bram Nieuwland-Smit"]
    assert change.by == editor and change.proposal == proposal
    assert nearby("baco", "3511")[0]["name"] == "Bram Nieuwland-Smit"
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "Maandag en donderdag" in page and "Bel of mail" in page
    assert [m.to for m in mail.outbox] == [[baco.email]]


def test_a_change_sent_back_leaves_the_entry_and_says_why(client, entry, baco, editor):
    owner_of(entry, baco)
    proposal = moderation.submit_change(baco, entry, _form(entry, name="Dr. B."), "")
    assert decide(client, editor, proposal, decision="return").status_code == 200  # no reason
    response = decide(
        client, editor, proposal, decision="return", reason="Gebruik je volledige naam."
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    entry.refresh_from_db()
    assert proposal.status == "returned" and entry.name == "Bram Nieuwland"
    assert entry.verified_on == OLD_CHECK
    force_login_verified(client, baco)
    assert (
        "Gebruik je volledige naam." in client.get("/verwijsgids/mijn-vermelding/").content.decode()
    )


def test_a_second_edit_replaces_the_pending_one_and_no_change_sends_nothing(entry, baco):
    owner_of(entry, baco)
    assert moderation.submit_change(baco, entry, _form(entry), "") is None
    first = moderation.submit_change(baco, entry, _form(entry, phone="0123 000 111"), "")
    second = moderation.submit_change(baco, entry, _form(entry, phone="0123 000 222"), "")
    assert first.pk == second.pk and Proposal.objects.count() == 1
    assert second.data["phone"] == "0123 000 222"


def test_still_right_is_a_check_an_editor_approves(client, entry, baco, editor):
    owner_of(entry, baco)
    force_login_verified(client, baco)
    response = client.post(f"/verwijsgids/{entry.pk}/wijzigen/", {**_form(entry), "confirm": "1"})
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    decide(client, editor, proposal, decision="approve")
    entry.refresh_from_db()
    assert entry.verified_on == timezone.localdate()


def test_a_new_entry_is_created_on_approval(client, baco, editor, postcodes):
    force_login_verified(client, baco)
    data = {
        "name": "Bram Nieuwland",
        "kinds": ["baco"],
        "work_setting": "own-practice",
        "postcode": "6525ab",
        "languages": ["nl", "en"],
        "self_referral": "on",
    }
    bad = client.post("/verwijsgids/voorstellen/", {**data, "postcode": "0000"})
    assert "postcode" in bad.context["form"].errors
    assert client.post("/verwijsgids/voorstellen/", data).status_code == 302
    proposal = Proposal.objects.get(kind="new")
    assert not Provider.objects.exists()
    decide(client, editor, proposal, decision="approve")
    provider = Provider.objects.get()
    assert provider.postcode == "6525 AB" and provider.city == "Nijmegen"
    assert provider.self_referral and provider.languages == ["en", "nl"]
    assert moderation.owns(baco, provider)
    assert nearby("baco", "6525")[0]["id"] == provider.pk
    assert ProviderChange.objects.filter(provider=provider, action="created").exists()


def test_withdraw_only_own_pending_proposals(client, entry, baco):
    proposal = moderation.submit_claim(baco, entry, "")
    force_login_verified(client, make_user("professional", profession="kag"))
    assert client.post(f"/verwijsgids/voorstellen/{proposal.pk}/intrekken/").status_code == 404
    force_login_verified(client, baco)
    assert client.post(f"/verwijsgids/voorstellen/{proposal.pk}/intrekken/").status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn"


def test_an_editors_own_change_is_in_the_history(client, entry, editor):
    force_login_verified(client, editor)
    url = f"/beheer/directory/provider/{entry.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: form.initial.get(name) for name in form.fields if form.initial.get(name) is not None
    }
    for name in ("kinds", "languages", "specialisations", "payers"):
        data[name] = form.initial.get(name) or []
    data = {k: v for k, v in data.items() if v is not False}
    data["phone"] = "0123 999 999"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = ProviderChange.objects.get(provider=entry)
    assert change.changes["phone"][1] == "0123 999 999" and change.by == editor
