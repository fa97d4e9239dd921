"""An employer asks for a BACO/KAG for an employee (issue 18): the employee decides first,
the employer only ever learns the status, never the question or a step of the care, and
nothing at all before the employee answers: not even whether the address has a person
account (the same answer for every address, the waiting request not listed)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from werkwijzer.accounts.testing import make_user
from werkwijzer.care import services
from werkwijzer.care.models import Referral
from werkwijzer.care.workflow import RequestStatus
from werkwijzer.core.errors import AccessDenied, Invalid, NotFound
from werkwijzer.records.models import AuditEvent

WHY = "Zzwhy Sanne is vaak moe en twijfelt of ze haar uren kan opbouwen."


def ask(employer, person, provider) -> Referral:
    services.ask_for_employee(
        employer=employer, provider=provider, question=WHY, employee_email=person.email
    )
    return Referral.objects.filter(created_by=employer, person=person).latest("pk")


def asked_and_agreed(employer, person, provider) -> Referral:
    referral = ask(employer, person, provider)
    return services.confirm(person, referral.pk)


def statuses(employer) -> list[RequestStatus]:
    return [row.status for row in services.requests_by_employer(employer)]


# --- services ---------------------------------------------------------------------------


def test_employer_asks_and_the_pool_sees_nothing_before_the_employee_agrees(
    employer, person, baco, colleague, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = ask(employer, person, provider)
    assert referral.person == person and referral.created_by == employer
    assert referral.by_employer and not referral.by_professional and not referral.is_confirmed
    # Only the employee is mailed; the BACO/KAG hears nothing yet.
    assert [m.to for m in mail.outbox] == [[person.email]]
    for professional in (baco, colleague):
        assert list(services.worklist(professional)) == []
        with pytest.raises(NotFound):
            services.get_referral(professional, referral.pk)
        with pytest.raises(NotFound):
            services.transition(professional, referral.pk, "accept")
    event = AuditEvent.objects.get(action="create", resource=f"care.Referral:{referral.pk}")
    assert event.reason == "employer-request" and event.on_behalf_of_id == person.pk
    # Waiting: the employer's list does not show it (it would say the account exists).
    assert statuses(employer) == []


def test_status_after_the_employee_agrees_and_the_care_goes_on(employer, person, baco, provider):
    referral = ask(employer, person, provider)
    services.confirm(person, referral.pk)
    assert [r.pk for r in services.worklist(baco)] == [referral.pk]
    assert statuses(employer) == [RequestStatus.AGREED]
    services.transition(baco, referral.pk, "accept")
    services.transition(baco, referral.pk, "plan-intake", intake_date=timezone.now())
    services.transition(baco, referral.pk, "start-consultations")
    services.add_note(baco, referral.pk, "Zznote slaapt slecht")
    assert statuses(employer) == [RequestStatus.AGREED]  # no care step shows
    services.transition(baco, referral.pk, "give-advice")
    services.transition(baco, referral.pk, "close")
    [row] = services.requests_by_employer(employer)
    assert row.status is RequestStatus.ENDED and row.status_label == "Afgerond"


def test_employee_who_does_not_agree_withdraws(employer, person, baco, provider):
    referral = ask(employer, person, provider)
    services.transition(person, referral.pk, "withdraw")
    [row] = services.requests_by_employer(employer)
    assert row.status is RequestStatus.NOT_AGREED
    assert row.status_label == "Je werknemer is niet akkoord"
    assert list(services.worklist(baco)) == []
    with pytest.raises(Invalid):
        services.confirm(person, referral.pk)  # too late once declined


def test_declined_by_the_baco_reads_as_ended_without_the_reason(employer, person, baco, provider):
    referral = ask(employer, person, provider)
    services.confirm(person, referral.pk)
    services.transition(baco, referral.pk, "decline", reason="Zzreason vol tot maart")
    [row] = services.requests_by_employer(employer)
    assert row.status is RequestStatus.ENDED
    assert "Zzreason" not in repr(row) and "Zzwhy" not in repr(row)


def test_employer_never_gets_the_question_or_the_referral(employer, person, provider):
    referral = asked_and_agreed(employer, person, provider)
    [row] = services.requests_by_employer(employer)
    assert set(vars(row)) == {"employee", "provider", "asked_on", "status", "status_label"}
    assert row.employee == "Sanne Visser" and row.provider == provider.name
    assert WHY not in repr(row)
    with pytest.raises(NotFound):
        services.get_referral(employer, referral.pk)
    assert services.notes_for(employer, referral) == []
    assert services.actions_for(employer, referral) == []


def test_each_status_read_is_audited_and_a_waiting_one_is_not_read(employer, person, provider):
    first = asked_and_agreed(employer, person, provider)
    second = asked_and_agreed(employer, make_user("person", email="tweede@example.org"), provider)
    ask(employer, make_user("person", email="derde@example.org"), provider)  # waits
    services.requests_by_employer(employer)
    reads = AuditEvent.objects.filter(actor=employer, action="read", reason="requester")
    assert sorted(reads.values_list("resource", flat=True)) == sorted(
        [f"care.Referral:{first.pk}:status", f"care.Referral:{second.pk}:status"]
    )


def test_an_employer_sees_only_their_own_requests(employer, person, provider):
    asked_and_agreed(employer, person, provider)
    assert len(services.requests_by_employer(employer)) == 1
    other = make_user("employer", organisation="Andere BV")
    assert services.requests_by_employer(other) == []
    assert services.requests_by_employer(person) == []  # not an employer: nothing


@pytest.mark.parametrize(
    "role", [None, "employer", "professional", "naaste", "editor", "inactive person"]
)
def test_an_address_without_a_person_account_stores_nothing_and_says_nothing(
    employer, provider, role, django_capture_on_commit_callbacks
):
    email = f"{role or 'niemand'}@example.org".replace(" ", "-")
    if role == "inactive person":
        make_user("person", email=email, is_active=False)
    elif role:
        make_user(role, email=email, profession="huisarts")
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.ask_for_employee(
            employer=employer, provider=provider, question=WHY, employee_email=email
        )
    assert answer is None  # the same as for a person account: nothing to tell apart
    assert not Referral.objects.exists() and mail.outbox == []
    assert not AuditEvent.objects.filter(action="create").exists()


@pytest.mark.parametrize("email", ["", "   ", "geen-adres", "sanne@"])
def test_an_employer_needs_a_valid_address(employer, provider, email):
    with pytest.raises(Invalid) as caught:
        services.ask_for_employee(
            employer=employer, provider=provider, question=WHY, employee_email=email
        )
    assert caught.value.field == "employee_email"
    assert caught.value.message == "Voer een geldig e-mailadres in."


def test_an_employer_cannot_use_the_revealing_referral_service(employer, person, provider):
    """create_referral says when an address has no account: not for an employer."""
    with pytest.raises(AccessDenied):
        services.create_referral(
            actor=employer, provider=provider, question=WHY, person_email=person.email
        )
    with pytest.raises(AccessDenied):
        services.ask_for_employee(
            employer=person, provider=provider, question=WHY, employee_email=person.email
        )
    assert not Referral.objects.exists()


@pytest.mark.parametrize("profession", ["verzekeringsarts", "arbeidsdeskundige", "casemanager"])
def test_consulted_professionals_cannot_refer(person, provider, profession):
    professional = make_user("professional", profession=profession)
    with pytest.raises(AccessDenied):
        services.create_referral(
            actor=professional, provider=provider, question=WHY, person_email=person.email
        )


@pytest.mark.parametrize("profession", ["ergotherapeut", "fysiotherapeut-oncologie", "psycholoog"])
def test_paramedics_refer_on_behalf(person, provider, profession):
    paramedic = make_user("professional", profession=profession)
    referral = services.create_referral(
        actor=paramedic, provider=provider, question=WHY, person_email=person.email
    )
    assert referral.by_professional and not referral.by_employer and not referral.is_confirmed


# --- API --------------------------------------------------------------------------------

SENT = (
    "Je vraag is verstuurd. Hoort dit e-mailadres bij een Werkwijzer-account? Dan krijgt je "
    "werknemer je vraag te zien. Jij ziet hier pas iets als je werknemer heeft geantwoord."
)


def api_ask(client, provider, email: str):
    return client.post(
        "/api/v1/employer-requests",
        {"provider_id": provider.pk, "employee_email": email, "question": WHY},
        content_type="application/json",
    )


def test_api_employer_asks_and_reads_only_the_answered_status(login, employer, person, provider):
    client = login(employer)
    response = api_ask(client, provider, person.email)
    assert response.status_code == 201, response.content
    assert response.json() == {"sent": True, "message": SENT}
    assert client.get("/api/v1/employer-requests").json() == []  # waiting: not listed
    referral = Referral.objects.get()
    services.confirm(person, referral.pk)
    listed = client.get("/api/v1/employer-requests")
    assert listed.status_code == 200
    [row] = listed.json()
    assert set(row) == {"employee", "provider", "asked_on", "status", "status_label"}
    assert row["status"] == "agreed" and row["employee"] == "Sanne Visser"
    assert "Zzwhy" not in listed.content.decode() + response.content.decode()
    assert client.get(f"/api/v1/referrals/{referral.pk}").status_code == 404
    assert client.get("/api/v1/referrals").status_code == 403


def test_api_employer_errors_only_for_what_reveals_nothing(login, employer, provider):
    client = login(employer)
    response = api_ask(client, provider, "geen-adres")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "employee_email", "message": "Voer een geldig e-mailadres in."}
    ]
    # The referral operation is not the employer's: it would answer with the question.
    response = client.post(
        "/api/v1/referrals",
        {"provider_id": provider.pk, "question": WHY},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Referral.objects.exists()


def test_api_employer_requests_only_for_employers(login, person, baco, client):
    assert client.get("/api/v1/employer-requests").status_code == 401
    for user in (person, baco):
        assert login(user).get("/api/v1/employer-requests").status_code == 403


# --- the same answer for every address --------------------------------------------------

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _addresses(person) -> dict[str, str]:
    """(a) a person account, (b) no account at all, (c) a professional's account."""
    professional = make_user("professional", profession="huisarts", email="dokter@example.org")
    return {"person": person.email, "none": "niemand@example.org", "pro": professional.email}


def test_the_start_page_answers_the_same_for_every_address(login, employer, person, provider):
    asked_and_agreed(employer, make_user("person", email="eerder@example.org"), provider)
    client = login(employer)
    start = reverse("care:start", args=[provider.pk])
    answers = {}
    for kind, email in _addresses(person).items():
        response = client.post(start, {"employee_email": email, "question": WHY})
        page = client.get(response["Location"])
        answers[kind] = (
            response.status_code,
            response["Location"],
            response.content,
            page.status_code,
            CSRF.sub("csrf", page.content.decode()),
        )
    assert answers["person"] == answers["none"] == answers["pro"]
    status, location, _, _, page = answers["person"]
    assert status == 302 and location == reverse("care:employer_requests")
    assert SENT in page and page.count("card__title") == 1  # only the answered one
    assert Referral.objects.filter(person=person, created_by=employer).count() == 1


def test_the_api_answers_the_same_for_every_address(login, employer, person, provider):
    client = login(employer)
    answers = {}
    for kind, email in _addresses(person).items():
        response = api_ask(client, provider, email)
        answers[kind] = (response.status_code, response["Content-Type"], response.content)
    assert answers["person"] == answers["none"] == answers["pro"]
    assert answers["person"][0] == 201
    assert Referral.objects.count() == 1


def test_a_waiting_request_is_listed_only_after_the_employee_agrees(
    login, employer, person, provider
):
    referral = ask(employer, person, provider)
    client = login(employer)
    page = client.get(reverse("care:employer_requests")).content.decode()
    assert "Sanne Visser" not in page
    assert "staat niet in deze lijst" in page
    assert "Er heeft nog geen werknemer op een vraag van je geantwoord" in page
    services.confirm(person, referral.pk)
    page = client.get(reverse("care:employer_requests")).content.decode()
    assert "Sanne Visser" in page and "Je werknemer is akkoord" in page


# --- pages ------------------------------------------------------------------------------


def test_employer_form_errors_in_dutch_then_sent(login, employer, person, provider):
    client = login(employer)
    start = reverse("care:start", args=[provider.pk])
    page = client.get(start).content.decode()
    assert "E-mailadres van je werknemer" in page and "Vraag versturen" in page
    empty = client.post(start, {"employee_email": "", "question": ""})
    assert empty.status_code == 422
    assert "Dit veld is verplicht" in empty.content.decode()
    wrong = client.post(start, {"employee_email": "geen-adres", "question": WHY})
    assert wrong.status_code == 422
    assert "Voer een geldig e-mailadres in." in wrong.content.decode()
    assert "Zzwhy" in wrong.content.decode()  # what was typed is kept
    response = client.post(start, {"employee_email": person.email, "question": WHY})
    assert response.status_code == 302 and response["Location"] == reverse("care:employer_requests")
    page = client.get(response["Location"]).content.decode()
    assert SENT in page
    assert "Sanne Visser" not in page and "Zzwhy" not in page


def test_employer_requests_page_empty_state_and_link(login, employer):
    client = login(employer)
    page = client.get(reverse("care:employer_requests"))
    assert page.status_code == 200
    assert "Er heeft nog geen werknemer op een vraag van je geantwoord" in page.content.decode()
    reports = client.get(reverse("care:employer_reports")).content.decode()
    assert reverse("care:employer_requests") in reports


def test_employer_requests_page_is_for_employers_only(login, person, client):
    url = reverse("care:employer_requests")
    assert client.get(url).status_code == 302
    assert login(person).get(url).status_code == 403


def test_employee_reads_who_asked_and_why_and_does_not_agree(login, employer, person, provider):
    referral = ask(employer, person, provider)
    client = login(person)
    page = client.get(reverse("care:my_referrals")).content.decode()
    assert "gevraagd door je werkgever Bakkerij De Korrel" in page
    assert "Zzwhy" in page and "Ik ben niet akkoord" in page
    assert "Als je antwoordt, ziet je werkgever of je ja of nee hebt gezegd." in page
    detail = client.get(referral.get_absolute_url()).content.decode()
    assert "Je werkgever Bakkerij De Korrel vraagt" in detail
    assert "Antwoord je niet, dan ziet je werkgever niets." in detail
    response = client.post(reverse("care:step", args=[referral.pk, "withdraw"]))
    assert response["Location"] == reverse("care:my_referrals")
    page = login(employer).get(reverse("care:employer_requests")).content.decode()
    assert "Je werknemer is niet akkoord" in page and "Sanne Visser" in page


def test_a_professional_referral_does_not_speak_of_the_employer(login, person, baco, provider):
    referral = services.create_referral(
        actor=baco, provider=provider, question=WHY, person_email=person.email
    )
    client = login(person)
    page = client.get(reverse("care:my_referrals")).content.decode()
    detail = client.get(referral.get_absolute_url()).content.decode()
    assert "ziet je werkgever" not in page + detail


def test_employee_agrees_and_the_employer_sees_agreed(login, employer, person, provider):
    referral = ask(employer, person, provider)
    login(person).post(reverse("care:confirm", args=[referral.pk]))
    page = login(employer).get(reverse("care:employer_requests")).content.decode()
    assert "Je werknemer is akkoord" in page and "Zzwhy" not in page


@pytest.mark.parametrize("profession", ["verzekeringsarts", "arbeidsdeskundige", "casemanager"])
def test_consulted_professionals_get_a_clear_403(login, provider, profession):
    client = login(make_user("professional", profession=profession))
    response = client.get(reverse("care:start", args=[provider.pk]))
    assert response.status_code == 403
    assert "Behandelaars, bedrijfsartsen" in response.content.decode()
    response = client.post(reverse("care:start", args=[provider.pk]), {"question": WHY})
    assert response.status_code == 403 and not Referral.objects.exists()


def test_paramedic_gets_the_for_person_form(login, provider):
    client = login(make_user("professional", profession="ergotherapeut"))
    page = client.get(reverse("care:start", args=[provider.pk])).content.decode()
    assert "E-mailadres van de persoon" in page
