"""PDF from a template with WeasyPrint; used by the gesprekshulp, keuzehulp and werkgevers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from werkwijzer.core.pdf import render_pdf


def render_pdf_bytes(request: HttpRequest, template: str, context: dict[str, Any]) -> bytes:
    # Static files are read from disk (core.pdf), never fetched from this server over HTTP.
    return render_pdf(render_to_string(template, context, request=request))


def pdf_response(
    request: HttpRequest, template: str, context: dict[str, Any], filename: str
) -> HttpResponse:
    response = HttpResponse(
        render_pdf_bytes(request, template, context), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
