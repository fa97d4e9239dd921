"""The records app's own part of Mijn Werkwijzer: work data, consents, access log, FHIR."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from werkwijzer.core import access
from werkwijzer.records.models import AuditEvent, Consent, WorkData


def section(request: HttpRequest) -> dict | None:
    user = request.user
    if not user.is_authenticated:
        return None
    is_person = access.is_person(user)
    work_data = WorkData.objects.filter(user=user).first() if is_person else None
    return {
        "title": _("Your work data and privacy"),
        "template": "records/sections/records.html",
        "order": 10,
        "context": {
            "is_person": is_person,
            "work_data": work_data,
            "has_work_data": work_data is not None and not work_data.is_empty,
            "active_consents": Consent.objects.active().filter(owner=user).count(),
            "log_count": AuditEvent.objects.filter(subject=user).count(),
            "is_privacy_officer": access.can_search_audit_log(user),
            "shared_count": Consent.objects.active()
            .filter(recipient=user, purpose=Consent.Purpose.VIEW_WORK_DATA)
            .count()
            if access.is_professional(user)
            else 0,
        },
    }
