"""Pages: starting a referral, worklist, detail, steps, advice PDF, employer pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from werkwijzer.care import services
from werkwijzer.care.models import Referral
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.records.models import AuditEvent, WorkData

QUESTION = "Ik wil terug naar mijn werk maar ben snel moe."


def in_care(person, baco, provider) -> Referral:
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    services.transition(baco, referral.pk, "accept")
    services.transition(baco, referral.pk, "plan-intake", intake_date=timezone.now())
    services.transition(baco, referral.pk, "start-consultations")
    return Referral.objects.get(pk=referral.pk)


def test_provider_page_shows_refer_button_only_for_baco_kag(client, provider, db):
    page = client.get(provider.get_absolute_url())
    start = reverse("care:start", args=[provider.pk])
    assert start in page.content.decode()
    physio = ProviderFactory(kinds=["fysiotherapeut-oncologie"])
    assert "/zorgpad/aanmelden/" not in client.get(physio.get_absolute_url()).content.decode()
    assert client.get(reverse("care:start", args=[physio.pk])).status_code == 404


def test_no_referral_to_an_entry_hidden_for_want_of_checking(client, db):
    stale = ProviderFactory(kinds=["baco"], verified_on=dt.date.today() - dt.timedelta(days=800))
    assert stale.is_hidden
    assert client.get(reverse("care:start", args=[stale.pk])).status_code == 404
    assert not services.can_refer_to(stale)


def test_anonymous_is_sent_to_login_and_back(client, provider):
    start = reverse("care:start", args=[provider.pk])
    response = client.get(start)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert response["Location"].endswith("next=" + start)


def test_person_refers_self_from_provider_page(login, person, provider):
    client = login(person)
    start = reverse("care:start", args=[provider.pk])
    page = client.get(start)
    assert page.status_code == 200 and "person_email" not in page.content.decode()
    empty = client.post(start, {"question": ""})
    assert empty.status_code == 422
    response = client.post(start, {"question": QUESTION})
    referral = Referral.objects.get()
    assert response["Location"] == referral.get_absolute_url()
    assert referral.person == person and referral.question == QUESTION
    page = client.get(referral.get_absolute_url()).content.decode()
    assert QUESTION in page and "Verwijzing intrekken" in page
    assert "De BACO of KAG bekijkt je vraag." in page


def test_professional_refers_on_behalf(login, outsider, person, provider):
    client = login(outsider)
    start = reverse("care:start", args=[provider.pk])
    assert "person_email" in client.get(start).content.decode()
    bad = client.post(start, {"person_email": "niemand@example.org", "question": QUESTION})
    assert bad.status_code == 422
    assert QUESTION in bad.content.decode()  # what was typed is kept
    client.post(start, {"person_email": person.email, "question": QUESTION})
    referral = Referral.objects.get()
    assert referral.created_by == outsider and not referral.is_confirmed
    client = login(person)
    page = client.get(reverse("care:my_referrals")).content.decode()
    assert "Te bevestigen" in page or "bevestigen" in page.lower()
    client.post(reverse("care:confirm", args=[referral.pk]))
    referral.refresh_from_db()
    assert referral.is_confirmed


def test_worklist_and_accept_via_post(login, person, baco, colleague, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    client = login(baco)
    page = client.get(reverse("care:worklist")).content.decode()
    assert "Mijn verwijzingen" in page and referral.get_absolute_url() in page
    step = reverse("care:step", args=[referral.pk, "accept"])
    assert client.get(step).status_code == 405
    client.post(step)
    referral.refresh_from_db()
    assert referral.state == "accepted" and referral.accepted_by == baco
    client = login(colleague)
    response = client.post(step, follow=True)
    assert "Deze verwijzing is al geaccepteerd door een collega" in response.content.decode()


def test_decline_without_reason_shows_error(login, person, baco, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    client = login(baco)
    response = client.post(
        reverse("care:step", args=[referral.pk, "decline"]), {"decline-reason": ""}
    )
    assert response.status_code == 422
    client.post(
        reverse("care:step", args=[referral.pk, "decline"]), {"decline-reason": "Vol tot maart"}
    )
    referral.refresh_from_db()
    assert referral.state == "declined"


def test_unknown_step_is_404(login, person, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    client = login(person)
    assert client.post(reverse("care:step", args=[referral.pk, "fly"])).status_code == 404


def test_detail_for_professional_shows_work_data_and_notes_audited(login, person, baco, provider):
    work_data = WorkData.objects.create(user=person, occupation="Kok", work_ability=6)
    referral = in_care(person, baco, provider)
    client = login(baco)
    client.post(reverse("care:add_note", args=[referral.pk]), {"note-text": "Notitie voor mij"})
    client.post(
        reverse("care:add_note", args=[referral.pk]),
        {"note-text": "Besproken met Sanne", "note-personal_work_note": "on"},
    )
    client.post(reverse("care:add_note", args=[referral.pk]), {"note-text": "Samen besproken"})
    page = client.get(referral.get_absolute_url()).content.decode()
    assert "Kok" in page and "Notitie voor mij" in page and "Besproken met Sanne" in page
    assert reverse("screening:form") in page  # the screening, done with the person
    assert AuditEvent.objects.filter(
        actor=baco, resource=f"records.WorkData:{work_data.pk}", reason=f"referral:{referral.pk}"
    ).exists()
    # The person reads the notes about them (WGBO), but not a personal work note, and
    # not their own work-data block here.
    client = login(person)
    page = client.get(referral.get_absolute_url()).content.decode()
    assert "Samen besproken" in page and QUESTION in page
    assert "Besproken met Sanne" not in page and "Kok" not in page


@pytest.mark.parametrize("role", ["outsider", "employer", "other_person"])
def test_others_get_404(login, person, baco, provider, outsider, employer, role):
    from werkwijzer.accounts.testing import make_user

    referral = in_care(person, baco, provider)
    user = {"outsider": outsider, "employer": employer, "other_person": make_user("person")}[role]
    client = login(user)
    assert client.get(referral.get_absolute_url()).status_code == 404
    assert client.post(reverse("care:step", args=[referral.pk, "withdraw"])).status_code == 404
    assert (
        client.post(reverse("care:add_note", args=[referral.pk]), {"note-text": "x"}).status_code
        == 404
    )


def test_advice_pdf_for_person(login, person, baco, provider):
    referral = in_care(person, baco, provider)
    advice = services.add_person_advice(baco, referral.pk, "Begin met 2 uur per dag.")
    client = login(person)
    response = client.get(reverse("care:advice_pdf", args=[advice.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"  # a medical letter stays out of caches
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "2 uur per dag" in text
    other = login(
        ProviderFactory
        and __import__("werkwijzer.accounts.testing", fromlist=["x"]).make_user("person")
    )
    assert other.get(reverse("care:advice_pdf", args=[advice.pk])).status_code == 404


def test_employer_sees_released_report_only(login, person, baco, provider, employer):
    referral = in_care(person, baco, provider)
    services.add_note(baco, referral.pk, "Medische notitie")
    client = login(baco)
    client.post(
        reverse("care:add_report", args=[referral.pk]),
        {
            "report-employer_email": employer.email,
            "report-abilities": "Kan licht werk doen",
            "report-limitations": "Niet tillen",
            "report-recommendations": "Halve dagen",
            "report-valid_from": "2026-12-01",
        },
    )
    report = referral.employer_reports.get()
    client = login(employer)
    assert (
        "Kan licht werk doen" not in client.get(reverse("care:employer_reports")).content.decode()
    )
    assert client.get(reverse("care:employer_report", args=[report.pk])).status_code == 404
    client = login(person)
    client.post(reverse("care:share_report", args=[report.pk]), {"share": "yes"})
    assert not services.is_released(report)  # not read yet: not released
    client.get(reverse("care:employer_report", args=[report.pk]))
    client.post(reverse("care:share_report", args=[report.pk]), {"share": "yes"})
    assert services.is_released(report)
    client = login(employer)
    page = client.get(reverse("care:employer_reports")).content.decode()
    assert reverse("care:employer_report", args=[report.pk]) in page
    page = client.get(reverse("care:employer_report", args=[report.pk])).content.decode()
    assert "Kan licht werk doen" in page
    for secret in ("Medische notitie", QUESTION, "snel moe"):
        assert secret not in page
    pdf = client.get(reverse("care:report_pdf", args=[report.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("care:worklist")).status_code == 403
    assert client.get(referral.get_absolute_url()).status_code == 404


def test_index_redirects_by_role(login, person, baco, employer):
    assert login(person).get(reverse("care:index"))["Location"] == reverse("care:my_referrals")
    assert login(baco).get(reverse("care:index"))["Location"] == reverse("care:worklist")
    assert login(employer).get(reverse("care:index"))["Location"] == reverse(
        "care:employer_reports"
    )


def test_mijn_werkwijzer_section(rf, person, provider):
    from werkwijzer.care.mijn_werkwijzer import section

    services.create_referral(actor=person, provider=provider, question=QUESTION)
    request = rf.get("/")
    request.user = person
    result = section(request)
    assert result["template"] == "care/mijn_werkwijzer_section.html"
    assert len(result["context"]["referrals"]) == 1
    from django.template.loader import render_to_string

    html = render_to_string(result["template"], result["context"])
    assert provider.name in html


def test_intake_form_dates(login, person, baco, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    services.transition(baco, referral.pk, "accept")
    client = login(baco)
    url = reverse("care:step", args=[referral.pk, "plan-intake"])
    assert client.post(url, {"intake-intake_date": "morgen"}).status_code == 422
    client.post(url, {"intake-intake_date": "2026-12-03T10:30"})
    referral.refresh_from_db()
    assert referral.state == "intake-planned"
    assert timezone.localtime(referral.intake_date).replace(tzinfo=None) == dt.datetime(
        2026, 12, 3, 10, 30
    )


def test_plan_refer_link_only_for_baco_and_kag(db):
    from django.template.loader import render_to_string

    baco = {"id": 7, "kind": "baco", "name": "Dr. A"}
    html = render_to_string("care/_plan_refer.html", {"provider": baco})
    assert reverse("care:start", args=[7]) in html and "Verwijs mij door" in html
    physio = {"id": 8, "kind": "fysiotherapeut-oncologie", "name": "B"}
    assert render_to_string("care/_plan_refer.html", {"provider": physio}).strip() == ""
    from pathlib import Path

    import werkwijzer.navigator

    folder = Path(werkwijzer.navigator.__file__).parent / "templates" / "navigator"
    cards = [path.read_text() for path in folder.glob("*.html")]
    assert any('{% include "care/_plan_refer.html"' in card for card in cards)


def test_mijn_werkwijzer_section_audits_the_referrals_it_shows(login, person, provider):
    referral = services.create_referral(actor=person, provider=provider, question=QUESTION)
    page = login(person).get(reverse("records:overview"))
    assert reverse("care:referral", args=[referral.pk]) in page.content.decode()
    read = AuditEvent.objects.filter(
        actor=person, action="read", resource=f"care.Referral:{referral.pk}", reason="owner"
    )
    assert read.count() == 1


def test_role_refusal_names_who_may_use_the_page(login, employer):
    response = login(employer).get(reverse("care:worklist"))
    assert response.status_code == 403
    assert "Professional" in response.content.decode()
