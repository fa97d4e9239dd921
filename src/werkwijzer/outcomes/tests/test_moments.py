"""Due moments and reminders' date logic, with fixed dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.outcomes.moments import MomentState, add_months, due_moments, schedule

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 15), 3, D(2026, 4, 15)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2023, 11, 30), 3, D(2024, 2, 29)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2025, 12, 1), 24, D(2027, 12, 1)),
        (D(2026, 3, 1), -3, D(2025, 12, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("today", "done", "due"),
    [
        (D(2026, 1, 10), (), []),  # diagnosed today: nothing yet
        (D(2026, 4, 9), (), []),  # the day before 3 months
        (D(2026, 4, 10), (), [3]),  # opens
        (D(2026, 7, 9), (), [3]),  # last day of the 3-month window
        (D(2026, 7, 10), (), [6]),  # 3 missed, 6 opens
        (D(2026, 7, 10), (6,), []),
        (D(2027, 1, 10), (), [12]),
        (D(2028, 1, 10), (), [24]),
        (D(2028, 4, 10), (), []),  # everything closed
    ],
)
def test_due_moments(today, done, due):
    assert due_moments(D(2026, 1, 10), today, done) == due


def test_schedule_states():
    states = [m.state for m in schedule(D(2026, 1, 10), D(2026, 8, 1), done=[3])]
    assert states == [MomentState.DONE, MomentState.DUE, MomentState.UPCOMING, MomentState.UPCOMING]


def test_future_diagnosis_is_refused():
    with pytest.raises(ValueError, match="future"):
        schedule(D(2026, 5, 1), D(2026, 4, 1))


@given(st.dates(D(2015, 1, 1), D(2030, 12, 31)), st.integers(0, 1200))
def test_at_most_one_moment_is_due_and_it_is_open(diagnosis, days):
    today = diagnosis + dt.timedelta(days=days)
    due = due_moments(diagnosis, today)
    assert len(due) <= 1
    for moment in due:
        assert add_months(diagnosis, moment) <= today
