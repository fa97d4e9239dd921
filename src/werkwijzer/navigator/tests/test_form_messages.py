"""The wegwijzer's form messages are B1 (issue 15): an open choice says "Kies ...", a date
that is too early is written in words, not as an ISO date."""

from __future__ import annotations

from django.utils import translation

from werkwijzer.navigator.forms import questions
from werkwijzer.navigator.messages import problem_message
from werkwijzer.navigator.situation import Problem


def test_an_unanswered_radio_question_says_kies():
    with translation.override("nl"):
        form = questions({}, [Problem("role", "required", {})])
        role = next(q for q in form["basic"] if q.name == "role")
        assert role.error == "Kies een van de antwoorden."


def test_a_too_early_date_is_written_in_words():
    with translation.override("nl"):
        message = problem_message(Problem("sick_since", "too_early", {"earliest": "1990-01-01"}))
    assert message == "Vul een datum in vanaf 1 januari 1990."
    assert "1990-01-01" not in message
