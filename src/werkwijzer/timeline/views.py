"""The timeline pages: the form, the visual timeline and the calendar export."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from werkwijzer.core.caching import form_on_public_pages
from werkwijzer.core.downloads import PERSONAL, download
from werkwijzer.core.sources import sources
from werkwijzer.timeline.forms import TimelineForm
from werkwijzer.timeline.ics import all_dates_asked, route_to_ics
from werkwijzer.timeline.labels import ROUTE_LABELS
from werkwijzer.timeline.routes import WAITING_WEEKS, Route, format_date, numbers, party_label


def _bound_form(request: HttpRequest) -> TimelineForm | None:
    if request.method == "POST":
        return TimelineForm(request.POST)
    if request.GET.get("employment") or request.GET.get("sick_since"):
        return TimelineForm(request.GET)  # a link from the wegwijzer plan
    return None


# Two labels closer than this (percent of the bar) would overlap on a 320 px screen.
LABEL_GAP_PERCENT = 13


def _bar(route: Route, today: dt.date | None = None) -> list[dict]:
    """Markers on a bar of the whole route, positioned in percent of its length, with a
    "today" marker while the route runs. Labels go above or below the bar; a label that
    would overlap both neighbours is left out (the list below names every step)."""
    if not route.steps or route.first_sick_day is None:
        return []
    last = max(step.milestone.due for step in route.steps)
    span = max((last - route.first_sick_day).days, 7 * WAITING_WEEKS - 1, 1)
    markers = [
        {
            "percent": round(100 * (step.milestone.due - route.first_sick_day).days / span, 2),
            "title": step.title,
            "label": _("wk %(week)s") % {"week": step.milestone.week}
            if step.milestone.week
            else "",
            "code": step.milestone.code,
        }
        for step in route.steps
        if step.milestone.code != "evaluatie"
    ]
    today = today or timezone.localdate()
    if route.first_sick_day <= today <= route.first_sick_day + dt.timedelta(days=span):
        offset = (today - route.first_sick_day).days
        today_marker = {"percent": round(100 * offset / span, 2), "title": _("today")}
        markers.append({**today_marker, "label": _("today"), "code": "today"})
    return _place_labels(sorted(markers, key=lambda marker: (marker["code"] != "today",)))


def _place_labels(markers: list[dict]) -> list[dict]:
    """Give each label a row (above, below) where it keeps its distance; "today" first."""
    placed: dict[str, list[float]] = {"above": [], "below": []}
    for marker in markers:
        marker["row"] = ""
        # At the ends a centred label would stick out of the bar: align it inwards.
        percent = marker["percent"]
        marker["edge"] = "start" if percent < 6 else "end" if percent > 94 else ""
        if not marker["label"]:
            continue
        for row in ("above", "below"):
            if all(abs(marker["percent"] - other) >= LABEL_GAP_PERCENT for other in placed[row]):
                placed[row].append(marker["percent"])
                marker["row"] = row
                break
    return sorted(markers, key=lambda marker: marker["percent"])


def route_context(route: Route) -> dict:
    register = sources()
    first_evaluation = next(
        (step for step in route.steps if step.milestone.code == "evaluatie"), None
    )
    steps = [
        {
            "step": step,
            "compact": step.milestone.code == "evaluatie" and step is not first_evaluation,
            "due_text": format_date(step.milestone.due, route.language),
            "who_label": party_label(step.milestone.who, route.language),
            "tasks": [(party_label(t.who, route.language), t.what) for t in step.tasks],
            "source": register[step.milestone.source],
        }
        for step in route.steps
    ]
    return {
        "route": route,
        "route_label": ROUTE_LABELS[route.kind],
        "steps": steps,
        "bar": _bar(route),
        "first_text": format_date(route.first_sick_day, route.language)
        if route.first_sick_day
        else "",
        "end_text": format_date(route.end_of_waiting, route.language)
        if route.end_of_waiting
        else "",
    }


@form_on_public_pages  # its empty form on /tijdlijn/ is kept for every visitor
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    form = _bound_form(request)
    # the legal number comes from the route data, not from the template's text
    context: dict = {"form": form or TimelineForm(), "gap_weeks": numbers()["recovery_gap_weeks"]}
    status = 200
    if form is not None:
        if form.is_valid() and form.route is not None:
            context.update(route_context(form.route))
            context["export_fields"] = [
                (name, value) for name, value in form.data.items() if name != "csrfmiddlewaretoken"
            ]
        else:
            status = 422 if request.method == "POST" else 200
    return render(request, "timeline/index.html", context, status=status)


@require_http_methods(["GET", "POST"])
def export_ics(request: HttpRequest) -> HttpResponse:
    form = TimelineForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid() or form.route is None:
        return render(request, "timeline/index.html", {"form": form, "ics_error": True}, status=422)
    # The calendar holds the person's own sick-leave dates: personal.
    filename = _("werkwijzer-timeline") + ".ics"
    ics = route_to_ics(form.route, include_past=all_dates_asked(request.GET, request.POST))
    return download(ics, "text/calendar; charset=utf-8", filename, PERSONAL)
