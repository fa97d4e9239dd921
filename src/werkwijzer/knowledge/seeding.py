"""`werkwijzer seed` for the kennisbank: locales, the page tree, groups, the review
workflow and the articles from content/knowledge/ (idempotent).

Seeded articles are published directly, as texts that no expert has checked: the page
says so until an expert approves the text in the review workflow. Everything written in
the CMS goes through that workflow.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from werkwijzer.core.seeding import SeedContext
from werkwijzer.core.sources import source
from werkwijzer.knowledge.content import ArticleFile, read_articles
from werkwijzer.knowledge.models import SEARCH_DATA_VERSION, ArticlePage, KnowledgeIndexPage
from werkwijzer.knowledge.signals import EXPERTS
from werkwijzer.timeline import legal_weeks

EDITORS = "Editors"
WORKFLOW = "Deskundige controle"
# No claim that experts checked the texts: each article says itself whether one did.
INDEX_TEXT = {
    "nl": (
        "Kennisbank",
        "Informatie over werk en kanker, met de bronnen erbij. Bij elk artikel staat of een "
        "deskundige het heeft gecontroleerd.",
    ),
    "en": (
        "Knowledge base",
        "Information about work and cancer, with its sources. Each article says whether an "
        "expert has checked it.",
    ),
}


def seed(context: SeedContext) -> None:
    files = read_articles(context.content_dir / "knowledge")
    default = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    locales = {default.language_code: default}
    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for code in sorted(set(files) | known):
        if code in known:
            locales[code] = Locale.objects.get_or_create(language_code=code)[0]
    index = _index_page(default)
    _site(index)
    indexes = {default.language_code: index}
    for code, locale in locales.items():
        if locale.pk != default.pk:
            indexes[code] = _translated_index(index, locale)
    _editors, experts = _groups(indexes.values())
    _workflow(experts, indexes.values())

    originals: dict[str, ArticlePage] = {}
    for article in files.get(default.language_code, []):
        originals[article.slug] = _save_original(index, article)
    for code, articles in files.items():
        if code == default.language_code or code not in locales:
            continue
        for article in articles:
            if article.slug not in originals:
                context.write(f"knowledge: {article.path} translates no Dutch article; skipped")
                continue
            _save_translation(originals[article.slug], locales[code], article)
    refreshed = refresh_search_data()
    context.write(
        f"knowledge: {len(originals)} articles, {len(locales)} languages"
        + (f", search data of {refreshed} articles refreshed" if refreshed else "")
    )


def refresh_search_data() -> int:
    """Recompute stored search data written by an older version of the code, or with
    other legal weeks than the timeline's route data has now."""
    stale = list(
        ArticlePage.objects.exclude(
            search_data__has_key="version",
            search_data__version=SEARCH_DATA_VERSION,
            search_data__weeks=legal_weeks.fingerprint(),
        )
    )
    for page in stale:
        ArticlePage.objects.filter(pk=page.pk).update(search_data=page.build_search_data())
    return len(stale)


def _index_page(locale: Locale) -> KnowledgeIndexPage:
    index = KnowledgeIndexPage.objects.filter(locale=locale, depth=2).first()
    if index is None:
        # Wagtail's migration makes the root; a flushed test database no longer has it.
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale)
        )
        # Wagtail's "Welcome" placeholder page is replaced by the kennisbank.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        title, intro = INDEX_TEXT["nl"]
        index = root.add_child(
            instance=KnowledgeIndexPage(title=title, slug="kennisbank", intro=intro, locale=locale)
        )
        index.save_revision().publish()
    elif index.intro != INDEX_TEXT["nl"][1]:
        index.intro = INDEX_TEXT["nl"][1]
        index.save_revision().publish()
    return index


def _translated_index(index: KnowledgeIndexPage, locale: Locale) -> KnowledgeIndexPage:
    translated = index.get_translation_or_none(locale)
    if translated is None:
        translated = index.copy_for_translation(locale)
    translated = translated.specific
    title, intro = INDEX_TEXT.get(locale.language_code, (index.title, index.intro))
    if not translated.live or translated.title != title or translated.intro != intro:
        translated.title, translated.intro = title, intro
        translated.save_revision().publish()
    return translated


def _site(index: KnowledgeIndexPage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=index, is_default_site=True)
    elif site.root_page_id != index.pk:
        site.root_page = index
        site.site_name = "Werkwijzer"
        site.save()


def _groups(indexes) -> tuple[Group, Group]:
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    editors = Group.objects.get_or_create(name=EDITORS)[0]
    experts = Group.objects.get_or_create(name=EXPERTS)[0]
    for group, permissions in (
        (editors, ("add_page", "change_page")),
        (experts, ("add_page", "change_page", "publish_page")),
    ):
        group.permissions.add(admin_access)
        for page in indexes:
            for codename in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=page,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
    return editors, experts


def _workflow(experts: Group, indexes) -> Workflow:
    workflow = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})[0]
    task = GroupApprovalTask.objects.filter(name="Controle door deskundige").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Controle door deskundige")
    task.groups.set([experts])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in indexes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def _sources(keys: list[str]) -> list[dict]:
    blocks = []
    for key in keys:
        found = source(key)
        value = {
            "key": key,
            "title": found.title,
            "publisher": found.publisher,
            "url": found.url,
            "locator": found.locator,
            "date": found.checked,
        }
        blocks.append({"type": "source", "value": value})
    return blocks


def _apply_text(page: ArticlePage, article: ArticleFile) -> None:
    page.title = article.meta["title"]
    page.summary = " ".join(str(article.meta["summary"]).split())
    page.keywords = ", ".join(article.meta.get("keywords") or [])
    page.body = article.blocks
    page.content_digest = article.digest


def _save_original(index: KnowledgeIndexPage, article: ArticleFile) -> ArticlePage:
    meta = article.meta
    page = ArticlePage.objects.filter(locale=index.locale, slug=article.slug).first()
    if page is not None and page.content_digest == article.digest and page.live:
        return page
    is_new = page is None
    page = page or ArticlePage(slug=article.slug, locale=index.locale)
    _apply_text(page, article)
    page.topics = list(meta.get("topics") or [])
    page.roles = list(meta.get("roles") or [])
    page.employments = list(meta.get("employments") or [])
    page.phases = list(meta.get("phases") or [])
    page.sources = _sources(list(meta.get("sources") or []))
    page.reading_level = meta.get("reading_level", "B1")
    # The seeded text is a new revision that no expert approved.
    page.reviewed_on = page.next_review = None
    if is_new:
        index.add_child(instance=page)
    with translation.override("nl"):
        page.save_revision().publish()
    return page


def _save_translation(original: ArticlePage, locale: Locale, article: ArticleFile) -> ArticlePage:
    page = original.get_translation_or_none(locale)
    if page is None:
        page = original.copy_for_translation(locale)
    page = page.specific
    if page.content_digest == article.digest and page.live:
        return page
    _apply_text(page, article)
    # Topics and sources follow the Dutch original; a review does not: an expert checks
    # each translation itself.
    for name in ("topics", "roles", "employments", "phases", "sources", "reading_level"):
        setattr(page, name, getattr(original, name))
    page.reviewed_on = page.next_review = None
    page.save_revision().publish()
    return page
