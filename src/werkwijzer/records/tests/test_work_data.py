import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from werkwijzer.records.models import AuditEvent, WorkData

pytestmark = pytest.mark.django_db
URL = reverse("records:work_data")

VALID = {
    "occupation": "Leraar basisschool",
    "tasks": "Lesgeven",
    "physical_demands": "Veel staan",
    "mental_demands": "Veel prikkels",
    "hours_per_week": "32",
    "contract": "loondienst-vast",
    "employer_size": "50-249",
    "work_status": "gedeeltelijk",
    "sick_leave_start": "2025-02-03",
    "sick_leave_history": "",
    "work_ability": "6",
    "goals": "Terug naar mijn eigen klas",
}


def test_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_only_a_person_has_work_data(login, baco):
    assert login(baco).get(URL).status_code == 403


def test_person_saves_work_data_and_it_is_audited(login, person):
    client = login(person)
    response = client.post(URL, VALID)
    assert response.status_code == 302
    data = WorkData.objects.get(user=person)
    assert data.work_ability == 6
    assert data.sick_leave_start == dt.date(2025, 2, 3)
    event = AuditEvent.objects.get()
    assert (event.action, event.reason, event.subject_id) == ("create", "owner", person.pk)
    client.post(URL, {**VALID, "work_ability": "7"})
    assert AuditEvent.objects.order_by("-sequence").first().action == "update"


def test_reading_own_work_data_is_audited(login, person):
    client = login(person)
    client.post(URL, VALID)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Leraar basisschool" in response.content.decode()
    assert AuditEvent.objects.filter(action="read", subject=person).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_week", "81", "80"),
        ("hours_per_week", "-1", "0"),
        ("work_ability", "11", "0"),
        ("sick_leave_start", "future", "future"),
    ],
)
def test_invalid_input_shows_a_message_and_keeps_the_input(login, person, field, value, message):
    if value == "future":
        value = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    client = login(person)
    response = client.post(URL, {**VALID, field: value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    assert "utrecht-alert--error" in body
    assert message in body
    assert "Leraar basisschool" in body  # nothing typed is lost
    assert "Terug naar mijn eigen klas" in body
    assert not WorkData.objects.exists()
    assert not AuditEvent.objects.exists()


def test_dutch_messages_by_default(login, person):
    client = login(person)
    response = client.post(URL, {**VALID, "hours_per_week": "99"})
    assert "Vul" in response.content.decode() or "uur" in response.content.decode()


def test_fhir_download(login, person):
    client = login(person)
    client.post(URL, VALID)
    response = client.get(reverse("records:fhir"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert "attachment" in response["Content-Disposition"]
    assert b'"resourceType": "Bundle"' in response.content
    assert AuditEvent.objects.filter(action="export", subject=person).exists()


def test_choices_show_the_vocabulary_labels_in_dutch(login, person):
    body = login(person).get(URL).content.decode()
    assert "In loondienst met een tijdelijk contract" in body
    assert "Werkzoekend, zonder uitkering" in body
    assert "Gedeeltelijk" in body
