"""The zorgpad API: session auth, access, errors, and the employer schema."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from werkwijzer.care import services
from werkwijzer.care.models import Referral

QUESTION = "Ik kan mijn werk als kok niet meer volhouden."


def test_anonymous_gets_401_with_error_shape(client):
    response = client.get("/api/v1/referrals")
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"]


def test_person_creates_lists_and_withdraws(login, person, provider):
    client = login(person)
    response = client.post(
        "/api/v1/referrals",
        {"provider_id": provider.pk, "question": QUESTION},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "requested" and body["actions"] == ["withdraw"]
    assert [r["id"] for r in client.get("/api/v1/referrals").json()] == [body["id"]]
    assert client.get(f"/api/v1/referrals/{body['id']}").json()["question"] == QUESTION
    response = client.post(
        f"/api/v1/referrals/{body['id']}/transitions",
        {"action": "withdraw"},
        content_type="application/json",
    )
    assert response.json()["state"] == "withdrawn"


def test_bad_input_gets_dutch_message(login, person, provider):
    client = login(person)
    response = client.post(
        "/api/v1/referrals",
        {"provider_id": provider.pk, "question": " "},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "question", "message": "Schrijf je vraag in een paar woorden."}
    ]
    response = client.post(
        "/api/v1/referrals",
        {"provider_id": 99999, "question": "x"},
        content_type="application/json",
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "provider_id"


def test_professional_flow_and_loser_message(login, person, baco, colleague, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    client = login(baco)
    assert [r["id"] for r in client.get("/api/v1/referrals").json()] == [referral.pk]
    url = f"/api/v1/referrals/{referral.pk}/transitions"
    assert (
        client.post(url, {"action": "accept"}, content_type="application/json").status_code == 200
    )
    response = client.post(
        url,
        {
            "action": "plan-intake",
            "intake_date": (timezone.now() + dt.timedelta(days=3)).isoformat(),
        },
        content_type="application/json",
    )
    assert response.json()["state"] == "intake-planned"
    client = login(colleague)
    response = client.post(url, {"action": "accept"}, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["errors"][0]["message"] == (
        "Deze verwijzing is al geaccepteerd door een collega."
    )
    response = client.post(url, {"action": "jump"}, content_type="application/json")
    assert response.status_code == 422


def test_others_get_404_and_employer_403(login, person, outsider, employer, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    client = login(outsider)
    assert client.get(f"/api/v1/referrals/{referral.pk}").status_code == 404
    assert client.get("/api/v1/referrals").json() == []
    client = login(employer)
    assert client.get("/api/v1/referrals").status_code == 403
    assert client.get(f"/api/v1/referrals/{referral.pk}").status_code == 404


def test_employer_endpoints_return_only_report_fields(login, person, baco, employer, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    services.transition(baco, referral.pk, "accept")
    services.add_note(baco, referral.pk, "Notitie over behandeling")
    report = services.add_employer_report(
        baco,
        referral.pk,
        employer_email=employer.email,
        abilities="Kan staand werk 2 uur doen",
        limitations="Geen nachtdiensten",
        recommendations="Start met 3 dagen",
        valid_from=dt.date(2026, 12, 1),
    )
    client = login(employer)
    assert client.get("/api/v1/employer-reports").json() == []
    assert client.get(f"/api/v1/employer-reports/{report.pk}").status_code == 404
    services.get_employer_report(person, report.pk)  # read first, then released
    services.release_report(person, report.pk)
    reports = client.get("/api/v1/employer-reports").json()
    assert len(reports) == 1
    assert set(reports[0]) == {
        "id",
        "employee",
        "abilities",
        "limitations",
        "recommendations",
        "valid_from",
        "review_on",
        "created_at",
    }
    text = client.get(f"/api/v1/employer-reports/{report.pk}").content.decode()
    assert "behandeling" not in text and "kok" not in text
    # A person cannot use the employer endpoint
    assert login(person).get("/api/v1/employer-reports").status_code == 403
    assert Referral.objects.count() == 1


def test_openapi_documents_the_care_paths(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/referrals",
        "/api/v1/referrals/{referral_id}",
        "/api/v1/referrals/{referral_id}/transitions",
        "/api/v1/employer-reports",
    ):
        assert path in paths


def test_messages_follow_the_language(login, person, baco, colleague, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    services.transition(baco, referral.pk, "accept")
    client = login(colleague)
    response = client.post(
        f"/api/v1/referrals/{referral.pk}/transitions",
        {"action": "accept"},
        content_type="application/json",
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["message"] == (
        "This referral has already been accepted by a colleague."
    )
