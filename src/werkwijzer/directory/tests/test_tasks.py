"""The verwijsgids's background work: yearly check reminders and imports from the admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from werkwijzer.accounts.testing import make_user
from werkwijzer.core.models import Job
from werkwijzer.core.testing import run_worker_once
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import Provider
from werkwijzer.directory.tasks import remind_verification

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
HEADER = "external_id,name,kinds,work_setting,postcode\n"
IMPORT = "/beheer/directory/provider/import/"


@pytest.mark.django_db
def test_stale_entries_are_reminded_once_a_year():
    today = timezone.localdate()
    old = ProviderFactory(
        name="Oud Verzinsel", email="oud@verzinsel.example", verified_on=today - dt.timedelta(400)
    )
    ProviderFactory(name="Nooit Gecheckt", email="", verified_on=None)
    ProviderFactory(name="Vers Verzinsel", email="vers@verzinsel.example")
    make_user("editor", email="redactie@werkwijzer.example")

    assert remind_verification.call() == 2

    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["oud@verzinsel.example", "redactie@werkwijzer.example"]
    to_provider = next(m for m in mail.outbox if m.to == ["oud@verzinsel.example"])
    assert "Oud Verzinsel" in to_provider.body
    assert old.get_absolute_url() in to_provider.body
    assert to_provider.reply_to == ["redactie@werkwijzer.example"]
    summary = next(m for m in mail.outbox if m.to == ["redactie@werkwijzer.example"])
    assert "?verification=stale" in summary.body
    assert Provider.objects.filter(verification_reminded_on=today).count() == 2
    updated_at = Provider.objects.get(pk=old.pk).updated_at

    mail.outbox.clear()
    assert remind_verification.call() == 0  # not again tomorrow, nor the day after
    assert mail.outbox == []
    assert Provider.objects.get(pk=old.pk).updated_at == updated_at  # no change of the entry


@pytest.mark.django_db
def test_a_reminder_from_last_year_counts_no_longer():
    today = timezone.localdate()
    ProviderFactory(
        email="oud@verzinsel.example",
        verified_on=today - dt.timedelta(800),
        verification_reminded_on=today - dt.timedelta(400),
    )
    assert remind_verification.call() == 1


def _upload(admin_client, text: str, name: str = "aanbieders.csv"):
    upload = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return admin_client.post(IMPORT, {"file": upload, "format": ""})


@override_settings(TASKS=DATABASE_TASKS)
def test_admin_import_runs_in_the_worker(admin_client, postcodes):
    assert "Aanbieders inlezen" in admin_client.get("/beheer/directory/provider/").content.decode()
    rows = "p-1,Anna Proef,baco,own-practice,6525AB\np-2,Bert Proef,nonsense,own-practice,6525AB\n"
    response = _upload(admin_client, HEADER + rows)
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{IMPORT}{job.pk}/"
    waiting = admin_client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in waiting and Provider.objects.count() == 0

    run_worker_once("--no-schedule")

    job.refresh_from_db()
    assert job.status == "done" and job.payload is None
    assert job.result["created"] == 1 and job.result["rejected"][0]["row"] == 3
    assert Provider.objects.get().name == "Anna Proef"
    page = admin_client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "p-2" in page


@pytest.mark.django_db
def test_admin_import_of_an_unreadable_file_says_why(admin_client):
    response = _upload(admin_client, "hello", name="notes.txt")
    job = Job.objects.get()
    assert job.status == "failed" and ".csv" in job.error
    page = admin_client.get(response["Location"]).content.decode()
    assert job.error in page


@pytest.mark.django_db
def test_only_editors_with_rights_import(client):
    from werkwijzer.accounts.testing import force_login_verified

    force_login_verified(client, make_user("person"))
    assert client.get(IMPORT).status_code in (302, 403)
