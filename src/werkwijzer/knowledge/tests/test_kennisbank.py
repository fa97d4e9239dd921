import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from werkwijzer.accounts.testing import force_login_verified
from werkwijzer.knowledge import seeding
from werkwijzer.knowledge.models import ArticlePage, KnowledgeIndexPage
from werkwijzer.vocabulary.slugs import slugs

pytestmark = pytest.mark.django_db


def test_every_topic_has_a_live_dutch_article(kennisbank):
    covered = {
        topic
        for topics in ArticlePage.objects.live()
        .filter(locale__language_code="nl")
        .values_list("topics", flat=True)
        for topic in topics
    }
    assert set(slugs("topics")) <= covered


def test_at_least_ten_articles_are_translated_to_english(kennisbank):
    english = ArticlePage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 10
    for page in english:
        original = page.get_translation(Locale.get_default()).specific
        assert page.topics == original.topics
        assert page.title != original.title


def test_seed_is_idempotent(kennisbank, settings):
    counts = (Page.objects.count(), ArticlePage.objects.count(), Group.objects.count())
    seeding.seed(seeding.SeedContext(content_dir=settings.CONTENT_DIR, write=lambda _l: None))
    assert (Page.objects.count(), ArticlePage.objects.count(), Group.objects.count()) == counts
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, KnowledgeIndexPage)


def test_index_and_article_pages(client, kennisbank):
    response = client.get("/kennisbank/")
    assert response.status_code == 200
    assert "Werken tijdens je behandeling" in response.content.decode()
    html = client.get("/kennisbank/poortwachter/").content.decode()
    assert "rijksoverheid.nl" in html


def test_seeded_articles_say_that_no_expert_has_checked_them(client, kennisbank):
    for path in ("/kennisbank/poortwachter/", "/kennisbank/wia/"):
        html = client.get(path).content.decode()
        assert "Nog niet gecontroleerd door een deskundige" in html
        assert "Gecontroleerd door een deskundige" not in html
        assert "M. Jansen" not in html and "J. de Vries" not in html
    assert not any(page.current_review for page in ArticlePage.objects.live())


def test_the_content_files_name_no_reviewers(settings):
    """Review facts come from the workflow only; the demo content may not invent them."""
    from pathlib import Path

    for path in Path(settings.CONTENT_DIR).rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for field in ("reviewed_by", "reviewed_on", "next_review"):
            assert f"{field}:" not in text, (path, field)


def test_knowledge_index_url_name(client, kennisbank):
    from django.urls import reverse

    assert reverse("knowledge:index") == "/kennisbank/"


def test_overdue_review_shows_notice_to_visitors(client, kennisbank, django_user_model):
    from werkwijzer.knowledge.models import ArticleReview

    page = ArticlePage.objects.get(slug="poortwachter", locale__language_code="nl")
    expert = django_user_model.objects.create_user("expert", role="expert", first_name="E")
    ArticleReview.objects.create(page=page, revision_id=page.live_revision_id, reviewer=expert)
    ArticlePage.objects.filter(pk=page.pk).update(next_review=datetime.date(2027, 10, 1))
    with time_machine.travel(datetime.date(2027, 10, 2)):
        html = client.get("/kennisbank/poortwachter/").content.decode()
    assert "wordt herzien" in html
    with time_machine.travel(datetime.date(2027, 9, 1)):
        html = client.get("/kennisbank/poortwachter/").content.decode()
    assert "wordt herzien" not in html


def test_overdue_reviews_report_for_editors(client, kennisbank, django_user_model):
    admin = django_user_model.objects.create_superuser("beheer", "b@example.org", "x" * 12)
    force_login_verified(client, admin)
    ArticlePage.objects.filter(slug="iva").update(next_review=datetime.date(2020, 1, 1))
    response = client.get("/cms/reports/herzien/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "IVA en vervroegde IVA" in html
    assert "Poortwachter" not in html


def test_english_visitor_gets_translation_or_dutch_with_notice(client, kennisbank):
    # Every seeded article has an English translation now: take one away to see the notice.
    ArticlePage.objects.get(slug="iva", locale__language_code="en").delete()
    client.post("/i18n/setlang/", {"language": "en", "next": "/kennisbank/"})
    html = client.get("/kennisbank/poortwachter/").content.decode()
    assert "step by step" in html
    html = client.get("/kennisbank/iva/").content.decode()
    assert "IVA en vervroegde IVA" in html
    assert 'lang="nl"' in html


def test_unknown_article_is_404(client, kennisbank):
    assert client.get("/kennisbank/bestaat-niet/").status_code == 404


def test_article_links_to_helpers_of_its_topics(client, kennisbank):
    from werkwijzer.core.seeding import seed_all
    from werkwijzer.knowledge.services import articles_for_topics

    seed_all(only={"helpers"})
    html = client.get("/kennisbank/baco-en-kag/").content.decode()
    assert 'href="/wie-kan-helpen/baco/"' in html
    linked = articles_for_topics(["baco-en-kag"])
    assert {"slug": "baco-en-kag", "url": "/kennisbank/baco-en-kag/"}.items() <= linked[0].items()


def test_editors_can_open_the_article_form(client, kennisbank, django_user_model):
    admin = django_user_model.objects.create_superuser("cms", "c@example.org", "x" * 12)
    force_login_verified(client, admin)
    page = ArticlePage.objects.get(slug="aov", locale__language_code="nl")
    response = client.get(f"/cms/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="topics"' in html and 'value="aov"' in html
    index = page.get_parent()
    assert client.get(f"/cms/pages/add/knowledge/articlepage/{index.pk}/").status_code == 200


def test_stale_search_data_is_refreshed(kennisbank):
    ArticlePage.objects.filter(slug="aov", locale__language_code="nl").update(search_data={})
    assert seeding.refresh_search_data() == 1
    assert ArticlePage.objects.get(slug="aov", locale__language_code="nl").search_data["passages"]
    assert seeding.refresh_search_data() == 0
