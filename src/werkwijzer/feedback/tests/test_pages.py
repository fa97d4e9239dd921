"""The reader's side: "Heb je hier iets aan?", the contact form, the rate limits, and
that nothing about the reader is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.testing import run_worker_once
from werkwijzer.feedback import services
from werkwijzer.feedback.models import ContactMessage, Feedback, SearchMiss
from werkwijzer.feedback.tasks import purge_contact_messages

pytestmark = pytest.mark.django_db
ANSWER = {"kind": "article", "key": "12", "back": "/kennisbank/iets/", "helpful": "no"}


def test_an_answer_without_javascript_lands_on_the_thank_you_page(client):
    response = client.post(reverse("feedback:answer"), {**ANSWER, "remark": "Te moeilijk"})
    assert response.status_code == 302
    page = client.get(response["Location"])
    text = page.content.decode()
    assert "Bedankt voor je antwoord" in text
    assert 'href="/kennisbank/iets/"' in text
    stored = Feedback.objects.get()
    assert (stored.kind, stored.key, stored.helpful, stored.remark) == (
        "article",
        "12",
        False,
        "Te moeilijk",
    )
    # Nothing about the reader: no address, no account, no time of day.
    fields = {f.name for f in Feedback._meta.get_fields()}
    assert fields == {"id", "kind", "key", "helpful", "remark", "language", "created_on"}


def test_an_answer_posted_from_another_site_is_refused(client):
    refused = client.post(reverse("feedback:answer"), ANSWER, HTTP_SEC_FETCH_SITE="cross-site")
    assert refused.status_code == 403 and not Feedback.objects.exists()


def test_an_answer_with_javascript_gets_the_thanks_as_json(client):
    response = client.post(
        reverse("feedback:answer"), {**ANSWER, "helpful": "yes"}, HTTP_X_WERKWIJZER_ENHANCED="1"
    )
    assert response.status_code == 200
    assert "Fijn dat je hier iets aan hebt" in response.json()["message"]
    assert Feedback.objects.get().helpful is True


def test_an_answer_without_yes_or_no_says_so_in_dutch(client):
    response = client.post(reverse("feedback:answer"), {**ANSWER, "helpful": ""})
    assert response.status_code == 400
    assert "Kies ja of nee." in response.content.decode()
    json = client.post(
        reverse("feedback:answer"), {**ANSWER, "helpful": "maybe"}, HTTP_X_WERKWIJZER_ENHANCED="1"
    )
    assert json.status_code == 400 and json.json()["errors"][0]["field"] == "helpful"
    assert not Feedback.objects.exists()


def test_the_thank_you_page_never_links_to_another_site(client):
    response = client.post(reverse("feedback:answer"), {**ANSWER, "back": "//evil.example/x"})
    page = client.get(response["Location"]).content.decode()
    assert "evil.example" not in page
    # (The language switch repeats the page's own address, query and all, as a form value.)
    other = client.get(reverse("feedback:thanks") + "?terug=https://evil.example")
    assert 'href="https://evil.example"' not in other.content.decode()


def test_answers_are_limited_per_real_client_address(client, settings):
    settings.WERKWIJZER_RATE_LIMITS = {"feedback": "2/h"}
    settings.WERKWIJZER_PROXY_COUNT = 1
    url = reverse("feedback:answer")
    for _ in range(2):
        assert client.post(url, ANSWER, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 302
    # A client cannot escape by sending its own X-Forwarded-For in front: the proxy's entry counts.
    blocked = client.post(url, ANSWER, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert blocked.status_code == 429 and blocked["Retry-After"]
    assert "Wacht" in blocked.content.decode()
    other = client.post(url, ANSWER, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert other.status_code == 302
    assert Feedback.objects.count() == 3


def test_the_tag_renders_the_form_for_an_article_and_for_the_plan():
    request = RequestFactory().get("/kennisbank/moe/?x=1")
    html = Template('{% load feedback_tags %}{% feedback_form "article" 7 %}').render(
        Context({"request": request})
    )
    assert 'action="/terugkoppeling/"' in html
    assert 'name="key" value="7"' in html
    assert 'value="/kennisbank/moe/?x=1"' in html
    assert "csrfmiddlewaretoken" not in html  # a public article stays cacheable
    plan = RequestFactory().get("/wegwijzer/plan/?rol=werkende&leeftijd=45")
    html = Template('{% load feedback_tags %}{% feedback_form "plan" "poortwachter" %}').render(
        Context({"request": plan})
    )
    assert 'name="back" value="/wegwijzer/plan/"' in html  # never the reader's answers
    assert "leeftijd" not in html


def test_the_contact_form_stores_the_message_and_queues_the_mail(client):
    editor = make_user("editor", email="redactie@example.org")
    response = client.post(
        reverse("feedback:contact"),
        {
            "message": "Ik mis informatie over zzp en AOV.",
            "email": "lezer@example.nl",
            "page": "/zoeken/",
        },
    )
    assert response.status_code == 302
    sent = client.get(response["Location"]).content.decode()
    assert "Je bericht is verstuurd" in sent and "antwoordt je per e-mail" in sent
    stored = ContactMessage.objects.get()
    assert stored.email == "lezer@example.nl" and stored.page == "/zoeken/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert message.reply_to == ["lezer@example.nl"]
    assert "zzp en AOV" in message.body and "lezer@example.nl" not in message.body


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    EMAIL_BACKEND="werkwijzer.core.tests.test_mail.FailingBackend",
)
def test_a_message_is_kept_when_the_mail_server_is_down(client):
    make_user("editor", email="redactie@example.org")
    response = client.post(reverse("feedback:contact"), {"message": "Hallo redactie"})
    assert response.status_code == 302
    assert DBTaskResult.objects.get().status == "READY"  # queued, not sent in the request
    run_worker_once("--no-schedule")
    assert mail.outbox == []
    assert DBTaskResult.objects.order_by("enqueued_at").last().status == "FAILED"
    assert ContactMessage.objects.get().message == "Hallo redactie"


def test_the_contact_form_says_what_is_wrong_and_is_rate_limited(client, settings):
    page = client.post(reverse("feedback:contact"), {"message": "", "email": "geen-adres"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Schrijf je bericht." in text and "naam@voorbeeld.nl" in text
    settings.WERKWIJZER_RATE_LIMITS = {"contact": "1/h"}
    assert client.post(reverse("feedback:contact"), {"message": "Een"}).status_code == 302
    blocked = client.post(reverse("feedback:contact"), {"message": "Twee"})
    assert blocked.status_code == 429
    assert ContactMessage.objects.count() == 1


def test_handled_messages_lose_the_address_and_old_ones_are_deleted():
    old = ContactMessage.objects.create(message="oud", email="a@example.nl")
    ContactMessage.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=91)
    )
    recent = ContactMessage.objects.create(message="nieuw", email="b@example.nl", name="B")
    services.mark_handled([recent.pk])
    recent.refresh_from_db()
    assert (recent.email, recent.name, recent.status) == ("", "", "handled")
    assert purge_contact_messages.call() == 1
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["nieuw"]


def test_a_search_without_a_result_counts_the_words_only(client, kennisbank):
    client.get(reverse("search:index"), {"q": "Xylofoonles 3511AB jan@example.nl"})
    client.get(reverse("search:index"), {"q": "xylofoonles"})
    client.get(reverse("search:index"), {"q": "vermoeidheid"})  # finds articles
    assert list(SearchMiss.objects.values_list("words", "count")) == [("xylofoonles", 2)]


def test_only_editors_see_the_gap_map(client, kennisbank):
    services.count_missed_search("zwangerschapsverlof kanker", "nl")
    from werkwijzer.knowledge.services import live_article_queryset

    article = live_article_queryset().filter(locale__language_code="nl").first()
    services.record_feedback("article", str(article.pk), False, "Ik mis de kosten", "nl")
    services.record_feedback("plan", "poortwachter", True, "", "nl")
    ContactMessage.objects.create(message="Hallo")
    url = reverse("feedback:gaps")
    assert client.get(url).status_code == 302  # log in first
    force_login_verified(client, make_user("person"))
    assert client.get(url).status_code == 403
    force_login_verified(client, make_user("editor"))
    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "zwangerschapsverlof kanker" in text
    assert escape(article.title) in text and "Ik mis de kosten" in text
    assert "1 keer ja, 0 keer nee" in text
    assert "1 nieuw bericht" in text


def test_the_pages_speak_english_beside_dutch(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    contact = client.get(reverse("feedback:contact")).content.decode()
    assert "Write to the editors" in contact and "What happens to your message" in contact
    assert "We delete your message after 90 days at the latest." in contact
    response = client.post(reverse("feedback:answer"), {**ANSWER, "helpful": "yes"})
    thanks = client.get(response["Location"]).content.decode()
    assert "Good to hear that this helps you." in thanks
    assert Feedback.objects.get().language == "en"


def test_every_page_links_to_the_contact_form_with_the_page_it_came_from(client):
    page = client.get("/wie-kan-helpen/").content.decode()
    assert f"{reverse('feedback:contact')}?pagina=/wie-kan-helpen/" in page
