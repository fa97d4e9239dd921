"""The questionnaire's checks, table-driven: incomplete, wrong and contradictory answers."""

from __future__ import annotations

import pytest

from werkwijzer.outcomes.questionnaire import check

COMPLETE = {
    "working": "gedeeltelijk",
    "hours": "20",
    "work_ability": "6",
    "returned_to_work": "yes",
    "work_discussed": "yes",
    "referral_offered": "no",
    "employer_support": "4",
}


def test_complete_answers_pass_and_are_cleaned():
    checked = check(COMPLETE, complete=True)
    assert checked.ok
    assert checked.values["hours"] == 20
    assert checked.values["work_discussed"] is True
    assert checked.values["referral_offered"] is False
    assert checked.values["employer_support"] == 4


@pytest.mark.parametrize(
    ("changes", "complete", "problems"),
    [
        ({}, True, []),
        ({"employer_support": "no_employer"}, True, []),
        ({"work_ability": ""}, True, [("work_ability", "required")]),
        ({"work_ability": ""}, False, []),
        ({"work_ability": "11"}, False, [("work_ability", "out_of_range")]),
        ({"work_ability": "zes"}, False, [("work_ability", "not_a_number")]),
        ({"hours": "-1"}, False, [("hours", "out_of_range")]),
        ({"hours": "81"}, False, [("hours", "out_of_range")]),
        ({"working": "soms"}, False, [("working", "not_a_choice")]),
        ({"work_discussed": "perhaps"}, False, [("work_discussed", "not_a_choice")]),
        (
            {"working": "niet", "hours": "32", "returned_to_work": "no"},
            True,
            [("hours", "contradiction_not_working_hours")],
        ),
        (
            {"working": "niet", "hours": "32", "returned_to_work": "no"},
            False,
            [("hours", "contradiction_not_working_hours")],
        ),
        (
            {"working": "volledig", "hours": "0"},
            True,
            [("hours", "contradiction_working_no_hours")],
        ),
        (
            {"working": "niet", "hours": "0", "returned_to_work": "yes"},
            True,
            [("returned_to_work", "contradiction_not_working_returned")],
        ),
        ({"working": "niet", "hours": "", "returned_to_work": "no"}, True, []),
        ({"working": "", "hours": ""}, True, [("working", "required"), ("hours", "required")]),
    ],
)
def test_problems(changes, complete, problems):
    checked = check({**COMPLETE, **changes}, complete=complete)
    assert [(p.field, p.code) for p in checked.problems] == problems


def test_empty_draft_is_fine_and_an_empty_submission_asks_for_everything():
    assert check({}, complete=False).ok
    assert len(check({}, complete=True).problems) == 7


def test_not_working_without_hours_counts_as_zero_hours():
    checked = check(
        {**COMPLETE, "working": "niet", "hours": "", "returned_to_work": "no"}, complete=True
    )
    assert checked.values["hours"] == 0
