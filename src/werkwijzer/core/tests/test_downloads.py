"""Every download says how it may be kept: personal ones are never stored (no-store),
public ones may be cached. A new download URL must be added to DOWNLOADS, or the first
test fails; the others fetch each download and check its headers."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.downloads import PERSONAL, PUBLIC, download

DOWNLOADS = {
    "navigator:output": PERSONAL,
    "timeline:ics": PERSONAL,
    "conversation:questions_pdf": PERSONAL,
    "conversation:specialist_pdf": PERSONAL,
    "care:advice_pdf": PERSONAL,  # fetched in care/tests/test_views.py
    "care:report_pdf": PERSONAL,  # fetched in care/tests/test_views.py
    "records:fhir": PERSONAL,
    "records:privacy_export": PERSONAL,
    "outcomes:export": PERSONAL,
    "directory:folder": PUBLIC,
    "employers:template_docx": PUBLIC,
    "employers:template_pdf": PUBLIC,
    "businesscase:csv": PUBLIC,
    "events:ics": PUBLIC,  # fetched in events/tests/test_events.py
}
_FILE_ROUTE = re.compile(r"(pdf|csv|ics|json|docx)|/fhir/$")
PLAN = {
    "role": "werkende",
    "employment": "loondienst-vast",
    "phase": "behandeling",
    "working": "niet",
    "age": "45",
    "sick_since": "2026-09-01",
}


def _routes(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _routes(pattern, prefix + str(pattern.pattern), inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name


def _assert_kept_as(response, audience) -> None:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"].startswith(("attachment;", "inline;"))
    if audience is PERSONAL:
        assert response["Cache-Control"] == "no-store"
    else:
        assert response["Cache-Control"].startswith("public, max-age=")


def test_every_download_url_is_classified():
    found = {
        name
        for route, name in _routes(get_resolver())
        if _FILE_ROUTE.search(route) and not route.startswith(("cms/", "api/", "beheer/"))
    }
    assert found - set(DOWNLOADS) == set(), "classify these downloads in DOWNLOADS"
    assert set(DOWNLOADS) - found == set(), "these downloads no longer exist"


def test_the_helper_marks_personal_and_public_downloads():
    _assert_kept_as(download(b"x", "text/plain", "a.txt", PERSONAL), PERSONAL)
    public = download(b"x", "text/plain", "a.txt", PUBLIC, inline=True)
    _assert_kept_as(public, PUBLIC)
    assert public["Content-Disposition"] == 'inline; filename="a.txt"'


@pytest.mark.django_db
def test_anonymous_downloads(client, helper_catalogue):
    for output in ("pdf", "json", "ics"):
        response = client.post(reverse("navigator:output", args=[output]), PLAN)
        _assert_kept_as(response, DOWNLOADS["navigator:output"])
    calendar = client.post(
        reverse("timeline:ics"), {"employment": "loondienst-vast", "sick_since": "2026-09-01"}
    )
    _assert_kept_as(calendar, PERSONAL)
    _assert_kept_as(client.get(reverse("conversation:specialist_pdf")), PERSONAL)
    _assert_kept_as(client.get(reverse("businesscase:csv")), PUBLIC)
    slug = re.search(
        r"/werkgevers/sjablonen/([a-z0-9-]+)/", client.get("/werkgevers/").content.decode()
    )
    for kind in ("docx", "pdf"):
        response = client.get(reverse(f"employers:template_{kind}", args=[slug.group(1)]))
        _assert_kept_as(response, PUBLIC)


@pytest.mark.django_db
def test_the_baco_folder_is_public(client):
    from werkwijzer.directory.factories import ProviderFactory

    provider = ProviderFactory(kinds=["baco"])
    _assert_kept_as(client.get(reverse("directory:folder", args=[provider.pk])), PUBLIC)


@pytest.mark.django_db
def test_personal_exports(client):
    force_login_verified(client, make_user("person"))
    _assert_kept_as(client.get(reverse("records:fhir")), PERSONAL)
    officer = make_user("privacy_officer")
    force_login_verified(client, officer)
    export = client.post(reverse("records:privacy_export"), {"actor": officer.email})
    assert export.status_code == 200 and export["Cache-Control"] == "no-store"
    researcher = make_user("professional")
    researcher.user_permissions.add(Permission.objects.get(codename="export_research"))
    force_login_verified(client, researcher)
    response = client.get(reverse("outcomes:export"))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
