"""The Mijn Werkwijzer section of this app, for professionals and editors: their
consultations, the open questions of Vraag de specialist, and what waits to be published."""

from __future__ import annotations

from django.utils.translation import gettext as _

from werkwijzer.questions import services


def section(request) -> dict | None:
    user = request.user
    is_editor = user.role in ("editor", "admin")
    if not (user.is_authenticated and (user.is_professional or is_editor)):
        return None
    context = {"is_editor": is_editor, "is_baco_or_kag": user.is_baco_or_kag}
    if user.is_professional:
        context["threads"] = list(services.visible_consultations(user)[:5])
    if user.is_baco_or_kag:
        context["open_count"] = services.open_questions().count()
    if is_editor:
        context["publishable_count"] = services.publishable_questions().count()
    return {
        "title": _("Questions and consultation"),
        "template": "questions/mijn_werkwijzer_section.html",
        "context": context,
        "order": 40,
    }
