"""The "ik ben ..." picker: stores the persona in the session, works without JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from werkwijzer.knowledge import personas


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
