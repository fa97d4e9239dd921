"""The Mijn Werkwijzer section of this app, for professionals and editors: their
consultations, the open questions of Vraag de specialist, and what waits to be published."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from werkwijzer.core import access
from werkwijzer.questions import services


def section(request: HttpRequest) -> dict | None:
    user = request.user
    is_editor = access.is_editor(user)
    if not (access.is_professional(user) or is_editor):
        return None
    context = {"is_editor": is_editor, "is_baco_or_kag": access.can_answer_questions(user)}
    if access.is_professional(user):
        context["threads"] = list(services.visible_consultations(user)[:5])
    if access.can_answer_questions(user):
        context["open_count"] = services.open_questions().count()
    if is_editor:
        context["publishable_count"] = services.publishable_questions().count()
    return {
        "title": _("Questions and consultation"),
        "template": "questions/mijn_werkwijzer_section.html",
        "context": context,
        "order": 40,
    }
