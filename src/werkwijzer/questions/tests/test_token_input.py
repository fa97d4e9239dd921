"""A private token that cannot be one (a NUL byte, other characters, too long) is a 404,
never a database error: schemathesis found a 500 on PostgreSQL."""

from __future__ import annotations

import json

import pytest

from werkwijzer.questions.services import question_for_token

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("token", ["\x00", "abc\x00def", "a b", "x" * 65, "", None, 5])
def test_an_impossible_token_opens_no_question(token):
    assert question_for_token(token) is None


def test_the_api_answers_404_for_a_token_with_a_nul_byte(client):
    response = client.post(
        "/api/v1/questions/answer",
        json.dumps({"token": "\x00"}),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "token"


def test_the_private_link_with_a_nul_byte_is_a_404(client):
    assert client.get("/vraag-de-specialist/antwoord/ab%00cd/").status_code == 404
