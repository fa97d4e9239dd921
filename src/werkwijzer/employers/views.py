"""The werkgevers section: duties, what to ask, contact, and the two templates."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from werkwijzer.conversation.content import document, localise
from werkwijzer.core.downloads import PUBLIC, download
from werkwijzer.core.i18n import current_language
from werkwijzer.core.pdf import pdf_response
from werkwijzer.core.sources import sources
from werkwijzer.employers.documents import template_docx

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _guide(language: str) -> dict[str, Any]:
    data = localise(document(settings.CONTENT_DIR, "guide", app="employers"), language)
    register = sources()
    for section in data["sections"]:
        section["source_entry"] = register[section["source"]]
    return data


def _template(language: str, slug: str) -> dict[str, Any]:
    for template in _guide(language)["templates"]:
        if template["slug"] == slug:
            return template
    raise Http404


def _footer() -> str:
    return _("Example from Werkwijzer (werk en kanker). Adapt it to your organisation.")


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "employers/index.html", {"guide": _guide(current_language())})


@require_GET
def template_detail(request: HttpRequest, slug: str) -> HttpResponse:
    template = _template(current_language(), slug)
    return render(request, "employers/template.html", {"template": template})


@require_GET
def template_download(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    template = _template(current_language(), slug)
    if kind == "pdf":
        return pdf_response(
            request,
            "employers/pdf/template.html",
            {"template": template, "footer": _footer()},
            f"{slug}.pdf",
            PUBLIC,
        )
    return download(template_docx(template, _footer()), DOCX_TYPE, f"{slug}.docx", PUBLIC)
