"""`make run` (DEBUG on) shows the site's own 404 and 500 pages, in Dutch and English, and
still logs the traceback of a crash (core/error_pages.py, issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.utils import translation

from werkwijzer.core.error_pages import SiteErrorPagesMiddleware

MIDDLEWARE = [*settings.MIDDLEWARE, "werkwijzer.core.error_pages.SiteErrorPagesMiddleware"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Pagina niet gevonden"), ("en", "Page not found")]
)
def test_an_unknown_address_under_debug_gets_the_sites_own_404(client, language, title):
    with override_settings(DEBUG=True, MIDDLEWARE=MIDDLEWARE):
        response = client.get("/bestaat-niet-echt/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    body = response.content.decode()
    assert title in body
    assert "DEBUG = True" not in body  # not Django's technical page


def test_a_crash_under_debug_gets_the_sites_500_and_a_logged_traceback(caplog):
    request = RequestFactory().get("/wegwijzer/")
    middleware = SiteErrorPagesMiddleware(lambda request: None)
    with translation.override("nl"), caplog.at_level("ERROR", logger="werkwijzer.errors"):
        response = middleware.process_exception(request, RuntimeError("kapot"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert any(record.exc_info for record in caplog.records)


def test_make_run_uses_it_unless_asked_for_djangos_pages():
    code = "from django.conf import settings; print(settings.MIDDLEWARE[-1])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "werkwijzer.settings.dev"}
    env.pop("DATABASE_URL", None)
    shown = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "werkwijzer.core.error_pages.SiteErrorPagesMiddleware"
    env["WERKWIJZER_DJANGO_DEBUG_PAGES"] = "1"
    django_pages = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert django_pages.stdout.strip() != shown.stdout.strip()
