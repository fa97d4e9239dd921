"""The events catalogue: filters, the page, the calendar file, the tag for other apps'
pages, demo events, and providers who keep only their own events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.seeding import SeedContext
from werkwijzer.events import services
from werkwijzer.events.models import Event
from werkwijzer.events.seeding import DEMO_EVENTS, seed

pytestmark = pytest.mark.django_db


def make_event(**fields) -> Event:
    starts = timezone.now() + dt.timedelta(days=fields.pop("days", 7))
    values = {
        "title": "Groep werk en kanker",
        "kind": "group",
        "summary": "Vijf avonden praten over werk.",
        "starts_at": starts,
        "ends_at": starts + dt.timedelta(hours=2),
        "city": "Utrecht",
        "audiences": ["werkende"],
        "topics": ["vermoeidheid-en-werk"],
        "costs": "Gratis",
        "is_free": True,
        "organiser": "IPSO-centrum Utrecht",
    }
    return Event.objects.create(**(values | fields))


def test_the_list_shows_coming_events_and_filters_them(client):
    make_event()
    make_event(
        title="Webinar voor werkgevers",
        kind="webinar",
        online=True,
        city="",
        audiences=["werkgever"],
        topics=["werkgever-hr-beleid"],
        is_free=False,
        costs="€ 20",
    )
    make_event(title="Al geweest", days=-3)
    make_event(title="Verborgen", published=False)
    page = client.get(reverse("events:list")).content.decode()
    assert "Groep werk en kanker" in page and "Webinar voor werkgevers" in page
    assert "Al geweest" not in page and "Verborgen" not in page
    assert "2 bijeenkomsten die nog komen" in page
    for query, shown, hidden in (
        ({"waar": "online"}, "Webinar voor werkgevers", "Groep werk en kanker"),
        ({"gratis": "on"}, "Groep werk en kanker", "Webinar voor werkgevers"),
        ({"voor": "werkgever"}, "Webinar voor werkgevers", "Groep werk en kanker"),
        ({"onderwerp": "vermoeidheid-en-werk"}, "Groep werk en kanker", "Webinar voor werkgevers"),
        ({"soort": "webinar"}, "Webinar voor werkgevers", "Groep werk en kanker"),
    ):
        text = client.get(reverse("events:list"), query).content.decode()
        assert shown in text and hidden not in text, query


def test_a_filter_that_does_not_exist_shows_everything_not_an_error(client):
    make_event()
    response = client.get(reverse("events:list"), {"soort": "<script>", "onderwerp": "x" * 500})
    assert response.status_code == 200
    assert "Groep werk en kanker" in response.content.decode()


def test_the_page_and_its_calendar_file(client):
    event = make_event(url="https://www.example.org/aanmelden")
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "IPSO-centrum Utrecht" in page and "Mensen met of na kanker" in page
    assert reverse("events:ics", args=[event.pk]) in page
    response = client.get(reverse("events:ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"].startswith("public")
    entry = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(entry["summary"]) == "Groep werk en kanker"
    assert entry["dtstart"].dt == event.starts_at.replace(microsecond=0)
    assert str(entry["location"]) == "Utrecht"
    assert str(entry["uid"]).startswith(f"event-{event.pk}@")
    hidden = make_event(published=False)
    assert client.get(reverse("events:detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("events:ics", args=[987654])).status_code == 404


def test_the_tag_shows_coming_events_about_the_topics():
    make_event()
    make_event(title="Over iets anders", topics=["wia"])
    html = Template("{% load events_tags %}{% events_for_topics topics %}").render(
        Context({"topics": ("vermoeidheid-en-werk", "iva")})
    )
    assert "Groep werk en kanker" in html and "Over iets anders" not in html
    one = Template("{% load events_tags %}{% events_for_topics 'wia' %}").render(Context())
    assert "Over iets anders" in one and "?onderwerp=wia" in one
    none = Template("{% load events_tags %}{% events_for_topics 'aov' %}").render(Context())
    assert none.strip() == ""


def test_demo_events_say_they_are_demo_everywhere(client):
    seed(SeedContext(content_dir=None, write=lambda _line: None))
    seed(SeedContext(content_dir=None, write=lambda _line: None))  # idempotent
    assert Event.objects.filter(is_demo=True).count() == len(DEMO_EVENTS)
    listing = client.get(reverse("events:list")).content.decode()
    assert listing.count("Voorbeeld, bestaat niet") >= len(DEMO_EVENTS)
    event = Event.objects.filter(is_demo=True).first()
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "deze bijeenkomst is verzonnen" in page
    ics = client.get(reverse("events:ics", args=[event.pk])).content.decode()
    assert "Voorbeeld\\, bestaat niet" in ics and "verzonnen" in ics


def test_the_model_refuses_an_end_before_the_start_and_no_place():
    from django.core.exceptions import ValidationError

    event = make_event()
    event.ends_at = event.starts_at - dt.timedelta(hours=1)
    event.city = ""
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert set(error.value.message_dict) >= {"ends_at", "city"}


def _owner_with_verified_entry():
    from werkwijzer.directory.factories import ProviderFactory
    from werkwijzer.directory.models import Ownership

    owner = make_user("professional", profession="baco")
    entry = ProviderFactory(
        kinds=["ipso-centrum"], name="IPSO Voorbeeld", verified_on=timezone.localdate()
    )
    Ownership.objects.create(provider=entry, user=owner)
    return owner, entry


FORM = {
    "title": "Informatieavond werk en kanker",
    "kind": "meeting",
    "summary": "Een avond over werk.",
    "starts_at": "2031-03-10T19:00",
    "ends_at": "2031-03-10T21:00",
    "city": "Zwolle",
    "audiences": ["werkende", "naaste"],
    "topics": ["rechten-en-plichten"],
    "costs": "Gratis",
    "organiser": "IPSO Voorbeeld",
}


def test_a_verified_provider_adds_and_changes_only_their_own_events(client):
    owner, entry = _owner_with_verified_entry()
    force_login_verified(client, owner)
    response = client.post(reverse("events:add"), {**FORM, "provider": entry.pk})
    assert response.status_code == 302
    event = Event.objects.get(title=FORM["title"])
    assert event.provider_id == entry.pk and event.published and event.created_by == owner
    assert client.get(reverse("events:mine")).content.decode().count(FORM["title"]) == 1
    # Another professional, and an editor, cannot change it through these pages.
    for other in (make_user("professional", profession="baco"), make_user("editor")):
        force_login_verified(client, other)
        url = reverse("events:edit", args=[event.pk])
        assert client.get(url).status_code in (403, 404)
        assert client.post(url, {**FORM, "title": "Gekaapt", "provider": entry.pk}).status_code in (
            403,
            404,
        )
    event.refresh_from_db()
    assert event.title == FORM["title"]


def test_a_provider_cannot_add_for_an_entry_they_do_not_own(client):
    owner, _entry = _owner_with_verified_entry()
    _other_owner, other_entry = _owner_with_verified_entry()
    force_login_verified(client, owner)
    response = client.post(reverse("events:add"), {**FORM, "provider": other_entry.pk})
    assert response.status_code == 200
    assert "Kies de vermelding" in response.content.decode()
    assert not Event.objects.exists()


def test_an_unverified_entry_cannot_add_events(client):
    from werkwijzer.directory.factories import ProviderFactory
    from werkwijzer.directory.models import Ownership

    owner = make_user("professional", profession="baco")
    entry = ProviderFactory(kinds=["ipso-centrum"], verified_on=None)
    Ownership.objects.create(provider=entry, user=owner)
    force_login_verified(client, owner)
    assert services.keepable_entries(owner) == []
    assert client.post(reverse("events:add"), {**FORM, "provider": entry.pk}).status_code == 302
    assert not Event.objects.exists()


def test_events_for_topics_for_other_apps():
    make_event(audiences=["werkgever"])
    assert (
        services.events_for_topics(["vermoeidheid-en-werk"])[0]["title"] == "Groep werk en kanker"
    )
    assert services.events_for_topics(["vermoeidheid-en-werk"], audience="werkende") == []


def test_an_editor_adds_an_event_in_the_admin(client):
    editor = make_user("editor", is_staff=True)
    force_login_verified(client, editor)
    add = reverse("admin:events_event_add")
    assert client.get(add).status_code == 200
    response = client.post(add, {**FORM, "published": "on", "provider": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(title=FORM["title"])
    assert event.created_by == editor and event.published and event.provider is None
    force_login_verified(client, make_user("person", is_staff=True))
    assert client.get(add).status_code in (302, 403)


def test_the_list_speaks_english(client, settings):
    make_event()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("events:list")).content.decode()
    assert "Courses, groups and events" in page and "1 coming event" in page
