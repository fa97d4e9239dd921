"""Pages of the verwijsgids: search, provider, and the printable BACO folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods

from werkwijzer.core import access, ratelimit, roles
from werkwijzer.core.downloads import PUBLIC, download
from werkwijzer.core.pdf import pdf_document, write_pdf
from werkwijzer.core.site import absolute_url
from werkwijzer.directory import moderation, reports, services
from werkwijzer.directory.forms import ErrorReportForm, SearchForm
from werkwijzer.directory.models import Provider
from werkwijzer.directory.services import SearchResult, UnknownLocation, resolve_location

if TYPE_CHECKING:
    from weasyprint.document import Document


def _markers(result: SearchResult) -> dict:
    """What the map script needs, handed over as JSON (no inline script under the CSP)."""
    return {
        "centre": [result.location.lat, result.location.lon],
        "tileUrl": settings.WERKWIJZER_TILE_URL,
        "attribution": settings.WERKWIJZER_TILE_ATTRIBUTION,
        "demoLabel": gettext("Example, not real"),
        "providers": [
            {
                "name": hit.provider.name,
                "lat": hit.provider.lat,
                "lon": hit.provider.lon,
                "url": hit.provider.get_absolute_url(),
                "distance": hit.distance_km,
                "demo": hit.provider.is_demo,
            }
            for hit in result.hits
        ],
    }


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict = {
        "form": form,
        "map_enabled": bool(settings.WERKWIJZER_TILE_URL),
        # A new site starts with an empty guide: the page explains how it gets filled.
        "empty_guide": not Provider.objects.listed().exists(),
        "signup_url": reverse("directory:signup"),
    }
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        try:
            location = resolve_location(form.cleaned_data["q"])
        except UnknownLocation as unknown:
            context["unknown"] = unknown
        else:
            result = services.search(
                location,
                form.cleaned_data["radius_km"],
                form.filters(),
                page=form.cleaned_data["page"] or 1,
            )
            context["result"] = result
            context["markers"] = _markers(result)
    return render(request, "directory/search.html", context)


def _active_provider(pk: int) -> Provider:
    """An entry visitors may see: active, and checked in the last 24 months."""
    return get_object_or_404(Provider.objects.listed(), pk=pk)


@require_GET
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _active_provider(pk)
    # Only a professional can own an entry; other visitors cost no query here.
    is_owner = roles.is_professional(request.user) and moderation.owns(request.user, provider)
    context = {"provider": provider, "is_owner": is_owner}
    return render(request, "directory/provider.html", context)


@require_GET
def provider_folder(request: HttpRequest, pk: int) -> HttpResponse:
    """The personal BACO folder as a PDF, in the visitor's language."""
    provider = _active_provider(pk)
    if not provider.has_folder:
        raise Http404
    pdf = write_pdf(folder_document(provider, request))
    filename = f"baco-folder-{slugify(provider.name) or provider.pk}.pdf"
    return download(pdf, "application/pdf", filename, PUBLIC, inline=True)


def folder_document(provider: Provider, request: HttpRequest) -> Document:
    """The laid-out folder; tests read its text, the view writes it as PDF."""
    html = render_to_string(
        "directory/folder.html",
        {"provider": provider, "page_url": absolute_url(provider.get_absolute_url())},
        request=request,
    )
    return pdf_document(html)


@access.public("anyone may report a mistake in a public entry; no account, rate-limited")
@require_http_methods(["GET", "POST"])
def report_error(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Klopt er iets niet?": a short form that lands in the editors' queue."""
    provider = _active_provider(pk)
    form = ErrorReportForm(request.POST if request.method == "POST" else None)
    retry_after = 0
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.hit(reports.REPORT_SCOPE, request)
        except ratelimit.RateLimited as error:
            form.add_error(None, error.message)
            retry_after = error.retry_after
        else:
            data = form.cleaned_data
            reports.create_report(provider, data["message"], data["email"], get_language() or "")
            if data["email"]:
                text = gettext("Thank you. The editors look at it and send you an answer.")
            else:
                text = gettext("Thank you. The editors look at it.")
            messages.success(request, text)
            return redirect(provider.get_absolute_url())
    context = {"provider": provider, "form": form}
    response = render(request, "directory/report.html", context, status=429 if retry_after else 200)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response
