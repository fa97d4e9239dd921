"""Kennisbank pages are kept for every anonymous visitor (core.caching, issue 16): the
persona picker, the language buttons and the feedback form on them post without a
CSRF token, so the page sets no cookie and goes into the page cache."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import page_cache  # noqa: F401 - a fixture
from werkwijzer.knowledge.models import ArticlePage

# Every test here runs with the page cache on.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def _article_url() -> str:
    return ArticlePage.objects.live().filter(locale__language_code="nl").first().url


@pytest.mark.parametrize("path", ["/kennisbank/", "article"])
def test_kennisbank_pages_are_kept_and_answered_without_queries(
    client, kennisbank, path, django_assert_max_num_queries
):
    url = _article_url() if path == "article" else path
    first = client.get(url)
    assert first.status_code == 200 and not first.cookies
    assert first["Cache-Control"].startswith("public")
    assert "csrfmiddlewaretoken" not in first.content.decode()
    with django_assert_max_num_queries(2):  # the two content versions
        second = client.get(url)
    assert second.content == first.content


def test_the_persona_picker_works_from_the_page_and_not_from_another_site(client, kennisbank):
    choice = {"role": "werkende", "employment": "loondienst-vast", "next": "/kennisbank/"}
    refused = client.post("/kennisbank/ik-ben/", choice, HTTP_SEC_FETCH_SITE="cross-site")
    assert refused.status_code == 403 and "sessionid" not in refused.cookies
    chosen = client.post("/kennisbank/ik-ben/", choice, HTTP_SEC_FETCH_SITE="same-origin")
    assert chosen.status_code == 302 and chosen["Location"] == "/kennisbank/"
    page = client.get("/kennisbank/")  # with a session now: made for this visitor
    assert page["Cache-Control"] == "private, no-store"
