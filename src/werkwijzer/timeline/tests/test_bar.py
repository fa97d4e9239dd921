"""The bar over the whole route (issue 15): labels that do not overlap on a small screen,
and a "vandaag" marker while the route runs."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import translation

from werkwijzer.timeline.routes import build_route
from werkwijzer.timeline.views import LABEL_GAP_PERCENT, _bar

FIRST_DAY = dt.date(2026, 3, 2)


def _markers(today: dt.date) -> list[dict]:
    with translation.override("nl"):
        return _bar(build_route("loondienst-vast", FIRST_DAY), today=today)


def test_labels_in_one_row_keep_their_distance():
    markers = _markers(dt.date(2026, 6, 1))
    for row in ("above", "below"):
        spots = sorted(m["percent"] for m in markers if m["row"] == row)
        assert all(b - a >= LABEL_GAP_PERCENT for a, b in itertools.pairwise(spots))
    assert any(m["row"] for m in markers if m["code"] != "today")


def test_today_is_marked_while_the_route_runs_and_always_labelled():
    markers = _markers(dt.date(2026, 6, 1))
    today = [m for m in markers if m["code"] == "today"]
    assert len(today) == 1 and today[0]["label"] == "vandaag" and today[0]["row"]
    assert 0 < today[0]["percent"] < 100
    assert [m["percent"] for m in markers] == sorted(m["percent"] for m in markers)


def test_no_today_marker_before_the_first_sick_day_or_after_the_route():
    assert not [m for m in _markers(dt.date(2026, 1, 1)) if m["code"] == "today"]
    assert not [m for m in _markers(dt.date(2030, 1, 1)) if m["code"] == "today"]
