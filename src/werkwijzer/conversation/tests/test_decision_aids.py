"""Issue 19: three more decision aids in the style of the keuzehulp, each with its own
address, summary and PDF; legal weeks come from the timeline's route data."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from werkwijzer.conversation.content import document
from werkwijzer.conversation.tests.test_conversation import pdf_text
from werkwijzer.conversation.views import DECISION_AIDS
from werkwijzer.timeline.legal_weeks import legal_weeks

NEW_AIDS = {
    "vervroegde-iva": ("Nu een vervroegde IVA aanvragen", "Mijn samenvatting: vervroegde IVA"),
    "werkgever-vertellen": (
        "Alleen vertellen wat nodig is voor je werk",
        "Mijn samenvatting: wat vertel ik mijn werkgever?",
    ),
    "eigen-bedrijf": (
        "Je bedrijf een tijd stilzetten",
        "Mijn samenvatting: wat doe ik met mijn bedrijf?",
    ),
}


@pytest.mark.parametrize("name", sorted(DECISION_AIDS.values()))
def test_every_aid_is_complete_in_both_languages(name):
    data = document(settings.CONTENT_DIR, name)  # checks texts and sources
    assert data["summary_title"]["nl"] and data["summary_title"]["en"]
    assert len(data["options"]) >= 2 and data["values"] and data["take_along"]
    aspects = {aspect["slug"] for aspect in data["aspects"]}
    for option in data["options"]:
        assert aspects <= set(option["effects"]), option["slug"]


@pytest.mark.parametrize("name", sorted(DECISION_AIDS.values()))
def test_no_legal_week_is_typed(name):
    raw = (settings.CONTENT_DIR / "conversation" / f"{name}.yaml").read_text(encoding="utf-8")
    typed = re.findall(r"\b(?:week|weken|weeks)\s+\d+|\b\d+\s+(?:weken|weeks)\b", raw)
    assert typed == []


@pytest.mark.django_db
@pytest.mark.parametrize("aid", sorted(NEW_AIDS))
def test_each_aid_page_summary_and_pdf(client, aid):
    option, summary_title = NEW_AIDS[aid]
    url = reverse("conversation:keuzehulp_aid", args=[aid])
    page = client.get(url).content.decode()
    assert option in page and f'action="{url}"' in page
    data = document(settings.CONTENT_DIR, DECISION_AIDS[aid])
    chosen = data["options"][0]["slug"]
    posted = {f"value_{data['values'][0]['slug']}": "5", "leaning": chosen, "worries": "Mijn zorg."}
    summary = client.post(url, dict(posted, output="html")).content.decode()
    assert summary_title in summary and "Heel belangrijk" in summary and "Mijn zorg." in summary
    response = client.post(url, dict(posted, output="pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert summary_title in text and "Mijn zorg." in text


@pytest.mark.django_db
def test_the_early_iva_aid_names_the_weeks_of_the_route_data(client):
    page = client.get(reverse("conversation:keuzehulp_aid", args=["vervroegde-iva"]))
    text = page.content.decode()
    weeks = legal_weeks()
    assert f"tot en met week {weeks['iva_last_week'].week}" in text
    assert f"minstens {weeks['iva_after_weeks'].week} weken" in text


@pytest.mark.django_db
def test_an_unknown_aid_is_not_found_and_the_old_address_still_works(client):
    assert client.get("/gesprekshulp/keuzehulp/bestaat-niet/").status_code == 404
    old = client.get(reverse("conversation:keuzehulp")).content.decode()
    assert "Blijven werken zoals nu" in old
    assert reverse("conversation:keuzehulp_aid", args=["vervroegde-iva"]) in old  # other aids
