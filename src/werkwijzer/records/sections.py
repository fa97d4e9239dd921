"""Mijn Werkwijzer: collect the sections that apps contribute.

Every installed werkwijzer app may provide `werkwijzer.<app>.mijn_werkwijzer` with
`section(request) -> dict | None` returning `{"title", "template", "context", "order"}`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Section:
    title: str
    html: SafeString
    order: int
    app: str


def section_providers():
    for config in apps.get_app_configs():
        if not config.name.startswith("werkwijzer."):
            continue
        module_name = f"{config.name}.mijn_werkwijzer"
        try:
            if find_spec(module_name) is None:
                continue
        except ModuleNotFoundError:
            continue
        provider = getattr(import_module(module_name), "section", None)
        if callable(provider):
            yield config.label, provider


def collect(request: HttpRequest) -> list[Section]:
    sections = []
    for label, provider in section_providers():
        try:
            result = provider(request)
            if not result:
                continue
            context = {**result.get("context", {}), "section_title": result["title"]}
            html = render_to_string(result["template"], context, request=request)
        except Exception:
            # One broken contribution must not take the whole overview down.
            logger.exception("Mijn Werkwijzer section of %s failed", label)
            continue
        sections.append(Section(str(result["title"]), html, int(result.get("order", 100)), label))
    return sorted(sections, key=lambda s: (s.order, s.app))
