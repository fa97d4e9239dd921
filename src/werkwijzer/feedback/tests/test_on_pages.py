"""Issue 21: "Heb je hier iets aan?" stands on the real pages: under every kennisbank
article (which stays in the page cache: the form has no CSRF token) and, compact, on
the wegwijzer's plan."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from werkwijzer.feedback.models import Feedback
from werkwijzer.navigator.tests.test_views import form_data

pytestmark = pytest.mark.django_db


def _article():
    from werkwijzer.knowledge.models import ArticlePage

    return ArticlePage.objects.live().get(slug="poortwachter", locale__language_code="nl")


def _feedback_box(html: str) -> str:
    found = re.search(
        r"<section class=\"feedback-box[^>]*data-feedback>(.*?)</section>", html, re.S
    )
    assert found, "no feedback box"
    return found.group(1)


def test_an_article_asks_whether_it_helped(client, kennisbank):
    article = _article()
    box = _feedback_box(client.get(article.url).content.decode())
    assert "Heb je hier iets aan?" in box
    assert 'action="/terugkoppeling/"' in box
    assert 'name="kind" value="article"' in box
    assert f'name="key" value="{article.pk}"' in box
    assert f'name="back" value="{article.url}"' in box
    assert "Wil je nog iets zeggen?" in box and "<details" not in box  # open on an article
    assert "csrfmiddlewaretoken" not in box


def test_an_answer_from_the_article_is_kept_for_the_article(client, kennisbank):
    article = _article()
    answer = {"kind": "article", "key": str(article.pk), "back": article.url, "helpful": "yes"}
    response = client.post("/terugkoppeling/", answer)
    assert response.status_code == 302
    assert Feedback.objects.get().key == str(article.pk)


def test_the_article_with_the_form_is_kept_in_the_page_cache(
    client, kennisbank, settings, monkeypatch
):
    """As core/tests/test_page_cache.py: the page cache switched on. The second visitor
    gets the kept page: the article's own code does not run again."""
    from werkwijzer.knowledge.models import ArticlePage

    settings.WERKWIJZER_PAGE_CACHE_SECONDS = 300
    cache.clear()
    url = _article().url
    first = client.get(url)
    assert first.status_code == 200 and not first.cookies
    assert first["Cache-Control"].startswith("public")

    def fails(*args, **kwargs):
        raise AssertionError("the article was made again")

    monkeypatch.setattr(ArticlePage, "get_context", fails)
    second = client.get(url)
    cache.clear()
    assert second.content == first.content
    assert "Heb je hier iets aan?" in _feedback_box(second.content.decode())


def test_the_plan_asks_whether_it_helped_with_the_remark_folded(client, helper_catalogue):
    response = client.post("/wegwijzer/plan/", form_data())
    html = response.content.decode()
    box = _feedback_box(html)
    assert "Heb je hier iets aan?" in box
    assert 'name="kind" value="plan"' in box
    assert response.context["plan"].route == "poortwachter"
    assert 'name="key" value="poortwachter"' in box
    # The query string may hold answers: back to the plan's address only.
    assert 'name="back" value="/wegwijzer/plan/"' in box
    assert '<details class="feedback-box__more">' in box and "Wil je nog iets zeggen?" in box
    assert "feedback-box--compact no-print" in html
    assert html.index('id="save-title"') < html.index("data-feedback")


def test_the_plan_pdf_does_not_ask(client, helper_catalogue):
    from werkwijzer.conversation.tests.test_conversation import pdf_text

    pdf = client.post("/wegwijzer/plan.pdf", form_data())
    assert pdf.status_code == 200
    assert "Heb je hier iets aan" not in pdf_text(pdf.content)
