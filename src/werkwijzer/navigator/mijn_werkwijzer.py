"""The navigator's section in Mijn Werkwijzer: the user's saved plans."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from werkwijzer.navigator.models import SavedPlan


def section(request: HttpRequest) -> dict | None:
    if not request.user.is_authenticated:
        return None
    plans = list(SavedPlan.objects.filter(owner=request.user)[:10])
    return {
        "title": _("My saved plans"),
        "template": "navigator/_saved_plans_section.html",
        "context": {"saved_plans": plans},
        "order": 10,
    }
