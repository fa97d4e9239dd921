"""Logged in, a person may keep a question list in their own account; nobody else sees it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from werkwijzer.conversation.models import SavedQuestionList
from werkwijzer.conversation.services import load_list

pytestmark = pytest.mark.django_db

POSTED = {
    "conversation": "baco",
    "phase": "behandeling",
    "q": ["bc-kosten", "onbekend"],
    "answer_bc-kosten": "De werkgever betaalt.",
    "own_question_1": "Mag ik autorijden?",
    "own_answer_1": "Ja.",
}


@pytest.fixture
def person():
    return get_user_model().objects.create_user("anna", password="een-lang-wachtwoord")


@pytest.fixture
def other():
    return get_user_model().objects.create_user("bob", password="een-lang-wachtwoord")


def test_anonymous_visitors_cannot_save_and_nothing_is_stored(client):
    response = client.post(reverse("conversation:questions_save"), POSTED)
    assert response.status_code == 302 and "inloggen" in response["Location"]
    client.post(reverse("conversation:questions_pdf"), POSTED)
    assert SavedQuestionList.objects.count() == 0
    page = client.get(reverse("conversation:index")).content.decode()
    assert 'data-store="werkwijzer-gesprekshulp-' in page
    assert "Bewaar in mijn account" not in page


def test_save_load_and_delete_for_the_owner_only(client, person, other):
    client.force_login(person)
    response = client.post(reverse("conversation:questions_save"), POSTED)
    assert response.status_code == 302
    saved = load_list(person, "baco")
    assert saved == {
        "chosen": ["bc-kosten"],
        "answers": {"bc-kosten": "De werkgever betaalt."},
        "own": [{"text": "Mag ik autorijden?", "answer": "Ja."}],
    }
    page = client.get(reverse("conversation:index"), {"conversation": "baco"}).content.decode()
    assert 'value="bc-kosten" checked' in page
    assert 'value="bc-wat-doe-ik">' in page  # the saved choice wins over preselection
    assert "De werkgever betaalt." in page and 'value="Mag ik autorijden?"' in page
    assert load_list(other, "baco") is None

    client.force_login(other)
    page = client.get(reverse("conversation:index"), {"conversation": "baco"}).content.decode()
    assert "Mag ik autorijden?" not in page

    client.force_login(person)
    client.post(reverse("conversation:questions_save"), dict(POSTED, action="delete"))
    assert load_list(person, "baco") is None
