from __future__ import annotations

import datetime as dt
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from werkwijzer.core.caching import form_on_public_pages
from werkwijzer.core.downloads import PERSONAL, download
from werkwijzer.core.pdf import render_pdf
from werkwijzer.navigator.forms import questions, situation_data
from werkwijzer.navigator.presentation import plan_context
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import (
    InvalidSituation,
    Situation,
    parse_situation,
    route_input,
)
from werkwijzer.screening.services import screening_answers
from werkwijzer.timeline.ics import all_dates_asked, route_to_ics
from werkwijzer.timeline.routes import route_for


def start(request: HttpRequest) -> HttpResponse:
    """The questionnaire; a POST (from "change my answers") fills in the earlier answers."""
    values = situation_data(request.POST, get_language()) if request.method == "POST" else None
    return render(request, "navigator/start.html", {"questions": questions(values)})


def _situation_or_form(request: HttpRequest) -> Situation | HttpResponse:
    data = situation_data(request.POST, get_language())
    try:
        return parse_situation(data)
    except InvalidSituation as invalid:
        asked = questions(data, invalid.problems)
        errors = [
            {"target": question.name, "label": question.label, "message": question.error}
            for group in asked.values()
            for question in group
            if question.error
        ]
        context = {"questions": asked, "problems": invalid.problems, "errors": errors}
        return render(request, "navigator/start.html", context)


@form_on_public_pages  # the questionnaire on /wegwijzer/ is kept for every visitor
@require_http_methods(["GET", "POST"])
def plan_page(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return redirect("navigator:start")
    situation = _situation_or_form(request)
    if isinstance(situation, HttpResponse):
        return situation
    # The kennisbank shows articles for this persona first (no medical data kept).
    request.session["persona"] = {"role": situation.role, "employment": situation.employment}
    today = dt.date.today()  # once: the plan and its dates split at the same day
    plan = make_plan(situation, today=today, screening_answers=screening_answers(request.session))
    return render(request, "navigator/plan.html", plan_context(plan, request.user, today))


@require_POST
def plan_output(request: HttpRequest, output: str) -> HttpResponse:
    situation = _situation_or_form(request)
    if isinstance(situation, HttpResponse):
        return situation
    today = dt.date.today()  # once: the plan and the calendar give the same dates
    plan = make_plan(situation, today=today, screening_answers=screening_answers(request.session))
    if output == "json":
        body = json.dumps(plan.as_dict(), ensure_ascii=False, indent=2)
        return download(body, "application/json; charset=utf-8", "werkwijzer-plan.json", PERSONAL)
    if output == "ics":
        # The timeline's calendar: the same milestones, with every party's tasks.
        route = route_for(route_input(situation), language=situation.language, today=today)
        past = all_dates_asked(request.GET, request.POST)
        ics = route_to_ics(route, today=today, include_past=past)
        return download(ics, "text/calendar; charset=utf-8", "werkwijzer-plan.ics", PERSONAL)
    context = {**plan_context(plan, request.user, today), "printing": True}
    html = render_to_string("navigator/plan_print.html", context, request)
    return download(render_pdf(html), "application/pdf", "werkwijzer-plan.pdf", PERSONAL)
