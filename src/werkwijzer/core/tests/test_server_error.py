"""The 500 page: the site's own, without the database, and still an answer without a
static manifest."""

from __future__ import annotations

from django.test import RequestFactory, override_settings
from django.utils import translation

from werkwijzer.core.views import server_error

_MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}


def test_the_500_page_is_the_sites_own_and_needs_no_database():
    # No `db` fixture: any database or session access would raise here.
    with translation.override("nl"):
        response = server_error(RequestFactory().get("/kennisbank/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "/static/werkwijzer/site.css" in html
    assert 'class="site-nav__link"' in html  # the menu is there to go on from
    assert "csrfmiddlewaretoken" not in html  # no form that could only fail


def test_the_500_page_answers_in_plain_html_when_static_files_are_missing(tmp_path, caplog):
    with (
        override_settings(STORAGES=_MANIFEST_STORAGE, STATIC_ROOT=tmp_path),
        translation.override("nl"),
    ):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="nl">' in html
    assert "Er ging iets mis" in html
    assert "Nothing you saved is lost" not in html  # translated, not the msgid
    assert "could not render" in caplog.text
