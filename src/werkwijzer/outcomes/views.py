"""The questionnaire (for the person), the dashboard (for policy) and the research export."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from werkwijzer.core import access
from werkwijzer.core.downloads import PERSONAL, streamed_download
from werkwijzer.outcomes import export, hooks
from werkwijzer.outcomes.dashboard import DashboardFilters, build_dashboard
from werkwijzer.outcomes.forms import ProfileForm, QuestionnaireForm
from werkwijzer.outcomes.messages import problem_message
from werkwijzer.outcomes.moments import MOMENTS, MomentState, schedule
from werkwijzer.outcomes.questionnaire import check
from werkwijzer.outcomes.store import Profile, store_for


@access.guard(access.OWN_DATA)  # visitors too: the store holds only the viewer's own answers
@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest) -> HttpResponse:
    store = store_for(request)
    profile = store.profile()
    if request.method == "POST" or profile is None or "edit" in request.GET:
        form = ProfileForm(
            request.POST if request.method == "POST" else None, initial=profile and profile.__dict__
        )
        if request.method == "POST" and form.is_valid():
            store.save_profile(Profile(**form.cleaned_data))
            return redirect("outcomes:overview")
        status = 400 if form.errors else 200
        return render(
            request, "outcomes/profile.html", {"form": form, "store": store}, status=status
        )
    answers = store.answers()
    done = [m for m, stored in answers.items() if stored.status == "submitted"]
    moments = [
        {"moment": m, "draft": m.months in answers and answers[m.months].status == "draft"}
        for m in schedule(profile.diagnosis_date, dt.date.today(), done)
    ]
    due = [m for m in moments if m["moment"].state is MomentState.DUE]
    return render(
        request,
        "outcomes/overview.html",
        {"profile": profile, "moments": moments, "due": due, "store": store},
    )


@access.guard(access.OWN_DATA)
@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest, moment: int) -> HttpResponse:
    if moment not in MOMENTS:
        raise Http404
    store = store_for(request)
    if store.profile() is None:
        return redirect("outcomes:overview")
    stored = store.answers().get(moment)
    if request.method == "GET":
        form = QuestionnaireForm(initial=stored.raw if stored else None)
        return render(
            request,
            "outcomes/questionnaire.html",
            {"form": form, "moment": moment, "stored": stored, "store": store},
        )
    form = QuestionnaireForm(request.POST)
    raw = form.raw()
    submitting = request.POST.get("action") == "submit"
    checked = check(raw, complete=submitting)
    form.is_valid()
    for problem in checked.problems:
        form.add_error(problem.field, problem_message(problem))
    if checked.ok and submitting:
        store.submit(moment, raw, checked.values)
        messages.success(
            request,
            _("Thank you. Your answers for %(months)s months are saved.") % {"months": moment},
        )
        return redirect("outcomes:overview")
    # A draft, or a submission with problems: keep every answer as typed.
    if not (stored and stored.status == "submitted"):
        store.save_draft(moment, raw)
    if checked.ok:
        messages.success(
            request, _("Your answers are saved as a draft. You can finish them later.")
        )
        return redirect("outcomes:overview")
    return render(
        request,
        "outcomes/questionnaire.html",
        {"form": form, "moment": moment, "stored": stored, "store": store, "kept": True},
        status=400,
    )


@access.public("aggregates only, with small-cell suppression (outcomes.aggregates)")
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    filters = DashboardFilters.from_query(request.GET)
    context = build_dashboard(filters)
    # The download link only for whom it may open: researchers, and visitors who may be one.
    user = request.user
    context["show_research_export"] = not user.is_authenticated or access.can_export_research(user)
    return render(request, "outcomes/dashboard.html", context)


@access.guard(access.RESEARCH_EXPORT)
@require_GET
def research_export(request: HttpRequest) -> StreamingHttpResponse:
    hooks.record_access(request.user, "research-export")
    return streamed_download(
        export.rows_as_csv(), "text/csv; charset=utf-8", "werkwijzer-uitkomsten.csv", PERSONAL
    )
