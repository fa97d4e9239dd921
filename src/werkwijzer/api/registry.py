"""Build the one JSON API from the routers that each app declares in its `api.py`.

An app that serves JSON puts `router = Router(...)` in `werkwijzer/<app>/api.py`; this
module finds it, so adding an app never means editing a central list.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from ninja import NinjaAPI

from werkwijzer.api.errors import install_error_handlers
from werkwijzer.api.throttling import AddressThrottle


def _app_routers():
    for config in apps.get_app_configs():
        if not config.name.startswith("werkwijzer.") or config.name == "werkwijzer.api":
            continue
        module_name = f"{config.name}.api"
        if find_spec(module_name) is None:
            continue
        module = import_module(module_name)
        router = getattr(module, "router", None)
        if router is not None:
            yield config.label, router


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Werkwijzer API",
        version="1",
        description=(
            "Werk en kanker: the personal plan, the helper catalogue and the other "
            "capabilities of Werkwijzer as JSON. Messages are in Dutch unless the request "
            "asks for English (Accept-Language: en)."
        ),
        urls_namespace="api",
        # Per client address, for every operation (core.ratelimit scope "api").
        throttle=[AddressThrottle("api")],
    )
    install_error_handlers(api)
    for label, router in _app_routers():
        api.add_router("", router, tags=[label])
    return api
