"""System checks of core: the public address that PDFs and calendar files link to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from werkwijzer.core.site import site_url_problem


@register()
def site_url_configured(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with migrate, the worker and `werkwijzer check`; production has no default."""
    problem = site_url_problem(getattr(settings, "WERKWIJZER_SITE_URL", ""))
    return [Error(problem, id="core.E001")] if problem else []
