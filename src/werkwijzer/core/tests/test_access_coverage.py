"""Every page and API operation of the apps that hold people's data goes through the
access policy: `core.access.guard` / `api_guard`, or `core.access.public(reason)`.

The check walks Django's URL resolver and the built django-ninja API, so a new view or
operation in care, records, questions or outcomes that forgets the policy fails here.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, path
from ninja import NinjaAPI, Router

from werkwijzer.core import access

# The apps whose views read care or record data (referrals, work data, consents, the
# audit log, consultations, the specialist's questions, outcome answers).
GUARDED_APPS = ("care", "records", "questions", "outcomes")


def _app_of(function: Callable) -> str | None:
    module = getattr(getattr(function, "view_class", function), "__module__", "") or ""
    parts = module.split(".")
    if len(parts) > 1 and parts[0] == "werkwijzer" and parts[1] in GUARDED_APPS:
        return parts[1]
    return None


def _decided(function: Callable) -> bool:
    """Guarded by a rule, or public with a reason."""
    target = getattr(function, "view_class", function)
    rule = getattr(function, "access_rule", None) or getattr(target, "access_rule", None)
    reason = getattr(function, "access_public", "") or getattr(target, "access_public", "")
    return isinstance(rule, access.Rule) or bool(str(reason).strip())


def _patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, Callable]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def _operations(api: NinjaAPI) -> Iterator[tuple[str, object]]:
    # The bound routers hold the operations with the auth they inherit from their router.
    for bound in api._get_bound_routers():
        for route, path_view in bound.path_operations.items():
            for operation in path_view.operations:
                yield bound.prefix + route, operation


def _api_guarded(operation: object) -> bool:
    callbacks = getattr(operation, "auth_callbacks", ()) or ()
    return any(isinstance(callback, access.ApiGuard) for callback in callbacks)


def pages_outside_the_policy(resolver: URLResolver) -> tuple[list[str], set[str]]:
    """The routes of the guarded apps' pages without a decision; the apps seen."""
    missing, seen = [], set()
    for route, callback in _patterns(resolver):
        app = _app_of(callback)
        if app is None:
            continue
        seen.add(app)
        if not _decided(callback):
            missing.append(f"{route} ({callback.__module__}.{callback.__name__})")
    return missing, seen


def operations_outside_the_policy(api: NinjaAPI) -> tuple[list[str], set[str]]:
    """The guarded apps' API operations with neither an api_guard nor a public reason."""
    missing, seen = [], set()
    for route, operation in _operations(api):
        view = operation.view_func
        app = _app_of(view)
        if app is None:
            continue
        seen.add(app)
        if not (_api_guarded(operation) or _decided(view)):
            methods = ",".join(operation.methods)
            missing.append(f"{methods} {route} ({view.__module__}.{view.__name__})")
    return missing, seen


def test_every_page_of_the_data_apps_goes_through_the_policy():
    missing, seen = pages_outside_the_policy(get_resolver())
    assert missing == [], "Pages without core.access.guard or public(reason):\n" + "\n".join(
        missing
    )
    assert seen == set(GUARDED_APPS)  # the walk found the apps' pages at all


def test_every_api_operation_of_the_data_apps_goes_through_the_policy():
    from werkwijzer.urls import api

    missing, seen = operations_outside_the_policy(api)
    assert missing == [], "API operations without api_guard or public(reason):\n" + "\n".join(
        missing
    )
    assert seen == {"care", "records", "questions"}  # outcomes has no API


# --- the checks themselves find what is missing ------------------------------------------


def _view_in(module: str, **marks: object) -> Callable:
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("x")

    view.__module__ = module
    for name, value in marks.items():
        setattr(view, name, value)
    return view


def test_the_page_walk_finds_an_unguarded_view():
    urlconf = types.ModuleType("fake_urls")
    urlconf.urlpatterns = [
        path("open/", _view_in("werkwijzer.care.views")),
        path("guarded/", access.guard(access.PERSON)(_view_in("werkwijzer.records.views"))),
        path("public/", access.public("published")(_view_in("werkwijzer.questions.views"))),
        path("other-app/", _view_in("werkwijzer.helpers.views")),
    ]
    missing, seen = pages_outside_the_policy(get_resolver(urlconf))
    assert len(missing) == 1 and missing[0].startswith("open/")
    assert seen == {"care", "records", "questions"}


def test_the_api_walk_finds_an_unguarded_operation():
    router = Router()
    router.get("/open")(_view_in("werkwijzer.records.api"))
    router.get("/guarded", auth=access.api_guard(access.PERSON))(_view_in("werkwijzer.care.api"))
    router.get("/public")(access.public("anonymous asking")(_view_in("werkwijzer.questions.api")))
    api = NinjaAPI(urls_namespace="fake-access-api")
    api.add_router("", router)
    missing, seen = operations_outside_the_policy(api)
    assert len(missing) == 1 and missing[0].startswith("GET /open")
    assert seen == {"care", "records", "questions"}
