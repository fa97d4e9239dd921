"""The calendar file: upcoming dates by default, a reminder per event, UIDs that last."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from werkwijzer.timeline.ics import milestone_uid, route_to_ics
from werkwijzer.timeline.routes import Milestone, Step
from werkwijzer.timeline.services import compute, parse_input

TODAY = date(2026, 11, 23)
SITUATION = {"employment": "loondienst-vast", "sick_since": "2026-01-05"}


@pytest.fixture(autouse=True)
def fixed_today():
    with time_machine.travel(TODAY, tick=False):
        yield


def events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


def route(language: str = "nl"):
    return compute(parse_input(SITUATION), language, TODAY)


def test_only_the_dates_from_today_on_by_default():
    found = events(route_to_ics(route()))
    assert found and all(event.decoded("dtstart") >= TODAY for event in found)
    every = events(route_to_ics(route(), include_past=True))
    assert len(every) == len(route().steps) > len(found)
    assert min(event.decoded("dtstart") for event in every) < TODAY


def test_every_event_has_a_display_reminder_three_days_before():
    for language, words in (("nl", "Over 3 dagen: "), ("en", "In 3 days: ")):
        for event in events(route_to_ics(route(language), include_past=True)):
            (alarm,) = event.walk("VALARM")
            assert str(alarm["action"]) == "DISPLAY"
            trigger = alarm.decoded("trigger")
            assert timedelta(days=-3) <= trigger < timedelta(days=-2)  # 9:00, 3 days before
            assert str(alarm["description"]) == words + str(event["summary"])


def test_uids_stay_when_a_milestone_is_added_before_them(settings):
    settings.WERKWIJZER_SITE_URL = "https://werkwijzer.example.nl"
    before = route()
    first = before.steps[0]
    extra = Step(
        milestone=Milestone(
            "nieuwe-regel", first.milestone.due, 1, "werkgever", "Nieuw.", "uwv-ziek-werknemer"
        ),
        title="Nieuwe regel",
        tasks=(),
        if_missed="",
        rule="test",
    )
    after = dataclasses.replace(before, steps=(extra, *before.steps))
    old = {
        str(e["uid"]): e.decoded("dtstart") for e in events(route_to_ics(before, include_past=True))
    }
    new = {
        str(e["uid"]): e.decoded("dtstart") for e in events(route_to_ics(after, include_past=True))
    }
    assert len(new) == len(old) + 1 and set(old) < set(new)
    assert all(uid.endswith("@werkwijzer.example.nl") for uid in new)
    assert old == {uid: due for uid, due in new.items() if uid in old}


def test_a_uid_leaves_out_the_language_and_the_date_of_today():
    dutch = [str(e["uid"]) for e in events(route_to_ics(route("nl"), include_past=True))]
    english = [str(e["uid"]) for e in events(route_to_ics(route("en"), include_past=True))]
    assert dutch == english
    with time_machine.travel(TODAY + timedelta(days=200), tick=False):
        later = [str(e["uid"]) for e in events(route_to_ics(route("nl")))]
    assert later and set(later) < set(dutch)


def test_the_evaluations_get_a_uid_each():
    uid = milestone_uid(date(2026, 1, 5), "evaluatie", 1, "example.nl")
    assert uid != milestone_uid(date(2026, 1, 5), "evaluatie", 2, "example.nl")
    assert uid != milestone_uid(date(2026, 1, 6), "evaluatie", 1, "example.nl")


@pytest.mark.usefixtures("helper_catalogue")
@pytest.mark.parametrize("asked", [{"alle": "1"}, {}])
def test_the_page_and_the_plan_leave_out_the_past_unless_asked(client, asked):
    from werkwijzer.navigator.tests.test_views import form_data

    timeline = events(client.post(reverse("timeline:ics"), {**SITUATION, **asked}).content)
    query = "?alle=1" if asked else ""
    plan = events(
        client.post(reverse("navigator:output", args=["ics"]) + query, form_data()).content
    )
    for found in (timeline, plan):
        past = [e for e in found if e.decoded("dtstart") < TODAY]
        assert bool(past) == bool(asked)
