"""The "ik ben ..." picker (stores the persona in the session, works without JavaScript)
and the woordenlijst."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from werkwijzer.core import access
from werkwijzer.core.caching import form_on_public_pages
from werkwijzer.core.i18n import current_language
from werkwijzer.core.sources import sources
from werkwijzer.knowledge import glossary, personas


@form_on_public_pages  # the picker stands on the kennisbank pages kept for everyone
@require_POST
def set_persona(request: HttpRequest) -> HttpResponse:
    if "clear" in request.POST:
        request.session.pop(personas.SESSION_KEY, None)
    else:
        persona = personas.parse(
            {"role": request.POST.get("role"), "employment": request.POST.get("employment")}
        )
        request.session[personas.SESSION_KEY] = persona.as_dict()
    target = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("knowledge:index")
    return HttpResponseRedirect(target)


@access.public("the woordenlijst: public explanations of words, nobody's data")
@require_GET
def glossary_page(request: HttpRequest) -> HttpResponse:
    register = sources()
    entries = [
        {"term": term, "source": register[term.source]}
        for term in glossary.terms(settings.CONTENT_DIR, current_language())
    ]
    return render(request, "knowledge/glossary.html", {"entries": entries})
