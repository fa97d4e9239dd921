"""Intercollegial consultation: no identifying data, threads, who may see them, e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from werkwijzer.questions.models import Consultation
from werkwijzer.questions.tests.conftest import login

pytestmark = pytest.mark.django_db
NEW = "/vraag-de-specialist/collegiaal/nieuw/"
CASE = "Man van ongeveer 55, lasser, 38 uur. Na darmkanker erg moe. Wat adviseer je over opbouw?"


def test_only_professionals(client, person, editor, bedrijfsarts):
    assert client.get(NEW).status_code == 302
    login(client, person)
    assert client.get(NEW).status_code == 403
    login(client, editor)
    assert client.get(NEW).status_code == 403
    login(client, bedrijfsarts)
    assert client.get(NEW).status_code == 200


def test_providers_that_accept_consultation_are_offered(client, bedrijfsarts, consult_provider):
    from werkwijzer.directory.factories import ProviderFactory

    ProviderFactory(name="Geen Collegiaal", kinds=["baco"], intercollegial_consultation=False)
    ProviderFactory(
        name="Fysio Collegiaal", kinds=["oncologiefysiotherapeut"], intercollegial_consultation=True
    )
    login(client, bedrijfsarts)
    body = client.get(NEW).content.decode()
    assert "Dr. Fictief" in body
    assert "Geen Collegiaal" not in body and "Fysio Collegiaal" not in body


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw Jansen, 50 jaar, vraagt om advies.",
        "Geboren 12-03-1971, werkt als kok.",
        "BSN 111222333, werkt als kok.",
        "Bereikbaar op 06-12345678.",
        "Woont op Dorpsstraat 12 in Utrecht.",
        "Mail: iemand@voorbeeld.nl",
    ],
)
def test_identifying_data_is_refused_with_a_clear_message(client, bedrijfsarts, text):
    login(client, bedrijfsarts)
    response = client.post(NEW, {"provider": "any", "subject": "Advies over opbouw", "text": text})
    assert response.status_code == 400
    body = response.content.decode()
    assert "identify a person" in body or "herkennen" in body
    assert not Consultation.objects.exists()


def test_thread_between_asker_and_chosen_baco(
    client, bedrijfsarts, baco, kag, huisarts, consult_provider
):
    login(client, bedrijfsarts)
    response = client.post(
        NEW, {"provider": str(consult_provider.pk), "subject": "Opbouw na darmkanker", "text": CASE}
    )
    thread = Consultation.objects.get()
    assert response.status_code == 302 and thread.provider == consult_provider
    # The chosen BACO hears of it, without the content.
    assert [m.to for m in mail.outbox] == [[baco.email]]
    assert "lasser" not in mail.outbox[0].body and "darmkanker" not in mail.outbox[0].subject
    url = reverse("questions:consultation", args=[thread.pk])
    # A KAG of another entry, another professional and a guessed id: 404.
    for other in (kag, huisarts):
        login(client, other)
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "Ik lees mee"}).status_code == 404
    login(client, baco)
    assert "Opbouw na darmkanker" in client.get("/vraag-de-specialist/collegiaal/").content.decode()
    mail.outbox.clear()
    answer = "Begin met korte dagen en lichte taken; bouw elke twee weken op."
    assert client.post(url, {"text": answer}).status_code == 302
    assert [m.to for m in mail.outbox] == [[bedrijfsarts.email]]
    assert "korte dagen" not in mail.outbox[0].body
    # The asker sees who answered (name and profession) and when.
    login(client, bedrijfsarts)
    page = client.get(url).content.decode()
    assert answer in page and CASE in page
    assert "Baco Proef" in page and "BACO" in page
    assert "<time datetime=" in page
    mail.outbox.clear()
    client.post(url, {"text": "Dank je, en als hij nachtdiensten heeft?"})
    assert [m.to for m in mail.outbox] == [[baco.email]]
    assert thread.messages.count() == 3


def test_reply_with_identifying_data_is_refused(client, bedrijfsarts):
    login(client, bedrijfsarts)
    client.post(NEW, {"provider": "any", "subject": "Vraag", "text": CASE})
    thread = Consultation.objects.get()
    url = reverse("questions:consultation", args=[thread.pk])
    response = client.post(url, {"text": "Het gaat om dhr. De Boer"})
    assert response.status_code == 400
    assert thread.messages.count() == 1


def test_any_baco_thread_is_seen_by_all_baco_and_kag(client, bedrijfsarts, baco, kag, huisarts):
    login(client, bedrijfsarts)
    mail.outbox.clear()
    client.post(NEW, {"provider": "any", "subject": "Vraag aan iedereen", "text": CASE})
    thread = Consultation.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([baco.email, kag.email])
    url = reverse("questions:consultation", args=[thread.pk])
    for user in (baco, kag):
        login(client, user)
        assert client.get(url).status_code == 200
    login(client, huisarts)
    assert client.get(url).status_code == 404
    # Once a KAG answers, only the people in the thread hear of new messages.
    login(client, kag)
    client.post(url, {"text": "Ik denk mee."})
    mail.outbox.clear()
    login(client, bedrijfsarts)
    client.post(url, {"text": "Fijn."})
    assert [m.to for m in mail.outbox] == [[kag.email]]


def test_unknown_provider_choice_is_refused(client, bedrijfsarts, other_provider):
    other_provider.intercollegial_consultation = False
    other_provider.save()
    login(client, bedrijfsarts)
    response = client.post(NEW, {"provider": str(other_provider.pk), "subject": "V", "text": CASE})
    assert response.status_code == 400
