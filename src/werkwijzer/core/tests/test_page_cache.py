"""Public pages kept on the server for anonymous visitors (core/caching.py, issue 16).

The tests switch the page cache on (the test settings keep it off, because a test's
content is rolled back with its transaction and the version counter with it)."""

from __future__ import annotations

import gzip

import pytest

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.testing import page_cache  # noqa: F401 - a fixture
from werkwijzer.core.versions import content_changed, version_changed

# Every test here runs with the page cache on.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def _view_must_not_run(monkeypatch) -> None:
    """The about page renders through this module's `render`: make that fail."""

    def fails(*args, **kwargs):
        raise AssertionError("view was called")

    monkeypatch.setattr("werkwijzer.core.views.render", fails)


def test_the_second_anonymous_visitor_gets_the_kept_page_without_queries(
    client, django_assert_max_num_queries
):
    first = client.get("/wie-kan-helpen/")
    with django_assert_max_num_queries(2):  # at most the two content versions
        second = client.get("/wie-kan-helpen/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_kept_page_is_still_compressed_for_who_asks(client):
    client.get("/over/")
    kept = client.get("/over/", HTTP_ACCEPT_ENCODING="gzip")
    assert kept["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(kept.content)


def test_a_kept_page_is_kept_compressed_and_never_sent_compressed_to_who_did_not_ask(
    client, monkeypatch
):
    first = client.get("/wie-kan-helpen/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"

    def fails(*args, **kwargs):
        raise AssertionError("compressed again")

    monkeypatch.setattr("django.middleware.gzip.compress_string", fails)
    monkeypatch.setattr("django.middleware.gzip.compress_sequence", fails)
    second = client.get("/wie-kan-helpen/", HTTP_ACCEPT_ENCODING="gzip")
    assert second.content == first.content  # the kept bytes, not compressed anew
    plain = client.get("/wie-kan-helpen/")
    assert "Content-Encoding" not in plain and b"<html" in plain.content
    assert "accept-encoding" in plain["Vary"].lower()


@pytest.mark.parametrize("change", [content_changed, lambda: version_changed("directory")])
def test_a_content_change_gives_the_page_a_new_key(client, monkeypatch, change):
    from werkwijzer.core import caching

    before = caching.page_key_prefix()
    client.get("/over/")
    change()
    assert caching.page_key_prefix() != before
    # The old page is never read again: the view makes the page anew.
    _view_must_not_run(monkeypatch)
    with pytest.raises(AssertionError, match="view was called"):
        client.get("/over/")


def test_without_a_change_the_kept_page_answers_and_the_view_is_not_called(client, monkeypatch):
    client.get("/over/")
    _view_must_not_run(monkeypatch)
    assert client.get("/over/").status_code == 200


def test_each_language_has_its_own_page(client):
    dutch = client.get("/over/", HTTP_ACCEPT_LANGUAGE="nl")
    english = client.get("/over/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'lang="nl"' in dutch.content.decode()
    assert 'lang="en"' in english.content.decode()
    assert 'lang="nl"' in client.get("/over/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_a_page_with_a_form_is_never_kept():
    """Its CSRF token belongs to one visitor: another must never get it."""
    from django.test import Client

    token = 'name="csrfmiddlewaretoken" value="'
    first, second = Client().get("/inloggen/"), Client().get("/inloggen/")
    assert first.status_code == second.status_code == 200
    assert first.cookies and second.cookies  # each visitor got a token of their own
    assert first.content.decode().split(token)[1] != second.content.decode().split(token)[1]
    # A visitor who already has the cookie gets a token from it, not a kept page.
    returning = Client()
    returning.get("/inloggen/")
    again = returning.get("/inloggen/")
    assert "Cache-Control" in again and not again["Cache-Control"].startswith("public")


def test_signed_in_visitors_are_never_kept_or_served_from_the_cache(client, monkeypatch):
    force_login_verified(client, make_user("person"))
    client.get("/over/")
    client.logout()
    _view_must_not_run(monkeypatch)
    with pytest.raises(AssertionError, match="view was called"):
        client.get("/over/")  # the signed-in visit was not kept for anyone


def test_personal_tools_are_never_kept(client):
    client.get("/tijdlijn/")
    from django.test import RequestFactory

    from werkwijzer.core.caching import may_come_from_the_page_cache

    assert not may_come_from_the_page_cache(RequestFactory().get("/tijdlijn/?sick_since=x"))
    assert not may_come_from_the_page_cache(RequestFactory().post("/over/"))
    assert may_come_from_the_page_cache(RequestFactory().get("/over/"))
    signed_in = RequestFactory().get("/over/")
    signed_in.COOKIES["sessionid"] = "a session"
    assert not may_come_from_the_page_cache(signed_in)


def _post(**headers):
    from django.test import RequestFactory

    return RequestFactory().post("/i18n/setlang/", {"language": "en"}, **headers)


@pytest.mark.parametrize(
    ("headers", "refused"),
    [
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, True),
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, False),
        ({"HTTP_SEC_FETCH_SITE": "none"}, False),  # typed or bookmarked
        ({"HTTP_ORIGIN": "https://elders.example"}, True),
        ({"HTTP_ORIGIN": "http://testserver"}, False),
        ({}, False),  # a browser too old to say, or a script: nothing to gain
    ],
)
def test_a_form_on_public_pages_refuses_a_post_from_another_site(headers, refused):
    from django.http import HttpResponse

    from werkwijzer.core.caching import form_on_public_pages

    view = form_on_public_pages(lambda request: HttpResponse("done"))
    response = view(_post(**headers))
    assert (response.status_code == 403) is refused
    if refused:
        assert "alleen vanaf Werkwijzer zelf" in response.content.decode()
    assert view.csrf_exempt  # no token: the page that holds the form can be kept


def test_the_language_switch_refuses_another_site_and_works_from_ours(client):
    refused = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/over/"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert refused.status_code == 403
    switched = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/over/"}, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert switched.status_code == 302 and switched.cookies["django_language"].value == "en"


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("/wegwijzer/", True),  # the empty questionnaire, the same for everyone
        ("/tijdlijn/", True),
        ("/tijdlijn/?employment=loondienst-vast&sick_since=2026-09-01", False),  # a date
        ("/uitkomsten/dashboard/", True),  # published, aggregated figures
        ("/uitkomsten/", False),
        ("/gesprekshulp/", False),
    ],
)
def test_a_tools_empty_start_page_is_kept_and_its_answers_never(client, path, kept):
    from django.test import RequestFactory

    from werkwijzer.core.caching import may_come_from_the_page_cache

    assert may_come_from_the_page_cache(RequestFactory().get(path)) is kept
    response = client.get(path)
    assert response["Cache-Control"].startswith("public") is kept
    if kept:
        assert not response.cookies and "csrfmiddlewaretoken" not in response.content.decode()


def test_the_questionnaires_post_from_the_site_and_are_refused_from_elsewhere(client):
    answers = {"role": "werkende", "employment": "loondienst-vast", "sick_since": "2026-09-01"}
    for path in ("/wegwijzer/plan/", "/tijdlijn/"):
        assert client.post(path, answers, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
        made = client.post(path, answers, HTTP_SEC_FETCH_SITE="same-origin")
        assert made.status_code in (200, 422) and made["Cache-Control"] == "private, no-store"
