"""Published FAQ entries are found by the site search; unpublished ones are not."""

import pytest

from werkwijzer.questions import services

pytestmark = pytest.mark.django_db


def found(client, q, **params):
    response = client.get("/api/v1/search", {"q": q, **params})
    assert response.status_code == 200
    return [(r["type"], r["slug"]) for r in response.json()["results"]]


def test_published_faq_is_found_and_unpublished_is_not(client, editor):
    entry = services.publish(
        editor=editor,
        question_nl="Mag ik mijn vakantiedagen opnemen tijdens de bestraling?",
        answer_nl="Ja. Overleg met uw werkgever over de vakantiedagen.\nU bouwt ze ook op.",
        question_en="May I take my holiday during radiotherapy?",
        answer_en="Yes. Agree the holiday with your employer.",
        topics=["rechten-en-plichten"],
    )
    hidden = services.publish(
        editor=editor,
        question_nl="Hoe werkt de kilometervergoeding voor ritten naar het ziekenhuis?",
        answer_nl="Dat verschilt per verzekeraar.",
    )
    services.unpublish(hidden)
    results = found(client, "vakantiedagen bestraling")
    assert ("faq", entry.slug) in results
    assert found(client, "kilometervergoeding") == []
    # Type filter and English.
    assert found(client, "vakantiedagen", type="faq") == [("faq", entry.slug)]
    english = client.get("/api/v1/search", {"q": "holiday radiotherapy", "lang": "en"}).json()
    hit = english["results"][0]
    assert hit["type"] == "faq" and hit["language"] == "en"
    assert hit["url"] == f"/vraag-de-specialist/veelgestelde-vragen/{entry.slug}/"
    # Unpublishing removes it at once; publishing again brings it back.
    services.unpublish(entry)
    assert ("faq", entry.slug) not in found(client, "vakantiedagen bestraling")
    services.publish(
        editor=editor, entry=entry, question_nl=entry.question_nl, answer_nl=entry.answer_nl
    )
    assert ("faq", entry.slug) in found(client, "vakantiedagen bestraling")


def test_search_page_labels_faq_results(client, editor):
    services.publish(
        editor=editor,
        question_nl="Mag ik mijn vakantiedagen opnemen tijdens de bestraling?",
        answer_nl="Ja, dat mag.",
    )
    page = client.get("/zoeken/", {"q": "vakantiedagen", "type": "faq"}).content.decode()
    assert "Vraag aan de specialist" in page or "Question to the specialist" in page


def test_type_validation_mentions_faq(client):
    response = client.get("/api/v1/search", {"q": "werk", "type": "vraag"})
    assert response.status_code == 422
    assert "faq" in response.json()["errors"][0]["message"]
