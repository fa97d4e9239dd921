"""Cache-Control, Vary and gzip of the site's responses (core/caching.py, ADR 0012)."""

from __future__ import annotations

import gzip
import json

import pytest
from django.utils.cache import get_max_age

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.caching import PUBLIC_MAX_AGE
from werkwijzer.navigator.tests.test_api import SITUATION

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, br"}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_a_public_page_is_public_for_a_short_while_and_compressed(client, helper_catalogue):
    response = client.get("/wie-kan-helpen/", **GZIP)
    assert response["Cache-Control"] == f"public, max-age={PUBLIC_MAX_AGE}"
    assert get_max_age(response) == PUBLIC_MAX_AGE <= 600
    # The language comes from the header or the language cookie; gzip from the header.
    assert {"accept-language", "cookie", "accept-encoding"} <= vary(response)
    assert response["Content-Encoding"] == "gzip"
    assert "Wie kan helpen" in gzip.decompress(response.content).decode()


def test_without_accept_encoding_nothing_is_compressed(client):
    response = client.get("/")
    assert "Content-Encoding" not in response
    assert response["Cache-Control"].startswith("public")


def test_the_plan_is_personal_but_its_json_is_compressed(client, helper_catalogue):
    body = json.dumps(SITUATION)
    response = client.post("/api/v1/plan", body, content_type="application/json", **GZIP)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    # Made from the request alone (no cookie, no secret beside it): safe to compress.
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["helpers"]


@pytest.mark.parametrize(
    "url",
    [
        "/wegwijzer/?role=werkende",  # answers in the query string, even if only a role
        "/tijdlijn/?employment=loondienst-vast&sick_since=2026-09-01",
        "/gesprekshulp/",
    ],
)
def test_the_tools_that_take_personal_answers_are_never_stored(client, helper_catalogue, url):
    """Their empty questionnaires are the same for everyone (test_page_cache.py)."""
    response = client.get(url, **GZIP)
    assert response["Cache-Control"] == "private, no-store"


def test_the_plan_page_is_never_stored(client, helper_catalogue):
    response = client.post("/wegwijzer/plan/", SITUATION, **GZIP)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_logged_in_pages_are_private_and_not_compressed(client):
    force_login_verified(client, make_user("person"))
    for url in ("/", "/mijn-werkwijzer/"):
        response = client.get(url, **GZIP)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        # What the session holds is on the page, beside what the page reflects (BREACH).
        assert "Content-Encoding" not in response, url


def test_a_page_with_a_form_is_kept_by_no_one_else(client):
    response = client.get("/inloggen/", **GZIP)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "csrftoken" in response.cookies
    # Its CSRF token is masked anew in every response: compressed all the same.
    assert response["Content-Encoding"] == "gzip"


def test_the_language_switch_needs_no_csrf_token(client):
    response = client.get("/wie-kan-helpen/")
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/wie-kan-helpen/"})
    assert switched.status_code == 302
    assert client.get("/wie-kan-helpen/").headers["Content-Language"] == "en"


@pytest.mark.parametrize("url", ["/api/v1/health", "/api/v1/live"])
def test_health_is_never_stored(client, url):
    assert client.get(url)["Cache-Control"] == "no-store"


def test_a_download_keeps_its_own_cache_control(client):
    from django.http import HttpResponse

    from werkwijzer.core.caching import CachingAndCompressionMiddleware

    own = HttpResponse("x" * 500, content_type="text/plain")
    own["Cache-Control"] = "no-store"
    middleware = CachingAndCompressionMiddleware(lambda request: own)
    request = client.get("/").wsgi_request
    assert middleware(request)["Cache-Control"] == "no-store"


def test_static_files_are_compressed_ahead_of_time_in_production():
    import brotli  # noqa: F401 - WhiteNoise writes the .br files only with it

    from werkwijzer.settings import production

    storage = production.STORAGES["staticfiles"]["BACKEND"]
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
