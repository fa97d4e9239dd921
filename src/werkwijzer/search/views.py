"""The search page at /zoeken/: a GET form, results with passages, help when empty."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from werkwijzer.core.i18n import current_language
from werkwijzer.feedback.services import count_missed_search
from werkwijzer.knowledge.personas import from_request
from werkwijzer.search.documents import TYPES
from werkwijzer.search.services import search


def search_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:1000]
    kind = request.GET.get("type", "")
    response = None
    if "q" in request.GET:
        language = current_language()
        persona = from_request(request)
        response = search(
            q,
            language=language,
            persona=persona.as_dict() if persona.is_set else None,
            types=[kind] if kind in TYPES else None,
        )
        if not response.results and not response.message:
            # The editors' gap map: the words only, no reader, no address.
            count_missed_search(q, language)
    return render(
        request,
        "search/search.html",
        {"q": q, "kind": kind if kind in TYPES else "", "response": response},
    )
