"""Saved plans: a logged-in user keeps a plan in Mijn Werkwijzer, reopens or deletes it."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkwijzer.core import access
from werkwijzer.navigator.forms import situation_data
from werkwijzer.navigator.models import SavedPlan
from werkwijzer.navigator.presentation import plan_context
from werkwijzer.navigator.services import make_plan
from werkwijzer.navigator.situation import InvalidSituation, parse_situation
from werkwijzer.screening.services import screening_answers
from werkwijzer.vocabulary.labels import EMPLOYMENT, PHASE

MAX_SAVED_PLANS = 50


def _title(situation) -> str:
    when = date_format(timezone.localtime(), "j F Y")
    return _("Plan of %(date)s: %(summary)s") % {
        "date": when,
        "summary": f"{EMPLOYMENT[situation.employment]}, {PHASE[situation.phase]}",
    }


def _own_plan(request: HttpRequest, pk: int) -> SavedPlan:
    # Someone else's plan looks the same as a plan that does not exist.
    plan = SavedPlan.objects.filter(pk=pk, owner=request.user).first()
    if plan is None:
        raise Http404
    return plan


@access.guard(access.ANY_ACCOUNT)
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    try:
        situation = parse_situation(situation_data(request.POST, get_language()))
    except InvalidSituation:
        messages.error(
            request, _("We could not save this plan. Please fill in the questions again.")
        )
        return redirect("navigator:start")
    if SavedPlan.objects.filter(owner=request.user).count() >= MAX_SAVED_PLANS:
        messages.error(request, _("You have saved many plans. Delete an old plan first."))
        return redirect("navigator:saved_list")
    saved = SavedPlan.objects.create(
        owner=request.user, title=_title(situation)[:200], situation=situation.as_dict()
    )
    messages.success(request, _("Your plan is saved in Mijn Werkwijzer."))
    return redirect("navigator:saved_detail", pk=saved.pk)


@access.guard(access.ANY_ACCOUNT)
def saved_list(request: HttpRequest) -> HttpResponse:
    plans = SavedPlan.objects.filter(owner=request.user)
    return render(request, "navigator/saved_list.html", {"saved_plans": plans})


@access.guard(access.ANY_ACCOUNT)
def saved_detail(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _own_plan(request, pk)
    data = {**saved.situation, "language": get_language()}
    try:
        situation = parse_situation(data)
    except InvalidSituation:
        messages.error(
            request,
            _("This saved plan no longer fits the questions. Please fill in the questions again."),
        )
        return redirect("navigator:saved_list")
    today = dt.date.today()
    plan = make_plan(situation, today=today, screening_answers=screening_answers(request.session))
    context = {**plan_context(plan, request.user, today), "saved_plan": saved}
    return render(request, "navigator/plan.html", context)


@access.guard(access.ANY_ACCOUNT)
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    _own_plan(request, pk).delete()
    messages.success(request, _("The plan is deleted."))
    return redirect("navigator:saved_list")
