"""Demo events: made up, dated from the day of seeding, and marked as demo everywhere
(`is_demo`: the list, the page, the calendar file and the admin say "Voorbeeld").

The organisers are invented ("Voorbeeld ..."); the kinds follow what seeds 000 and 002
name: IPSO "werk en kanker" groups, online trainings, a webinar, the national cancer-and-
work day and a training for professionals. Idempotent: a second run updates them.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from werkwijzer.core.seeding import SeedContext
from werkwijzer.events.models import Event

# (days from today, hour, hours long, fields)
DEMO_EVENTS: tuple[tuple[int, int, int, dict], ...] = (
    (
        9,
        19,
        2,
        {
            "title": "Voorbeeld: groep werk en kanker in een IPSO-centrum",
            "kind": "group",
            "summary": "Een groep van vijf avonden voor mensen die met of na kanker werken. Je praat met anderen over werk, moe zijn en het gesprek met je werkgever. Dit is een verzonnen voorbeeld.",
            "city": "Voorbeeldstad",
            "place": "Voorbeeldstraat 1",
            "audiences": ["werkende"],
            "topics": ["vermoeidheid-en-werk", "gesprek-met-werkgever"],
            "costs": "Gratis",
            "is_free": True,
            "organiser": "Voorbeeld IPSO-centrum",
        },
    ),
    (
        16,
        14,
        1,
        {
            "title": "Voorbeeld: online training Minder moe bij werk",
            "kind": "training",
            "online": True,
            "summary": "Een online training van zes weken over vermoeidheid en werk, in je eigen tempo. Dit is een verzonnen voorbeeld.",
            "audiences": ["werkende"],
            "topics": ["vermoeidheid-en-werk", "werken-tijdens-behandeling"],
            "costs": "Vaak vergoed door je zorgverzekeraar",
            "organiser": "Voorbeeld Trainingen",
        },
    ),
    (
        23,
        20,
        1,
        {
            "title": "Voorbeeld: webinar Werken naast de zorg voor je naaste",
            "kind": "webinar",
            "online": True,
            "summary": "Een webinar van een uur over werk en zorgen voor iemand met kanker. Dit is een verzonnen voorbeeld.",
            "audiences": ["naaste"],
            "topics": ["naasten-en-werk"],
            "costs": "Gratis",
            "is_free": True,
            "organiser": "Voorbeeld Naastenwerk",
        },
    ),
    (
        37,
        10,
        6,
        {
            "title": "Voorbeeld: Nationale Kanker en Werk Dag",
            "kind": "meeting",
            "summary": "Een dag met lezingen en gesprekken over kanker en werk, voor iedereen die ermee te maken heeft. Dit is een verzonnen voorbeeld; de datum is niet echt.",
            "city": "Voorbeeldstad",
            "place": "Voorbeeldzaal",
            "audiences": ["werkende", "naaste", "werkgever", "professional"],
            "topics": ["rechten-en-plichten", "gesprek-met-werkgever", "werkgever-hr-beleid"],
            "costs": "€ 25 (gratis voor mensen met kanker)",
            "organiser": "Voorbeeld Stichting Werk",
        },
    ),
    (
        44,
        13,
        4,
        {
            "title": "Voorbeeld: scholing kanker en werk voor bedrijfsartsen",
            "kind": "professionals",
            "summary": "Een middag scholing over werk tijdens en na de behandeling van kanker, met casussen. Dit is een verzonnen voorbeeld.",
            "city": "Voorbeelddorp",
            "place": "Oefenkade 12",
            "audiences": ["professional"],
            "topics": ["baco-en-kag", "werken-tijdens-behandeling"],
            "costs": "€ 95",
            "organiser": "Voorbeeld Academie",
        },
    ),
)


def _at(today: dt.date, days: int, hour: int) -> dt.datetime:
    moment = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour))
    return timezone.make_aware(moment)


def seed(context: SeedContext) -> None:
    today = timezone.localdate()
    for days, hour, hours, fields in DEMO_EVENTS:
        starts = _at(today, days, hour)
        values = {**fields, "starts_at": starts, "ends_at": starts + dt.timedelta(hours=hours)}
        Event.objects.update_or_create(title=fields["title"], is_demo=True, defaults=values)
    context.write(f"events: {len(DEMO_EVENTS)} demo events")
