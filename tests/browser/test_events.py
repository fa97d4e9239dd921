"""Issue 21 in the browser: an editor adds an event in /beheer/; it shows on the list,
its page, on the kennisbank's topic page and under an article about its topic, and
downloads as .ics. The plan shows the coming events about its topics folded, and stays
short on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

TITLE = "Groep werk en kanker in Zwolle"


@pytest.fixture
def seeded_live(transactional_db):
    """The demo events, and the kennisbank whose topic pages and articles show them."""
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers", "events", "knowledge"})


def _add_event(editor) -> None:
    editor.goto("/beheer/events/event/add/")
    editor.fill("#id_title", TITLE)
    editor.select_option("#id_kind", "group")
    editor.fill("#id_summary", "Vijf avonden praten over werk, moe zijn en je werkgever.")
    editor.fill("#id_organiser", "IPSO-centrum Zwolle")
    editor.fill("#id_starts_at", "2031-03-10T19:00")
    editor.fill("#id_ends_at", "2031-03-10T21:00")
    editor.fill("#id_city", "Zwolle")
    editor.check("input[name=audiences][value=werkende]")
    editor.check("input[name=topics][value=vermoeidheid-en-werk]")
    editor.fill("#id_costs", "Gratis")
    editor.check("#id_is_free")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text(TITLE)


def test_an_editor_adds_an_event_that_shows_and_downloads(browser, live_server, page):
    from tests.browser.test_directory import _editor_logs_in
    from werkwijzer.events.models import Event

    context, editor = _editor_logs_in(browser, live_server)
    _add_event(editor)
    context.close()
    event = Event.objects.get(title=TITLE)

    page.goto("/bijeenkomsten/")
    expect(page.locator(".event-list")).to_contain_text(TITLE)
    expect(page.locator(".badge--demo").first).to_be_visible()  # the seeded demo events
    assert_accessible(page)
    screenshot(page, "events-list-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "events-list-390")
    # Filters work as a plain GET form.
    page.select_option("#id_waar", "online")
    page.get_by_role("button", name="Laat zien").click()
    expect(page.locator("main")).not_to_contain_text(TITLE)
    page.goto("/bijeenkomsten/?onderwerp=vermoeidheid-en-werk&gratis=on")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    expect(page.locator(".event-facts")).to_contain_text("Mensen met of na kanker")
    assert_accessible(page)
    screenshot(page, "events-detail-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "events-detail-1280")

    with page.expect_download() as info:
        page.get_by_role("link", name="Zet in mijn agenda (.ics)").click()
    entry = Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")[0]
    assert str(entry["summary"]) == TITLE and str(entry["location"]) == "Zwolle"

    # The kennisbank's topic page and an article about the topic show it.
    page.goto("/kennisbank/?onderwerp=vermoeidheid-en-werk")
    section = page.locator(".events-for-topics")
    expect(section.get_by_role("link", name=TITLE)).to_have_attribute(
        "href", event.get_absolute_url()
    )
    assert_accessible(page)
    screenshot(page, "events-topic-page-1280")
    page.goto("/kennisbank/vermoeidheid-en-werk/")
    expect(page.locator(".events-for-topics").get_by_role("link", name=TITLE)).to_be_visible()


def test_the_plan_folds_the_events_about_its_topics_and_stays_short(page):
    from tests.browser.test_plan_size import DESKTOP, MAX_HEIGHT, PHONE, open_plan
    from werkwijzer.core.seeding import seed_all
    from werkwijzer.feedback.models import Feedback
    from werkwijzer.navigator.tests.standard_situations import STANDARD_SITUATIONS

    # As the plan-size test: the nearest providers too, so the plan is at its full length.
    seed_all(only={"directory"})
    page.set_viewport_size(PHONE)
    open_plan(page, STANDARD_SITUATIONS["agency-worker"])  # the tallest standard plan
    events = page.locator("details.plan-events")
    expect(events.locator("summary")).to_contain_text("over jouw onderwerpen")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert page.locator("details[open]").count() == 0
    print("plan height at 390 px with the events and the question:", height)  # pytest -s
    assert height <= MAX_HEIGHT, height
    assert_accessible(page)
    events.locator("summary").click()
    cards = events.locator(".event-card")
    assert 1 <= cards.count() <= 3
    expect(cards.first).to_contain_text("Voorbeeld")
    # "Heb je hier iets aan?" on the plan, answered in place (JavaScript).
    box = page.locator("[data-feedback]")
    box.locator("summary").click()
    box.get_by_label("Wil je nog iets zeggen?").fill("Ik mis een cursus in mijn buurt")
    assert_accessible(page)
    screenshot(page, "plan-events-feedback-390")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "plan-events-feedback-1280")
    box.get_by_role("button", name="Nee").click()
    expect(box.get_by_role("status")).to_contain_text("Bedankt voor je antwoord")
    assert page.url.endswith("/wegwijzer/plan/")
    stored = Feedback.objects.get()
    assert (stored.kind, stored.helpful) == ("plan", False)
    # Printed, the plan leaves out the events and the question (screen only).
    page.emulate_media(media="print")
    expect(events).to_be_hidden()
    expect(box).to_be_hidden()


def _logs_in(browser, live_server, user):
    """A new browser page, signed in with the password and a second factor."""
    import pyotp
    from django.utils import timezone

    from tests.browser.conftest import _new_page
    from tests.browser.test_care import _fill_login, _totp
    from werkwijzer.accounts.models import TOTPDevice

    secret = pyotp.random_base32()
    TOTPDevice.objects.create(user=user, secret=secret, confirmed_at=timezone.now())
    context, page = _new_page(browser, live_server)
    page.goto("/inloggen/")
    _fill_login(page, user)
    _totp(page, secret)
    expect(page.locator("form.account-menu__logout")).to_be_visible()
    return context, page


def test_a_verified_provider_adds_an_event_of_their_entry(browser, live_server):
    from django.utils import timezone

    from werkwijzer.accounts.testing import make_user
    from werkwijzer.directory.factories import ProviderFactory
    from werkwijzer.directory.models import Ownership
    from werkwijzer.events.models import Event

    owner = make_user("professional", profession="baco")
    entry = ProviderFactory(
        kinds=["ipso-centrum"], name="IPSO Voorbeeld", verified_on=timezone.localdate()
    )
    Ownership.objects.create(provider=entry, user=owner)
    context, page = _logs_in(browser, live_server, owner)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/bijeenkomsten/mijn/")
    page.get_by_role("link", name="Een bijeenkomst toevoegen").click()
    expect(page.locator("h1")).to_have_text("Een bijeenkomst toevoegen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#error-summary")).to_contain_text("Vul in wanneer het begint.")
    assert_accessible(page)
    screenshot(page, "events-provider-form-errors-390")
    page.fill("#id_title", "Informatieavond werk en kanker")
    page.select_option("#id_kind", "meeting")
    page.fill("#id_summary", "Een avond over werk en kanker.")
    page.fill("#id_starts_at", "2031-04-01T19:30")
    page.fill("#id_ends_at", "2031-04-01T21:30")
    page.fill("#id_city", "Zwolle")
    page.check("input[name=audiences][value=naaste]")
    page.fill("#id_costs", "Gratis")
    page.fill("#id_organiser", "IPSO Voorbeeld")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_contain_text("Informatieavond werk en kanker")
    expect(page.get_by_role("link", name="Deze bijeenkomst wijzigen")).to_be_visible()
    screenshot(page, "events-provider-saved-390")
    assert Event.objects.get().provider_id == entry.pk
    context.close()
