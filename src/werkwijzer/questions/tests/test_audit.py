"""Opening a Vraag de specialist question or an intercollegial thread is written to the
audit log like a record read (issue 18): who, what, when and why it was allowed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from werkwijzer.core.errors import NotFound
from werkwijzer.questions import services
from werkwijzer.questions.models import Consultation, ConsultationMessage, Question
from werkwijzer.questions.tests.conftest import login
from werkwijzer.records.models import AuditEvent

pytestmark = pytest.mark.django_db


def _reads(resource: str):
    return AuditEvent.objects.filter(action="read", resource=resource).order_by("sequence")


def test_opening_a_question_is_audited(client, baco, editor):
    question = Question.objects.create(text="Mag mijn werkgever vragen wat ik heb?")
    resource = f"questions.Question:{question.pk}"
    login(client, baco)
    assert client.get(reverse("questions:question", args=[question.pk])).status_code == 200
    event = _reads(resource).get()
    assert (event.actor_id, event.reason, event.subject_id) == (baco.pk, "baco-kag", None)
    client.post(reverse("questions:question", args=[question.pk]), {"action": "claim"})
    assert _reads(resource).count() == 2  # the POST opens it too


def test_others_open_no_question_and_leave_no_read(client, bedrijfsarts, person):
    question = Question.objects.create(text="Vraag")
    for user in (bedrijfsarts, person):
        login(client, user)
        response = client.get(reverse("questions:question", args=[question.pk]))
        assert response.status_code == 403
    assert not _reads(f"questions.Question:{question.pk}").exists()
    with pytest.raises(NotFound):
        services.get_question(bedrijfsarts, question.pk)


def test_opening_a_thread_is_audited_with_the_reason(client, bedrijfsarts, baco, kag, huisarts):
    to_baco = Consultation.objects.create(
        asked_by=bedrijfsarts, provider=baco.provider, subject="Opbouw"
    )
    ConsultationMessage.objects.create(consultation=to_baco, author=bedrijfsarts, text="Vraag")
    to_all = Consultation.objects.create(asked_by=bedrijfsarts, subject="Aan iedereen")
    url = reverse("questions:consultation", args=[to_baco.pk])
    expected = [
        (bedrijfsarts, to_baco, "asker"),
        (baco, to_baco, f"asked-of:{baco.provider_id}"),
        (kag, to_all, "baco-kag"),
    ]
    for user, thread, reason in expected:
        login(client, user)
        assert client.get(reverse("questions:consultation", args=[thread.pk])).status_code == 200
        event = _reads(f"questions.Consultation:{thread.pk}").last()
        assert (event.actor_id, event.reason) == (user.pk, reason)
    before = _reads(f"questions.Consultation:{to_baco.pk}").count()
    for user in (kag, huisarts):  # not asked of them: no access, nothing logged as read
        login(client, user)
        assert client.get(url).status_code == 404
    assert _reads(f"questions.Consultation:{to_baco.pk}").count() == before
