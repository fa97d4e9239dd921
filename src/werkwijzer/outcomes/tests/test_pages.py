"""The questionnaire (anonymous and signed in), drafts that are never lost, the dashboard,
the research export, reminders and the synthetic population."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from werkwijzer.core.seeding import SeedContext
from werkwijzer.outcomes import seeding
from werkwijzer.outcomes.export import COLUMNS, pseudonym
from werkwijzer.outcomes.models import Participant, Reminder, Response, Summary
from werkwijzer.outcomes.synthetic import population

pytestmark = pytest.mark.django_db

ANSWERS = {
    "working": "gedeeltelijk",
    "hours": "20",
    "work_ability": "6",
    "returned_to_work": "yes",
    "work_discussed": "yes",
    "referral_offered": "no",
    "employer_support": "4",
}


def _months_ago(months: int) -> str:
    return (dt.date.today() - dt.timedelta(days=int(months * 30.6) + 3)).isoformat()


def _profile(client, months: int = 4):
    return client.post(
        "/uitkomsten/",
        {"diagnosis_date": _months_ago(months), "region": "utrecht", "care_setting": "umc"},
    )


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("anna", "anna@example.org", "pw-12345678")


def test_profile_form_names_bad_fields(client):
    response = client.post("/uitkomsten/", {"diagnosis_date": "2999-01-01", "region": "atlantis"})
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("diagnosis_date", "region", "care_setting"):
        assert f'href="#field-{field}"' in html


def test_anonymous_answers_stay_in_the_session(client):
    assert _profile(client).status_code == 302
    overview = client.get("/uitkomsten/").content.decode()
    assert "vragenlijst/3/" in overview
    response = client.post("/uitkomsten/vragenlijst/3/", {**ANSWERS, "action": "submit"})
    assert response.status_code == 302
    assert client.session["outcomes"]["answers"]["3"]["status"] == "submitted"
    assert Participant.objects.count() == 0 and Response.objects.count() == 0


def test_contradiction_gets_a_message_and_the_answers_are_kept_as_a_draft(client, user):
    client.force_login(user)
    _profile(client)
    bad = {**ANSWERS, "working": "niet", "hours": "32", "action": "submit"}
    response = client.post("/uitkomsten/vragenlijst/3/", bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#field-hours"' in html
    assert "32 uur" in html
    stored = Response.objects.get()
    assert stored.status == "draft"
    assert stored.draft["hours"] == "32" and stored.draft["working"] == "niet"
    # Coming back shows the draft as typed.
    page = client.get("/uitkomsten/vragenlijst/3/").content.decode()
    assert 'value="32"' in page
    assert "Concept opgeslagen" in client.get("/uitkomsten/").content.decode()


def test_a_partial_draft_is_saved_and_later_submitted(client, user):
    client.force_login(user)
    _profile(client)
    response = client.post("/uitkomsten/vragenlijst/3/", {"working": "volledig", "action": "draft"})
    assert response.status_code == 302
    assert Response.objects.get().draft == {"working": "volledig"}
    incomplete = client.post(
        "/uitkomsten/vragenlijst/3/", {"working": "volledig", "action": "submit"}
    )
    assert incomplete.status_code == 400
    assert Response.objects.get().status == "draft"
    done = client.post("/uitkomsten/vragenlijst/3/", {**ANSWERS, "action": "submit"})
    assert done.status_code == 302
    stored = Response.objects.get()
    assert stored.status == "submitted" and stored.hours == 20 and stored.work_discussed is True
    assert stored.region == "utrecht"


def test_unknown_moment_is_404(client):
    assert client.get("/uitkomsten/vragenlijst/5/").status_code == 404


def test_dashboard_with_bad_filters_still_answers(client):
    seeding.create_population(300)
    seeding.refresh_summary()
    response = client.get("/uitkomsten/dashboard/", {"region": "atlantis", "moment": "7"})
    assert response.status_code == 200
    assert response.context["filters"].unknown == ("region", "moment")
    assert response.content.decode().count('role="img"') >= 4


def test_export_needs_permission_and_is_pseudonymised(client, user):
    seeding.create_population(50)
    assert client.get("/uitkomsten/export.csv").status_code == 302  # to sign in
    client.force_login(user)
    assert client.get("/uitkomsten/export.csv").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="export_research"))
    response = client.get("/uitkomsten/export.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    table = list(csv.DictReader(io.StringIO(text)))
    assert list(table[0]) == list(COLUMNS)
    assert len(table) == Response.objects.filter(status="submitted").count()
    first = Participant.objects.order_by("pk").first()
    assert table[0]["pseudonym"] == pseudonym(str(first.reference))
    assert str(first.reference) not in text
    assert all(len(row["diagnosis_year"]) == 4 for row in table)


def test_reminders_once_per_moment_without_medical_words(user):
    Participant.objects.create(
        owner=user, diagnosis_date=dt.date(2026, 1, 10), region="utrecht", care_setting="umc"
    )
    call_command("outcomes", "remind", "--today", "2026-04-12")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert "/uitkomsten/" in message.body
    for word in ("kanker", "cancer", "diagnose", "diagnosis", "ziekte", "umc"):
        assert word not in (message.subject + message.body).lower()
    call_command("outcomes", "remind", "--today", "2026-04-20")
    assert len(mail.outbox) == 1  # not twice for the same moment
    call_command("outcomes", "remind", "--today", "2026-07-12")
    assert len(mail.outbox) == 2
    assert set(Reminder.objects.values_list("moment", flat=True)) == {3, 6}


def test_no_reminder_for_a_submitted_moment(user):
    participant = Participant.objects.create(
        owner=user, diagnosis_date=dt.date(2026, 1, 10), region="utrecht", care_setting="umc"
    )
    Response.objects.create(
        participant=participant, moment=3, status="submitted", region="utrecht", care_setting="umc"
    )
    call_command("outcomes", "remind", "--today", "2026-04-12")
    assert mail.outbox == []


def test_remind_rejects_a_bad_date():
    with pytest.raises(CommandError) as error:
        call_command("outcomes", "remind", "--today", "12-04-2026")
    assert error.value.returncode == 2


def test_refresh_command(capsys):
    seeding.create_population(100)
    call_command("outcomes", "refresh")
    assert Summary.objects.exists()


def test_population_is_deterministic_and_synthetic():
    first = list(population(200))
    assert first == list(population(200))
    assert first != list(population(200, seed=1))
    assert all(answer["moment"] in (3, 6, 12, 24) for person in first for answer in person.answers)


def test_seed_is_idempotent_and_small_without_the_flag():
    lines: list[str] = []
    context = SeedContext(content_dir=None, write=lines.append, options={"outcomes": False})
    seeding.seed(context)
    assert Participant.objects.filter(synthetic=True).count() == seeding.SMALL
    answers = Response.objects.count()
    seeding.seed(context)
    assert Response.objects.count() == answers
    assert len(lines) == 1
    assert Summary.objects.exists()


def test_the_research_download_is_shown_only_to_whom_it_may_open(client):
    from werkwijzer.accounts.testing import make_user

    link = 'href="/uitkomsten/export.csv"'
    assert link in client.get("/uitkomsten/dashboard/").content.decode()  # maybe a researcher
    employer = make_user("employer")
    client.force_login(employer)
    assert link not in client.get("/uitkomsten/dashboard/").content.decode()
    employer.user_permissions.add(Permission.objects.get(codename="export_research"))
    client.force_login(employer.__class__.objects.get(pk=employer.pk))
    assert link in client.get("/uitkomsten/dashboard/").content.decode()
