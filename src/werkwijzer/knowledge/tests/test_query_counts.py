"""SQL queries of the kennisbank's pages (issue 16): a fixed small number, whatever the
number of articles (the index asked for each article's locale: 34 queries)."""

from __future__ import annotations

import pytest

from werkwijzer.core.testing import get_within_queries
from werkwijzer.knowledge.models import ArticlePage

pytestmark = pytest.mark.usefixtures("kennisbank")


def test_the_index_asks_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    assert ArticlePage.objects.live().count() > 20
    # Site, locales, the page route, aliases and view restrictions, the articles.
    get_within_queries(client, django_assert_max_num_queries, "/kennisbank/", 8)


def test_the_english_index_too(client, django_assert_max_num_queries):
    client.cookies["django_language"] = "en"
    # Also the Dutch articles not translated yet.
    page = get_within_queries(client, django_assert_max_num_queries, "/kennisbank/", 10)
    assert 'lang="nl"' in page.content.decode()


def test_an_article_asks_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    url = ArticlePage.objects.live().get(slug="aov", locale__language_code="nl").url
    # Site, locale, the route, aliases and view restrictions, the helpers of its topics,
    # its review, its translations, the coming events about its topics (issue 21).
    get_within_queries(client, django_assert_max_num_queries, url, 13)
