"""The zorgpad section of Mijn Werkwijzer: referrals, advice letters, confirmations."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from werkwijzer.care import services
from werkwijzer.care.models import PersonAdvice
from werkwijzer.core import access


def section(request: HttpRequest) -> dict | None:
    user = request.user
    if not access.is_person(user):
        return None
    # Audited like the list of referrals page: every access to a care record is logged.
    referrals = services.audited_listing(
        user, services.referrals_for_person(user).select_related("created_by")
    )
    pending = [r for r in referrals if not r.is_confirmed and r.state == "requested"]
    advice = PersonAdvice.objects.filter(referral__person_id=user.pk).select_related(
        "referral__provider"
    )
    return {
        "title": _("Your referrals and advice"),
        "template": "care/mijn_werkwijzer_section.html",
        "context": {
            "pending": pending,
            "referrals": [r for r in referrals if r not in pending],
            "advice_list": list(advice),
        },
        "order": 30,
    }
