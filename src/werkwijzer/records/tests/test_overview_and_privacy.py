import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from werkwijzer.records import audit, sections
from werkwijzer.records.models import AuditEvent
from werkwijzer.records.tests.tampering import tamper

pytestmark = pytest.mark.django_db


def test_overview_needs_login(client):
    response = client.get(reverse("records:overview"))
    assert response.status_code == 302


def test_overview_collects_sections_of_installed_apps(rf, person):
    request = rf.get("/")
    request.user = person
    found = sections.collect(request)
    assert "records" in [s.app for s in found]
    assert [s.order for s in found] == sorted(s.order for s in found)


def test_a_broken_section_does_not_break_the_overview(rf, person, monkeypatch):
    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(sections, "section_providers", lambda: iter([("broken", broken)]))
    request = rf.get("/")
    request.user = person
    assert sections.collect(request) == []


def test_privacy_officer_searches_and_exports(login, client, person, baco, privacy_officer):
    audit.record(actor=baco, subject=person, action="read", resource="x:1", reason="consent:1")
    login(privacy_officer)
    page = client.post(reverse("records:privacy_log"), {"subject": person.email})
    assert page.status_code == 200
    assert "consent:1" in page.content.decode()
    export = client.post(reverse("records:privacy_export"), {"actor": baco.email})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][0] == "sequence"
    assert [row[8] for row in rows[1:]] == ["x:1"]
    exports = AuditEvent.objects.filter(action="export", actor=privacy_officer)
    assert exports.count() == 1
    assert exports.get().reason == "privacy-officer"


def test_others_cannot_use_the_privacy_pages(login, person, baco):
    for user in (person, baco):
        client = login(user)
        assert client.get(reverse("records:privacy_log")).status_code == 403
        assert client.post(reverse("records:privacy_export")).status_code == 403


def test_privacy_search_needs_a_known_address(login, privacy_officer):
    client = login(privacy_officer)
    assert client.get(reverse("records:privacy_log")).status_code == 200
    page = client.post(reverse("records:privacy_log"), {"subject": "niemand@example.org"})
    assert "utrecht-alert--error" in page.content.decode()
    assert client.post(reverse("records:privacy_export"), {}).status_code == 400
    assert not AuditEvent.objects.exists()


def test_verify_command(person):
    for _ in range(3):
        audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "3" in out.getvalue()
    tamper("UPDATE records_auditevent SET action = 'delete' WHERE sequence = 2")
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify")
    assert error.value.returncode == 2
    assert "2" in str(error.value)


def test_export_command_is_audited(person, tmp_path):
    audit.record(actor=person, subject=person, action="read", resource="x:1", reason="owner")
    target = tmp_path / "log.csv"
    call_command("audit", "export", "--subject", str(person.pk), "--output", str(target))
    rows = list(csv.reader(target.open()))
    assert rows[0] == [
        "sequence",
        "occurred_at",
        "actor_id",
        "actor_role",
        "actor_profession",
        "subject_id",
        "on_behalf_of_id",
        "action",
        "resource",
        "reason",
        "hash",
    ]
    assert AuditEvent.objects.filter(action="export", actor_role="system").count() == 1
    assert person.email not in target.read_text()
