"""Vraag de specialist and intercollegial consultation in Chromium: a visitor asks (error,
then fixed), a BACO logs in with TOTP and answers, the visitor reads the answer by the
private link, an editor publishes it as FAQ, search finds it; two professionals talk in a
consultation thread. Every page is checked with axe and photographed; the core paths
also work without JavaScript."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _new_page, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "Proef-wachtwoord-2026!"


@pytest.fixture
def seeded_live(transactional_db):
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"questions"})


def _user(username, role, profession="", provider=None, first="", last=""):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@voorbeeld.nl",
        password=PASSWORD,
        role=role,
        profession=profession,
        provider=provider,
        first_name=first,
        last_name=last,
    )
    return user


def _with_totp(user) -> str:
    from werkwijzer.accounts import twofactor
    from werkwijzer.accounts.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, secret=pyotp.random_base32())
    twofactor.confirm_device(device)
    return device.secret


def _login(page, user, secret: str, next_path: str) -> None:
    page.goto(f"/inloggen/?next={next_path}")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Inloggen|Log in")).click()
    page.wait_for_url(re.compile("tweede-stap"))
    page.locator("#id_code").fill(pyotp.TOTP(secret).now())
    page.locator("form.form-grid button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))


def _provider(**fields):
    from werkwijzer.directory.factories import ProviderFactory

    return ProviderFactory(**fields)


def test_ask_answer_publish_and_find(browser, live_server, page):
    from django.core import mail

    from werkwijzer.questions.models import FaqEntry, Question

    # A visitor asks without an account; the first try is too short.
    page.goto("/vraag-de-specialist/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    screenshot(page, "questions-ask")
    page.locator("#id_text").fill("Baas?")
    page.get_by_role("button", name=re.compile("Verstuur mijn vraag")).click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_text-error").is_visible()
    assert_accessible(page)
    screenshot(page, "questions-ask-error")
    text = "Ik werk als kok en heb darmkanker gehad. Mag ik vragen om lichter werk in de keuken?"
    page.locator("#id_text").fill(text)
    page.locator("#id_topic").select_option("werkaanpassing")
    page.locator("#id_email").fill("vrager@voorbeeld.nl")
    page.locator("label[for=id_consent_publication]").click()
    page.get_by_role("button", name=re.compile("Verstuur mijn vraag")).click()
    page.wait_for_url(re.compile(r"/antwoord/(\?|$)"))  # the token never in the URL
    private_link = page.locator(".questions-private-link a").get_attribute("href")
    assert "Er is nog geen antwoord" in page.content()
    assert_accessible(page)
    screenshot(page, "questions-answer-waiting")
    question = Question.objects.get(text=text)

    # A BACO logs in with the second factor, claims and answers.
    baco = _user("baco-browser", "professional", "baco", first="Bea", last="Verzinsma")
    secret = _with_totp(baco)
    context, baco_page = _new_page(browser, live_server)
    _login(baco_page, baco, secret, "/vraag-de-specialist/specialist/")
    assert text[:40] in baco_page.content()
    assert_accessible(baco_page)
    screenshot(baco_page, "questions-queue")
    baco_page.get_by_role("link", name=re.compile("Ik werk als kok")).click()
    baco_page.get_by_role("button", name=re.compile("Ik beantwoord deze vraag")).click()
    assert baco_page.locator("#id_answer").is_visible()
    assert_accessible(baco_page)
    screenshot(baco_page, "questions-claimed")
    answer = (
        "Ja, dat mag je vragen. Bespreek met je leidinggevende welke taken nu te zwaar zijn. "
        "De bedrijfsarts kan adviseren over lichter werk."
    )
    baco_page.locator("#id_answer").fill(answer)
    baco_page.get_by_role("button", name=re.compile("Verstuur het antwoord")).click()
    baco_page.wait_for_url(re.compile("/specialist/$"))
    assert "Het antwoord is verstuurd" in baco_page.content()
    context.close()
    assert len(mail.outbox) == 1 and text not in mail.outbox[0].body
    assert private_link in mail.outbox[0].body

    # The visitor reads the answer with the private link.
    page.goto(private_link)
    assert "bespreek met je leidinggevende" in page.content().lower()
    assert_accessible(page)
    screenshot(page, "questions-answer")

    # An editor publishes an anonymised version.
    editor = _user("redacteur-browser", "editor", first="Eva", last="Redactie")
    secret = _with_totp(editor)
    context, editor_page = _new_page(browser, live_server)
    _login(editor_page, editor, secret, "/vraag-de-specialist/redactie/")
    assert_accessible(editor_page)
    screenshot(editor_page, "questions-editor")
    editor_page.get_by_role("link", name=re.compile("Ik werk als kok")).click()
    editor_page.locator("#id_question_nl").fill(
        "Mag ik na kanker vragen om lichter werk in de keuken?"
    )
    editor_page.locator("label[for=id_topics_0]").click()
    editor_page.get_by_role("button", name="Publiceren").click()
    assert editor_page.locator("#id_anonymised-error").is_visible()  # the tick is required
    assert_accessible(editor_page)
    screenshot(editor_page, "questions-publish-error")
    editor_page.locator("label[for=id_anonymised]").click()
    editor_page.get_by_role("button", name="Publiceren").click()
    editor_page.wait_for_url(re.compile("/veelgestelde-vragen/[\\w-]+/$"))
    context.close()
    entry = FaqEntry.objects.get(source=question)
    assert entry.published and "kok" not in entry.question_nl

    # Public FAQ list and page, and the search finds it.
    page.goto("/vraag-de-specialist/veelgestelde-vragen/")
    assert "lichter werk in de keuken" in page.content()
    assert_accessible(page)
    screenshot(page, "questions-faq-list")
    page.get_by_role("link", name=re.compile("lichter werk in de keuken")).click()
    expect(page.locator("h1")).to_contain_text("Mag ik na kanker")
    assert_accessible(page)
    screenshot(page, "questions-faq-detail")
    page.goto("/zoeken/?q=lichter+werk+keuken")
    assert page.locator(f"a[href='/vraag-de-specialist/veelgestelde-vragen/{entry.slug}/']").count()
    screenshot(page, "questions-search")
    found = page.request.get("/api/v1/search?q=lichter+werk+keuken&type=faq").json()
    assert found["results"][0]["slug"] == entry.slug


def test_consultation_thread_between_two_professionals(browser, live_server, page):
    from django.core import mail

    provider = _provider(
        name="Bea Verzinsma", kinds=["baco"], intercollegial_consultation=True, city="Zwolle"
    )
    asker = _user("ba-browser", "professional", "bedrijfsarts", first="Daan", last="Proefhuizen")
    baco = _user(
        "baco-thread", "professional", "baco", provider=provider, first="Bea", last="Verzinsma"
    )
    _login(page, asker, _with_totp(asker), "/vraag-de-specialist/collegiaal/nieuw/")
    assert_accessible(page)
    screenshot(page, "questions-consultation-new")
    page.locator("#id_provider").select_option(str(provider.pk))
    page.locator("#id_subject").fill("Opbouw na darmkanker bij zwaar werk")
    page.locator("#id_text").fill("Het gaat om meneer Jansen, geboren 03-04-1968, lasser.")
    page.get_by_role("button", name=re.compile("Verstuur naar collega")).click()
    error = page.locator("#id_text-error")
    assert error.is_visible() and "herkennen" in error.inner_text()
    assert_accessible(page)
    screenshot(page, "questions-consultation-error")
    case = "Man van ongeveer 55, lasser, 38 uur. Half jaar na darmkanker erg moe. Hoe bouw ik op?"
    page.locator("#id_text").fill(case)
    page.get_by_role("button", name=re.compile("Verstuur naar collega")).click()
    page.wait_for_url(re.compile(r"/collegiaal/\d+/$"))
    thread_url = page.url
    assert [m.to for m in mail.outbox] == [[baco.email]]

    context, baco_page = _new_page(browser, live_server)
    path = thread_url.replace(live_server.url, "")
    _login(baco_page, baco, _with_totp(baco), path)
    assert case in baco_page.content()
    baco_page.locator("#id_text").fill(
        "Begin met korte dagen en lichte taken, en bouw elke twee weken op."
    )
    baco_page.get_by_role("button", name=re.compile("Verstuur reactie")).click()
    baco_page.wait_for_url(re.compile(r"/collegiaal/\d+/$"))
    context.close()

    page.reload()
    messages = page.locator(".questions-message")
    assert messages.count() == 2
    meta = messages.nth(1).locator(".questions-message__meta").inner_text()
    assert "Bea Verzinsma" in meta and "BACO" in meta
    assert_accessible(page)
    screenshot(page, "questions-consultation-thread")
    page.goto("/vraag-de-specialist/collegiaal/")
    assert_accessible(page)
    screenshot(page, "questions-consultations")


def test_ask_and_faq_without_javascript(browser, live_server, seeded_live):
    from werkwijzer.questions.models import Question

    context, page = _new_page(browser, live_server, java_script_enabled=False)
    page.goto("/vraag-de-specialist/")
    page.locator("#id_text").fill("Kan ik als zzp'er een uitkering krijgen als ik ziek word?")
    page.locator("button[type=submit].utrecht-button--primary-action").click()
    page.wait_for_url(re.compile(r"/antwoord/(\?|$)"))  # the token never in the URL
    assert Question.objects.filter(text__startswith="Kan ik als zzp").exists()
    page.goto("/vraag-de-specialist/veelgestelde-vragen/?onderwerp=zzp-en-kanker")
    assert page.locator(".questions-faq-list li").count() >= 1
    screenshot(page, "questions-faq-filter-nojs")
    context.close()
