"""Vraag de specialist: ask without an account, claim, answer, notify, publish."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from werkwijzer.core.errors import AccessDenied
from werkwijzer.questions import services
from werkwijzer.questions.models import FaqEntry, Question
from werkwijzer.questions.tests.conftest import login

pytestmark = pytest.mark.django_db
ASK = "/vraag-de-specialist/"
ANSWER = "/vraag-de-specialist/antwoord/"
GOOD = {
    "text": "Mag mijn werkgever vragen welke behandeling ik krijg?",
    "topic": "wat-mag-werkgever-vragen",
    "email": "vrager@voorbeeld.nl",
    "consent_publication": "on",
    "website": "",
}


def ask(client, **changes):
    return client.post(ASK, {**GOOD, **changes})


def test_ask_page_works_without_account(client):
    response = client.get(ASK)
    assert response.status_code == 200
    assert b'name="website"' in response.content  # the honeypot


def test_asking_gives_a_private_link_that_never_is_in_the_address(client):
    response = ask(client)
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{ANSWER}?nieuw=1"  # no token in any URL
    assert len(question.token) >= 32
    assert question.consent_publication and question.email == "vrager@voorbeeld.nl"
    page = client.get(response["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert f"{ANSWER}{question.token}/" in body  # the link to save is on the page
    assert GOOD["text"] in body
    assert page["Cache-Control"] == "private, no-store"


def test_the_private_link_is_swapped_for_the_session(client):
    ask(client)
    question = Question.objects.get()
    visitor = Client(HTTP_ACCEPT_LANGUAGE="en")  # another browser, from the e-mail
    response = visitor.get(f"{ANSWER}{question.token}/", follow=True)
    assert response.redirect_chain == [(ANSWER, 302)]
    final = response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"]
    assert question.token not in final
    assert response.status_code == 200
    assert GOOD["text"] in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    # Reloading the page without the token still works: the session holds it.
    again = visitor.get(ANSWER)
    assert again.status_code == 200 and GOOD["text"] in again.content.decode()


def test_the_answer_page_without_a_private_link_explains_the_way_back():
    response = Client().get(ANSWER)
    assert response.status_code == 404
    assert "privélink" in response.content.decode()


def test_tokens_are_random_and_unknown_tokens_404(client):
    ask(client)
    ask(client)
    first, second = Question.objects.all()
    assert first.token != second.token
    assert client.get("/vraag-de-specialist/antwoord/niet-bestaand/").status_code == 404
    assert "questions.answer_token" not in Client().session  # nothing stored for a miss


def test_invalid_question_keeps_the_text(client):
    response = ask(client, text="kort", email="geen-adres")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Please check the form" in body or "Controleer" in body
    assert 'value="geen-adres"' in body
    assert not Question.objects.exists()


def test_honeypot_stops_bots(client):
    response = ask(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_one_address_asks_at_most_five_an_hour_behind_the_proxy(settings):
    """With one proxy the limit is per visitor, not per proxy: one person cannot use up
    Vraag de specialist for everyone."""
    settings.WERKWIJZER_PROXY_COUNT = 1
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for _n in range(5):
        assert first.post(ASK, GOOD).status_code == 302
    response = first.post(ASK, GOOD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Te veel pogingen vanaf jouw adres" in body
    assert GOOD["text"] in body  # nothing typed is lost
    assert int(response["Retry-After"]) > 0
    # Another visitor behind the same proxy may still ask.
    other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert other.post(ASK, GOOD).status_code == 302
    assert Question.objects.count() == 6


def test_without_proxies_a_forged_forwarded_for_does_not_reset_the_limit(client):
    for number in range(5):
        client.post(ASK, GOOD, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert client.post(ASK, GOOD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_queue_only_for_baco_and_kag(client, baco, bedrijfsarts, editor):
    assert client.get("/vraag-de-specialist/specialist/").status_code == 302  # log in first
    login(client, bedrijfsarts)
    assert client.get("/vraag-de-specialist/specialist/").status_code == 403
    login(client, editor)
    assert client.get("/vraag-de-specialist/specialist/").status_code == 403
    login(client, baco)
    assert client.get("/vraag-de-specialist/specialist/").status_code == 200


def test_claim_answer_and_notify_without_content(client, baco):
    ask(client)
    question = Question.objects.get()
    login(client, baco)
    url = reverse("questions:question", args=[question.pk])
    assert GOOD["text"] in client.get("/vraag-de-specialist/specialist/").content.decode()
    # Answering before claiming is refused.
    response = client.post(url, {"action": "answer", "answer": "Nee."})
    assert response.status_code == 400
    client.post(url, {"action": "claim"})
    question.refresh_from_db()
    assert question.status == "claimed" and question.claimed_by == baco
    answer_text = "Nee, dat mag niet. Je werkgever mag vragen wat je wel en niet kunt."
    response = client.post(url, {"action": "answer", "answer": answer_text})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered" and question.answer == answer_text
    assert question.email == ""  # deleted once the e-mail was sent
    assert question.notified_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["vrager@voorbeeld.nl"]
    assert question.token in message.body
    assert GOOD["text"] not in message.body and answer_text not in message.body
    assert "behandeling" not in message.subject + message.body
    client.logout()
    page = client.get(reverse("questions:answer", args=[question.token]), follow=True)
    page = page.content.decode()
    assert answer_text in page


def test_second_claim_loses(client, baco, kag):
    question = services.ask(text="Een vraag over werk en kanker.", ip="1.2.3.4")
    assert services.claim(question, baco)
    assert not services.claim(question, kag)
    login(client, kag)
    response = client.post(
        reverse("questions:question", args=[question.pk]), {"action": "claim"}, follow=True
    )
    assert (
        "Another specialist" in response.content.decode()
        or "Een andere" in response.content.decode()
    )
    assert not services.answer(question, kag, "Antwoord", "http://testserver/")
    question.refresh_from_db()
    assert question.claimed_by == baco


def test_release_puts_question_back(baco):
    question = services.ask(text="Een vraag over werk en kanker.", ip="1.2.3.4")
    services.claim(question, baco)
    assert services.release(question, baco)
    assert question.status == "open" and question.claimed_by is None


def test_only_baco_or_kag_can_claim(bedrijfsarts):
    question = services.ask(text="Een vraag over werk en kanker.", ip="1.2.3.4")
    assert not services.claim(question, bedrijfsarts)


@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_have_one_winner(baco, kag):
    from werkwijzer.questions.tests.conftest import make

    others = [make(f"baco{n}", "professional", "baco") for n in range(6)]
    question = services.ask(text="Een vraag over werk en kanker.", ip="1.2.3.4")
    results = []
    barrier = threading.Barrier(len(others))

    def attempt(user):
        try:
            barrier.wait()
            results.append(services.claim(Question.objects.get(pk=question.pk), user))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in others]
    if connection.vendor == "sqlite":
        threads = threads[:1]  # SQLite in memory is not shared between threads
        barrier = threading.Barrier(1)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1


def _answered(baco, consent=True):
    question = services.ask(
        text="Ik ben Anna uit Zwolle. Mag ik minder uren werken?",
        ip="1.2.3.4",
        consent_publication=consent,
        topic="werkaanpassing",
    )
    services.claim(question, baco)
    services.answer(question, baco, "Ja, bespreek dat met uw bedrijfsarts.", "http://t/")
    question.refresh_from_db()
    return question


def test_editor_publishes_anonymised_faq(client, baco, editor):
    question = _answered(baco)
    login(client, editor)
    overview = client.get("/vraag-de-specialist/redactie/").content.decode()
    assert "Mag ik minder uren werken" in overview
    url = reverse("questions:publish", args=[question.pk])
    form = client.get(url).content.decode()
    assert "Anna uit Zwolle" in form  # the editor sees the copy to anonymise
    data = {
        "question_nl": "Mag ik minder uren werken na kanker?",
        "answer_nl": "Ja, bespreek dat met uw bedrijfsarts.",
        "question_en": "",
        "answer_en": "",
        "topics": ["werkaanpassing"],
    }
    response = client.post(url, data)  # without the anonymised tick
    assert response.status_code == 400
    response = client.post(url, {**data, "anonymised": "on"})
    entry = FaqEntry.objects.get()
    assert response.status_code == 302
    assert entry.published and entry.source == question and entry.published_by == editor
    assert "Anna" not in entry.question_nl
    client.logout()
    listing = client.get("/vraag-de-specialist/veelgestelde-vragen/").content.decode()
    assert "Mag ik minder uren werken na kanker?" in listing
    detail = client.get(f"/vraag-de-specialist/veelgestelde-vragen/{entry.slug}/")
    assert detail.status_code == 200
    filtered = client.get("/vraag-de-specialist/veelgestelde-vragen/?onderwerp=wia")
    assert "minder uren" not in filtered.content.decode()
    # Unpublish: gone from the public pages.
    login(client, editor)
    client.post(reverse("questions:faq_edit", args=[entry.pk]), {"action": "unpublish"})
    client.logout()
    assert client.get(f"/vraag-de-specialist/veelgestelde-vragen/{entry.slug}/").status_code == 404


def test_no_publication_without_consent(client, baco, editor):
    question = _answered(baco, consent=False)
    login(client, editor)
    assert "Mag ik minder uren" not in client.get("/vraag-de-specialist/redactie/").content.decode()
    assert client.get(reverse("questions:publish", args=[question.pk])).status_code == 404
    with pytest.raises(AccessDenied):
        services.publish(editor=editor, question_nl="v", answer_nl="a", source=question)


def test_publish_pages_only_for_editors(client, baco, person):
    question = _answered(baco)
    url = reverse("questions:publish", args=[question.pk])
    login(client, baco)
    assert client.get(url).status_code == 403
    login(client, person)
    assert client.get("/vraag-de-specialist/redactie/").status_code == 403


def test_faq_in_english(client, editor):
    services.publish(
        editor=editor,
        question_nl="Moet ik vertellen dat ik kanker heb?",
        answer_nl="Nee, dat hoeft niet.",
        question_en="Do I have to say that I have cancer?",
        answer_en="No, you do not have to.",
        topics=["wat-mag-werkgever-vragen"],
    )
    entry = FaqEntry.objects.get()
    page = client.get(
        f"/vraag-de-specialist/veelgestelde-vragen/{entry.slug}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Do I have to say" in page.content.decode()
