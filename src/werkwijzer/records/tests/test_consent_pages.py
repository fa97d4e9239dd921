import pytest
from django.urls import reverse

from werkwijzer.records import consents
from werkwijzer.records.models import AuditEvent, Consent, WorkData

pytestmark = pytest.mark.django_db
URL = reverse("records:consents")


def test_give_consent_by_email(login, person, baco):
    client = login(person)
    response = client.post(URL, {"purpose": "view-work-data", "email": baco.email.upper()})
    assert response.status_code == 302
    assert consents.allows(person, baco, "view-work-data")
    page = client.get(URL).content.decode()
    assert "Bas Jansen" in page


def test_unknown_email_or_wrong_role_gives_a_clear_message(login, person, employer):
    client = login(person)
    for email, purpose in (
        ("nobody@example.org", "view-work-data"),
        (employer.email, "view-work-data"),  # an employer never sees work data
    ):
        response = client.post(URL, {"purpose": purpose, "email": email})
        assert response.status_code == 200
        assert "utrecht-alert--error" in response.content.decode()
    assert not Consent.objects.exists()


def test_no_consent_for_every_employer_report(login, person, employer):
    """Each employer report is released on its own, on the report (issue 18): the
    consents page no longer offers a consent that would cover every report."""
    response = login(person).post(URL, {"purpose": "employer-report", "email": employer.email})
    assert response.status_code == 200
    assert "utrecht-alert--error" in response.content.decode()
    assert not Consent.objects.exists()


def test_withdraw_takes_effect_at_once(login, client, person, baco):
    consent = consents.give(person, baco, "view-work-data")
    WorkData.objects.create(user=person, occupation="Kok")
    login(baco)
    assert client.get(reverse("records:shared_detail", args=[consent.pk])).status_code == 200
    login(person)
    response = client.post(reverse("records:consent_withdraw"), {"consent": consent.pk})
    assert response.status_code == 302
    login(baco)
    assert client.get(reverse("records:shared_detail", args=[consent.pk])).status_code == 404
    assert not consents.allows(person, baco, "view-work-data")


def test_cannot_withdraw_someone_elses_consent(login, person, other_person, baco):
    consent = consents.give(other_person, baco, "view-work-data")
    response = login(person).post(reverse("records:consent_withdraw"), {"consent": consent.pk})
    assert response.status_code == 404
    assert consents.allows(other_person, baco, "view-work-data")
    assert (
        login(person).post(reverse("records:consent_withdraw"), {"consent": "x"}).status_code == 404
    )


def test_professional_read_is_in_the_persons_access_log(login, client, person, baco):
    consent = consents.give(person, baco, "view-work-data")
    WorkData.objects.create(user=person, occupation="Kok")
    login(baco)
    page = client.get(reverse("records:shared_detail", args=[consent.pk])).content.decode()
    assert "Kok" in page
    event = AuditEvent.objects.filter(actor=baco).get()
    assert event.reason == f"consent:{consent.pk}"
    login(person)
    log = client.get(reverse("records:access_log"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Bas Jansen" in log
    assert "Arbodienst Oost" in log


def test_research_consent_toggle(login, person):
    client = login(person)
    client.post(reverse("records:research_consent"), {"research": "yes"})
    assert consents.allows(person, None, "research")
    client.post(reverse("records:research_consent"), {"research": "no"})
    assert not consents.allows(person, None, "research")


def test_empty_states(login, person):
    client = login(person)
    assert client.get(URL).status_code == 200
    log = client.get(reverse("records:access_log"))
    assert log.status_code == 200
    overview = client.get(reverse("records:overview"))
    assert overview.status_code == 200
    assert reverse("records:work_data") in overview.content.decode()
