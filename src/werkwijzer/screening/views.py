"""The screening page: a short form, then the groups found with a flow chart for each."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from werkwijzer.screening.forms import ScreeningForm
from werkwijzer.screening.services import flagged_groups, remember_answers


@require_http_methods(["GET", "POST"])
def screening(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ScreeningForm(request.POST)
        if form.is_valid():
            answers = form.answers()
            remember_answers(request.session, answers)
            groups = flagged_groups(answers)
            return render(request, "screening/result.html", {"groups": groups, "form": form})
        return render(request, "screening/form.html", {"form": form}, status=400)
    return render(request, "screening/form.html", {"form": ScreeningForm()})
