"""The business-case page and its CSV download. Both read the run from the query string."""

from __future__ import annotations

import csv
from collections import OrderedDict
from functools import lru_cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from werkwijzer.businesscase import jobs, presenters
from werkwijzer.businesscase.forms import RunForm, share_query
from werkwijzer.businesscase.model.analysis import AnalysisResult, RunRequest, run_analysis
from werkwijzer.businesscase.model.parameters import load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.texts import GROUP_LABELS, OFFER_NOTES, SCENARIO_LABELS
from werkwijzer.core.downloads import PUBLIC, download
from werkwijzer.core.sources import sources


@lru_cache(maxsize=32)
def _cached_run(
    scenarios: tuple[str, ...],
    overrides: tuple[tuple[str, float], ...],
    draws: int,
    persons: int,
    seed: int,
) -> AnalysisResult:
    request = RunRequest(scenarios, dict(overrides), draws, persons, seed)
    return run_analysis(request)


def analyse(request: RunRequest) -> AnalysisResult:
    """Run (or reuse) a run: the same link gives the same result, so it can be cached."""
    return _cached_run(
        request.scenarios,
        tuple(sorted(request.overrides.items())),
        request.draws,
        request.persons,
        request.seed,
    )


# The rendered figures and tables per run and language (issue 16: the charts hold about
# 11,000 SVG points; a link always gives the same result, so the same page parts).
_PARTS: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
PARTS_CACHED = 32


def page_parts(run: RunRequest, result: AnalysisResult) -> dict[str, Any]:
    """Figures and tables of a result, rendered once per run and language."""
    key = (jobs.run_key(run), get_language() or "")
    parts = _PARTS.get(key)
    if parts is None:
        parts = {
            "figures": presenters.figures(result),
            "totals": presenters.totals_table(result),
            "tables": presenters.extra_tables(result),
        }
        _PARTS[key] = parts
        while len(_PARTS) > PARTS_CACHED:
            _PARTS.popitem(last=False)
    else:
        _PARTS.move_to_end(key)
    return parts


def _parameter_groups(form: RunForm) -> list[dict]:
    known = sources()
    groups: dict[str, dict] = {}
    for bound in form.parameter_fields():
        spec = bound.field.spec
        group = groups.setdefault(
            spec.group,
            {"key": spec.group, "label": GROUP_LABELS.get(spec.group, spec.group), "fields": []},
        )
        group["fields"].append(
            {
                "bound": bound,
                "spec": spec,
                "unit": bound.field.unit_label,
                "low": presenters.format_value(spec.low),
                "high": presenters.format_value(spec.high),
                "source": known.get(spec.source),
                "changed": bound.name in (form.resolved.changed() if form.resolved else {}),
            }
        )
    for group in groups.values():
        group["open"] = any(item["changed"] or item["bound"].errors for item in group["fields"])
    return list(groups.values())


def _scenario_notes() -> list[dict]:
    book = load_scenarios()
    known = sources()
    return [
        {
            "label": SCENARIO_LABELS.get(key, offer.label),
            "note": OFFER_NOTES.get(key, offer.note),
            "offer": offer,
            "source": known.get(offer.source),
            "reach": {kind: round(share * 100) for kind, share in offer.reach.items()},
        }
        for key, offer in book.offers.items()
    ]


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form = RunForm.from_query(request.GET)
    result = pending = None
    parts: dict[str, Any] = {"figures": [], "totals": None, "tables": {}}
    share_url = csv_url = ""
    if form.is_valid():
        run = form.run_request()
        # A heavy run goes to the worker; the page refreshes until its result is there.
        outcome = jobs.result_or_job(run) if jobs.is_heavy(run) else analyse(run)
        if isinstance(outcome, AnalysisResult):
            result = outcome
            parts = page_parts(run, result)
        else:
            pending = outcome
        query = share_query(run)
        share_url = request.build_absolute_uri(f"{reverse('businesscase:index')}?{query}")
        csv_url = f"{reverse('businesscase:csv')}?{query}"
    status = 200 if form.is_valid() else 400
    context = {
        "form": form,
        "result": result,
        "pending": pending,
        "pending_stage": jobs.stage_label(pending) if pending else "",
        "refresh_seconds": jobs.REFRESH_SECONDS,
        "figures": parts["figures"],
        "totals": parts["totals"],
        "tables": parts["tables"],
        "groups": _parameter_groups(form),
        "offers": _scenario_notes(),
        "effects": presenters.effects_table(load_scenarios()),
        "share_url": share_url,
        "csv_url": csv_url,
        "parameters_version": load_parameters().version,
        "micro": [r.micro for r in result.results.values() if r.micro] if result else [],
    }
    response = render(request, "businesscase/index.html", context, status=status)
    if pending is not None:
        # "Still computing" or "failed" holds only until the worker is done or a retry:
        # never kept by the page cache, a proxy or the browser (they would keep it 5 min).
        response["Cache-Control"] = "no-store"
    return response


@require_GET
def csv_download(request: HttpRequest) -> HttpResponse:
    form = RunForm.from_query(request.GET)
    if not form.is_valid():
        messages = [str(error) for errors in form.errors.values() for error in errors]
        return HttpResponse(
            "\n".join([_("The run could not be made:"), *messages]),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    run = form.run_request()
    result = jobs.result_or_job(run) if jobs.is_heavy(run) else analyse(run)
    if not isinstance(result, AnalysisResult):  # still running: the page shows how far
        return redirect(f"{reverse('businesscase:index')}?{share_query(run)}")
    response = download(b"", "text/csv; charset=utf-8", "werkwijzer-businesscase.csv", PUBLIC)
    writer = csv.writer(response)
    writer.writerows(result.csv_rows())
    return response
