"""System checks of the records app: production must have its own audit key."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from werkwijzer.records.keys import require_production


@register(Tags.security)
def audit_key_configured(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with migrate, the worker and `werkwijzer check` (not with collectstatic, which
    needs no secret)."""
    if not getattr(settings, "WERKWIJZER_AUDIT_KEY_REQUIRED", False):
        return []
    try:
        require_production(settings.WERKWIJZER_AUDIT_KEYS, settings.WERKWIJZER_AUDIT_ANCHOR_FILE)
    except ImproperlyConfigured as refusal:
        return [Error(str(refusal), id="records.E001")]
    return []
