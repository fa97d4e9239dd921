"""Every zorgpad URL and API endpoint × every role, on someone else's objects: no access.

The objects belong to a person and a BACO; the visitors below have no referral, no
consent and no report of their own, and guess the ids.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from werkwijzer.accounts.testing import make_user
from werkwijzer.care import services

ROLES = ["anonymous", "person", "naaste", "employer", "professional", "editor", "expert",
         "privacy_officer"]  # fmt: skip


@pytest.fixture
def objects(person, baco, provider, employer):
    referral = services.create_referral(actor=person, provider=provider, question="Vraag X")
    services.transition(baco, referral.pk, "accept")
    services.transition(baco, referral.pk, "plan-intake", intake_date=timezone.now())
    services.transition(baco, referral.pk, "start-consultations")
    advice = services.add_person_advice(baco, referral.pk, "Advies Y")
    report = services.add_employer_report(
        baco, referral.pk, employer_email=employer.email, abilities="A", limitations="L",
        recommendations="R", valid_from=dt.date(2026, 12, 1),
    )  # fmt: skip
    return {"referral": referral.pk, "advice": advice.pk, "report": report.pk}


def _pages(ids):
    r, a, e = ids["referral"], ids["advice"], ids["report"]
    return [
        ("get", reverse("care:referral", args=[r])),
        ("get", reverse("care:advice_pdf", args=[a])),
        ("get", reverse("care:employer_report", args=[e])),
        ("get", reverse("care:report_pdf", args=[e])),
        ("post", reverse("care:step", args=[r, "give-advice"])),
        ("post", reverse("care:step", args=[r, "withdraw"])),
        ("post", reverse("care:confirm", args=[r])),
        ("post", reverse("care:add_note", args=[r])),
        ("post", reverse("care:add_advice", args=[r])),
        ("post", reverse("care:add_report", args=[r])),
        ("post", reverse("care:add_treating", args=[r])),
        ("post", reverse("care:share_report", args=[e])),
        ("get", f"/api/v1/referrals/{r}"),
        ("post", f"/api/v1/referrals/{r}/transitions"),
        ("post", f"/api/v1/referrals/{r}/confirm"),
        ("get", f"/api/v1/employer-reports/{e}"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_no_access_to_someone_elses_zorgpad(client, login, objects, role, other_provider):
    from werkwijzer.care.models import EmployerReport, Referral

    if role != "anonymous":
        fields = (
            {"provider": other_provider, "profession": "baco"} if role == "professional" else {}
        )
        client = login(make_user(role, **fields))
    before = Referral.objects.get(pk=objects["referral"])
    for method, url in _pages(objects):
        if url.startswith("/api/"):
            body = {"action": "give-advice"} if "transitions" in url else {}
            response = getattr(client, method)(url, body, content_type="application/json")
            allowed = {401, 403, 404}
        else:
            data = {"note-text": "x", "advice-text": "x", "share": "yes"}
            response = getattr(client, method)(url, data) if method == "post" else client.get(url)
            allowed = {302, 403, 404} if role == "anonymous" else {403, 404}
        assert response.status_code in allowed, (role, method, url, response.status_code)
        assert b"Vraag X" not in response.content and b"Advies Y" not in response.content
    after = Referral.objects.get(pk=objects["referral"])
    assert after.state == before.state == "consultations"
    assert after.notes.count() == 0 and after.advice.count() == 1
    assert not services.is_released(EmployerReport.objects.get(pk=objects["report"]))


@pytest.mark.parametrize("role", ROLES)
def test_lists_show_nothing_of_others(client, login, objects, role):
    if role != "anonymous":
        client = login(make_user(role))
    for url in (reverse("care:my_referrals"), reverse("care:worklist"),
                reverse("care:employer_reports")):  # fmt: skip
        response = client.get(url)
        assert response.status_code in (200, 302, 403)
        assert b"Vraag X" not in response.content
        assert reverse("care:referral", args=[objects["referral"]]).encode() not in response.content
    for url in ("/api/v1/referrals", "/api/v1/employer-reports"):
        response = client.get(url)
        assert response.status_code in (200, 401, 403)
        if response.status_code == 200:
            assert response.json() == []


def test_mijn_werkwijzer_shows_pending_confirmation(login, person, outsider, provider):
    referral = services.create_referral(
        actor=outsider, provider=provider, question="Namens jou", person_email=person.email
    )
    page = login(person).get(reverse("records:overview")).content.decode()
    assert "Je verwijzingen en adviezen" in page
    assert reverse("care:confirm", args=[referral.pk]) in page
