import re

import pytest

from werkwijzer.knowledge.personas import Persona, parse

pytestmark = pytest.mark.django_db


def _details(html: str) -> dict[str, bool]:
    return {
        match.group(1): bool(match.group(2))
        for match in re.finditer(
            r'<details class="persona-box persona-box--([a-z]+)"( open)?', html
        )
    }


def test_parse_drops_unknown_slugs():
    assert parse({"role": "werkende", "employment": "zzp"}) == Persona("werkende", "zzp")
    assert parse({"role": "hacker", "employment": "<b>"}) == Persona()
    assert parse("werkgever:") == Persona("werkgever", "")
    assert parse("zzp") == Persona("", "zzp")
    assert parse(None) == Persona()


def test_boxes_are_folded_without_a_persona(client, kennisbank):
    boxes = _details(client.get("/kennisbank/werken-tijdens-behandeling/").content.decode())
    assert boxes == {"zzp": False, "werkgever": False}


def test_picker_opens_the_matching_box_without_javascript(client, kennisbank):
    response = client.post(
        "/kennisbank/ik-ben/",
        {
            "role": "werkende",
            "employment": "zzp",
            "next": "/kennisbank/werken-tijdens-behandeling/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/kennisbank/werken-tijdens-behandeling/"
    boxes = _details(client.get(response["Location"]).content.decode())
    assert boxes == {"zzp": True, "werkgever": False}


def test_wegwijzer_session_persona_is_used(client, kennisbank):
    session = client.session
    session["persona"] = {"role": "werkgever", "employment": ""}
    session.save()
    boxes = _details(client.get("/kennisbank/werken-tijdens-behandeling/").content.decode())
    assert boxes == {"zzp": False, "werkgever": True}
    html = client.get("/kennisbank/").content.decode()
    for_you = html.split('id="for-you"')[1].split('id="all-articles"')[0]
    assert "Beleid voor werkgevers en HR bij kanker" in for_you
    assert "Zzp&#x27;er en kanker" not in for_you


def test_picker_refuses_foreign_redirects_and_can_forget(client, kennisbank):
    response = client.post(
        "/kennisbank/ik-ben/", {"role": "naaste", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/kennisbank/"
    assert client.session["persona"] == {"role": "naaste", "employment": ""}
    client.post("/kennisbank/ik-ben/", {"clear": "1"})
    assert "persona" not in client.session
    assert client.get("/kennisbank/ik-ben/").status_code == 405


def test_picker_offers_the_vocabulary_labels_in_dutch(client, kennisbank):
    session = client.session
    session["persona"] = {"role": "werkgever", "employment": ""}
    session.save()
    html = client.get("/kennisbank/").content.decode()
    assert "Ik heb of had kanker en ik werk (of wil werken)" in html
    assert '<option value="zzp">Zelfstandige (zzp)</option>' in html
    assert "Voor jou</h2>" in html
