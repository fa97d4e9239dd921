"""Readers report mistakes ("Klopt er iets niet?"); editors answer in /beheer/."""

from __future__ import annotations

import pytest
from django.core import mail

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import ErrorReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(name="Anna Verzinsma")


@pytest.fixture
def editor(client):
    user = make_user("editor", is_staff=True, email="redactie@example.org")
    return user


def report_url(provider) -> str:
    return f"/verwijsgids/{provider.pk}/klopt-er-iets-niet/"


def test_every_entry_links_to_the_report_form(client, provider):
    page = client.get(provider.get_absolute_url()).content.decode()
    assert report_url(provider) in page and "Klopt er iets niet?" in page
    form = client.get(report_url(provider))
    assert form.status_code == 200 and 'name="message"' in form.content.decode()


def test_a_report_needs_a_message_and_a_valid_address(client, provider):
    response = client.post(report_url(provider), {"message": "", "email": "geen-adres"})
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert not ErrorReport.objects.exists()


def test_a_report_lands_in_the_queue_and_tells_the_editors(client, provider, editor):
    response = client.post(
        report_url(provider), {"message": "Het telefoonnummer klopt niet.", "email": ""}
    )
    assert response.status_code == 302 and response.url == provider.get_absolute_url()
    report = ErrorReport.objects.get()
    assert report.provider == provider and report.status == "open"
    assert report.email == "" and not report.wants_reply
    assert [message.to for message in mail.outbox] == [["redactie@example.org"]]
    assert "Het telefoonnummer klopt niet." in mail.outbox[0].body
    assert "De redactie kijkt ernaar" in client.get(response.url).content.decode()


def test_reports_are_rate_limited_per_address(client, provider, settings):
    settings.WERKWIJZER_RATE_LIMITS = {"directory-report": "2/h"}
    for _ in range(2):
        assert client.post(report_url(provider), {"message": "Fout"}).status_code == 302
    response = client.post(report_url(provider), {"message": "Fout"})
    assert response.status_code == 429 and "Retry-After" in response
    assert ErrorReport.objects.count() == 2


def test_no_reports_on_an_inactive_entry(client):
    gone = ProviderFactory(active=False)
    assert client.get(report_url(gone)).status_code == 404
    assert client.post(report_url(gone), {"message": "x"}).status_code == 404


def _report(provider, email: str = "lezer@example.org") -> ErrorReport:
    from werkwijzer.directory.reports import create_report

    return create_report(provider, "Ze is verhuisd naar Arnhem.", email, "nl")


def test_the_editor_sees_the_queue_with_the_entry(client, provider, editor):
    report = _report(provider)
    force_login_verified(client, editor)
    listing = client.get("/beheer/directory/errorreport/")
    assert listing.status_code == 200 and "Ze is verhuisd" in listing.content.decode()
    page = client.get(f"/beheer/directory/errorreport/{report.pk}/change/").content.decode()
    assert "lezer@example.org" in page and provider.get_absolute_url() in page


def test_the_answer_is_mailed_and_the_address_deleted(client, provider, editor):
    report = _report(provider)
    mail.outbox.clear()
    force_login_verified(client, editor)
    url = f"/beheer/directory/errorreport/{report.pk}/change/"
    refused = client.post(url, {"reply": "", "decision": "answer"})
    assert refused.status_code == 200  # a reply is needed to answer
    response = client.post(
        url, {"reply": "Dank je, we hebben het aangepast.", "decision": "answer"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "answered" and report.email == "" and report.wants_reply
    assert report.handled_by == editor and report.handled_at
    assert [message.to for message in mail.outbox] == [["lezer@example.org"]]
    body = mail.outbox[0].body
    assert "Dank je, we hebben het aangepast." in body and "Ze is verhuisd" in body
    assert "lezer@example.org" not in client.get(url).content.decode()


def test_closing_without_a_reply_deletes_the_address_too(client, provider, editor):
    report = _report(provider)
    mail.outbox.clear()
    force_login_verified(client, editor)
    url = f"/beheer/directory/errorreport/{report.pk}/change/"
    assert client.post(url, {"reply": "", "decision": "close"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "closed" and report.email == "" and not mail.outbox


def test_other_accounts_cannot_open_the_queue(client, provider):
    _report(provider)
    force_login_verified(client, make_user("professional", profession="baco", is_staff=True))
    assert client.get("/beheer/directory/errorreport/").status_code == 403


def test_an_unanswered_reporters_address_is_forgotten_after_90_days(provider):
    import datetime as dt

    from django.utils import timezone

    from werkwijzer.directory.tasks import forget_report_addresses

    old = ErrorReport.objects.create(
        provider=provider, message="Adres klopt niet", email="a@example.org"
    )
    new = ErrorReport.objects.create(
        provider=provider, message="Telefoon klopt niet", email="b@example.org"
    )
    ErrorReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=91))
    assert forget_report_addresses.call() == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.email == "" and old.message == "Adres klopt niet"
    assert new.email == "b@example.org"
