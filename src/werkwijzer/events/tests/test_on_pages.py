"""Issue 21: the coming events show on the real pages of other apps: under a kennisbank
article and on a topic page (all events about its topics), and folded in the wegwijzer's
plan (at most three, for the reader's role, only on the screen)."""

from __future__ import annotations

import pytest

from werkwijzer.events.tests.test_events import make_event
from werkwijzer.navigator.tests.test_views import form_data

pytestmark = pytest.mark.django_db


def _article():
    from werkwijzer.knowledge.models import ArticlePage

    return ArticlePage.objects.live().get(slug="poortwachter", locale__language_code="nl")


def _section(html: str, start: str) -> str:
    """The part of the page from `start` up to the end of its section."""
    assert start in html, start
    return html.split(start, 1)[1].split("</section>", 1)[0]


def test_an_article_shows_the_events_about_its_topics(client, kennisbank):
    article = _article()
    about = make_event(title="Avond over poortwachter", topics=[article.topics[0]])
    make_event(title="Over iets anders", topics=["naasten-en-werk"])
    html = client.get(article.url).content.decode()
    events = _section(html, 'class="events-for-topics"')
    assert "Cursussen, groepen en bijeenkomsten" in events
    assert f'href="{about.get_absolute_url()}"' in events
    assert "Over iets anders" not in html
    # Under the article, after the answer to "Heb je hier iets aan?".
    assert html.index("</article>") < html.index("data-feedback") < html.index("events-for-topics")


def test_an_article_without_coming_events_shows_no_empty_section(client, kennisbank):
    make_event(title="Al geweest", topics=_article().topics, days=-3)
    html = client.get(_article().url).content.decode()
    assert "events-for-topics" not in html and "Al geweest" not in html


def test_a_topic_page_shows_the_events_about_that_topic(client, kennisbank):
    make_event(title="Groep moe en aan het werk", topics=["vermoeidheid-en-werk"])
    html = client.get("/kennisbank/", {"onderwerp": "vermoeidheid-en-werk"}).content.decode()
    events = _section(html, 'class="events-for-topics"')
    assert "Groep moe en aan het werk" in events
    assert "/bijeenkomsten/?onderwerp=vermoeidheid-en-werk" in events
    assert "events-for-topics" not in client.get("/kennisbank/").content.decode()


def _plan(client, **changes):
    response = client.post("/wegwijzer/plan/", form_data(**changes))
    assert response.status_code == 200
    return response.context["plan"], response.content.decode()


def test_the_plan_folds_at_most_three_events_for_its_topics_and_role(client, helper_catalogue):
    plan, _html = _plan(client)
    employer_plan, _html = _plan(client, role="werkgever")
    topic = next(t for t in plan.topics if t in employer_plan.topics)
    for day in range(4):
        make_event(title=f"Groep {day}", topics=[topic], days=10 + day)
    make_event(title="Webinar HR-beleid", topics=[topic], audiences=["werkgever"], days=1)
    make_event(title="Avond voor naasten", topics=["naasten-en-werk"], audiences=["werkende"])
    html = _plan(client)[1]
    folded = _section(html, '<details class="fold plan-events no-print">')
    assert "3 cursussen, groepen en bijeenkomsten over jouw onderwerpen" in folded
    assert [f"Groep {day}" in folded for day in range(4)] == [True, True, True, False]
    assert "Webinar HR-beleid" not in html and "Avond voor naasten" not in html
    # The employer's plan about the same topic shows the event for employers, alone.
    employer = _section(_plan(client, role="werkgever")[1], "plan-events")
    assert "Eén cursus, groep of bijeenkomst over jouw onderwerpen" in employer
    assert "Webinar HR-beleid" in employer and "Groep 0" not in employer


def test_the_plan_without_events_has_no_event_part(client, helper_catalogue):
    make_event(title="Al geweest", days=-3)
    plan, html = _plan(client)
    assert plan.topics  # there are topics, but nothing coming about them
    assert "plan-events" not in html and "Al geweest" not in html
    assert "Later of als het nodig is" in html  # the later helpers stay


def test_the_plan_pdf_has_no_events(client, helper_catalogue):
    from werkwijzer.conversation.tests.test_conversation import pdf_text

    plan, _html = _plan(client)
    make_event(title="Groep werk en kanker", topics=list(plan.topics))
    assert "Groep werk en kanker" in _plan(client)[1]
    pdf = client.post("/wegwijzer/plan.pdf", form_data())
    assert "Groep werk en kanker" not in pdf_text(pdf.content)
