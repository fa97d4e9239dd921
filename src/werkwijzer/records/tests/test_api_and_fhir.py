import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from werkwijzer.records import consents, fhir
from werkwijzer.records.models import AuditEvent, WorkData

pytestmark = pytest.mark.django_db


def _work_data(person):
    return WorkData.objects.create(
        user=person,
        occupation="Verpleegkundige",
        contract="loondienst-vast",
        work_status="gedeeltelijk",
        hours_per_week=24,
        sick_leave_start=dt.date(2025, 1, 6),
        work_ability=5,
    )


def test_bundle_is_valid_r4_with_codes(person):
    bundle = fhir.build_bundle(person, _work_data(person))
    parsed = Bundle.model_validate_json(bundle.model_dump_json())
    assert parsed.type == "collection"
    resources = [entry.resource for entry in parsed.entry]
    patient = resources[0]
    assert patient.__resource_type__ == "Patient"
    assert patient.name is None and patient.birthDate is None
    assert patient.identifier[0].value == str(person.pk)
    codes = {obs.code.coding[0].code for obs in resources[1:]}
    assert {"11341-5", "74165-2", "hours-per-week", "sick-leave-start", "work-ability"} <= codes
    text = bundle.model_dump_json()
    assert person.email not in text and "Anna" not in text


def test_bundle_without_work_data_has_only_the_patient(person):
    bundle = fhir.build_bundle(person, None)
    assert len(bundle.entry) == 1


def test_api_fhir_needs_login(client):
    response = client.get("/api/v1/records/me/fhir")
    assert response.status_code == 401
    assert "errors" in response.json()


def test_api_fhir_for_person(login, person):
    _work_data(person)
    response = login(person).get("/api/v1/records/me/fhir")
    assert response.status_code == 200
    assert json.loads(response.content)["resourceType"] == "Bundle"
    assert AuditEvent.objects.filter(action="export").count() == 1


def test_api_work_data_get_and_put(login, person):
    client = login(person)
    assert client.get("/api/v1/records/me/work-data").json()["occupation"] == ""
    response = client.put(
        "/api/v1/records/me/work-data",
        {"occupation": "Kok", "hours_per_week": 30, "work_ability": 8},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert client.get("/api/v1/records/me/work-data").json()["occupation"] == "Kok"


def test_api_put_validation_errors(login, person):
    response = login(person).put(
        "/api/v1/records/me/work-data",
        {"hours_per_week": 90, "work_ability": 12},
        content_type="application/json",
    )
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"hours_per_week", "work_ability"}


def test_api_consents(login, person, baco):
    consents.give(person, baco, "treating-advice")
    body = login(person).get("/api/v1/records/me/consents").json()
    assert body[0]["purpose"] == "treating-advice"
    assert body[0]["active"] is True


def test_api_refuses_other_roles(login, employer):
    response = login(employer).get("/api/v1/records/me/work-data")
    assert response.status_code == 403


def test_api_give_and_withdraw_consent(login, person, baco):
    client = login(person)
    response = client.post(
        "/api/v1/records/me/consents",
        {"purpose": "view-work-data", "recipient_email": baco.email},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    consent_id = response.json()["id"]
    assert consents.allows(person, baco, "view-work-data")
    response = client.delete(f"/api/v1/records/me/consents/{consent_id}")
    assert response.status_code == 200
    assert response.json()["active"] is False
    assert not consents.allows(person, baco, "view-work-data")


def test_api_give_consent_to_unknown_address(login, person):
    response = login(person).post(
        "/api/v1/records/me/consents",
        {"purpose": "view-work-data", "recipient_email": "niemand@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "recipient_email"


def test_api_cannot_withdraw_someone_elses_consent(login, person, other_person, baco):
    consent = consents.give(other_person, baco, "view-work-data")
    response = login(person).delete(f"/api/v1/records/me/consents/{consent.pk}")
    assert response.status_code == 404
    assert consents.allows(other_person, baco, "view-work-data")
