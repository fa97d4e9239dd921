"""When the questionnaire about work is due: pure date logic, no Django.

The questionnaire is asked at fixed moments after diagnosis (3, 6, 12 and 24 months).
A moment opens on the day that many months after diagnosis and stays open for
WINDOW_MONTHS; after that it is missed (it can still be filled in, but no reminder goes).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

MOMENTS: tuple[int, ...] = (3, 6, 12, 24)
WINDOW_MONTHS = 3


class MomentState(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    DONE = "done"
    MISSED = "missed"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the month's last day when needed."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Moment:
    months: int
    opens: dt.date
    closes: dt.date  # last day of the reminder window
    state: MomentState


def schedule(diagnosis: dt.date, today: dt.date, done: Collection[int] = ()) -> list[Moment]:
    """Every moment with its dates and state on `today`."""
    if diagnosis > today:
        raise ValueError("diagnosis date lies in the future")
    moments = []
    for months in MOMENTS:
        opens = add_months(diagnosis, months)
        closes = add_months(opens, WINDOW_MONTHS) - dt.timedelta(days=1)
        if months in done:
            state = MomentState.DONE
        elif today < opens:
            state = MomentState.UPCOMING
        elif today <= closes:
            state = MomentState.DUE
        else:
            state = MomentState.MISSED
        moments.append(Moment(months, opens, closes, state))
    return moments


def due_moments(diagnosis: dt.date, today: dt.date, done: Collection[int] = ()) -> list[int]:
    """The moments (in months) that are open on `today` and not yet filled in."""
    return [m.months for m in schedule(diagnosis, today, done) if m.state is MomentState.DUE]
