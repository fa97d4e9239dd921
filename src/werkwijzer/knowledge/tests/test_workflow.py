"""An article written in the CMS is public only after an expert reviewer approves it."""

import pytest
from django.contrib.auth.models import Group

from werkwijzer.knowledge.models import ArticlePage, KnowledgeIndexPage
from werkwijzer.knowledge.seeding import EDITORS, EXPERTS
from werkwijzer.search.services import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model, kennisbank):
    editor = django_user_model.objects.create_user("redacteur", "r@example.org", "x" * 12)
    editor.groups.add(Group.objects.get(name=EDITORS))
    expert = django_user_model.objects.create_user(
        "baco",
        "b@example.org",
        "x" * 12,
        first_name="Bea",
        last_name="Co",
        role="professional",
        profession="baco",
    )
    expert.groups.add(Group.objects.get(name=EXPERTS))
    return editor, expert


def _draft(editor) -> ArticlePage:
    index = KnowledgeIndexPage.objects.get(locale__language_code="nl")
    page = ArticlePage(
        title="Kwispelplan voor de terugkeer",
        slug="kwispelplan",
        summary="Een nieuw artikel over het kwispelplan.",
        body=[{"type": "text", "value": "<p>Het kwispelplan helpt bij terugkeer.</p>"}],
        topics=["werkaanpassing"],
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def test_editor_cannot_publish_and_draft_is_not_public(client, people):
    editor, _expert = people
    page = _draft(editor)
    assert not page.permissions_for_user(editor).can_publish()
    workflow = page.get_workflow()
    assert workflow is not None and workflow.active
    workflow.start(page, editor)
    page.refresh_from_db()
    assert not page.live
    assert client.get("/kennisbank/kwispelplan/").status_code == 404
    assert all(r.slug != "kwispelplan" for r in search("kwispelplan").results)


def test_expert_approval_publishes_and_records_the_review(client, people):
    editor, expert = people
    page = _draft(editor)
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.user_can_access_editor(page, editor) or not [
        action for action in task.get_actions(page, editor) if action[0] == "approve"
    ]
    assert any(action[0] == "approve" for action in task.get_actions(page, expert))
    task.on_action(task_state, expert, "approve")
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live
    review = page.current_review
    assert review.reviewer == expert
    assert review.revision_id == page.live_revision_id
    assert page.reviewed_by == "Bea Co, BACO (bedrijfsarts consulent oncologie)"
    assert page.next_review > page.reviewed_on
    response = client.get("/kennisbank/kwispelplan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gecontroleerd door een deskundige" in html
    assert "Bea Co, BACO (bedrijfsarts consulent oncologie)" in html
    assert "Nog niet gecontroleerd" not in html
    assert search("kwispelplan").results[0].slug == "kwispelplan"


def _approve(page, editor, approver) -> ArticlePage:
    state = page.get_workflow().start(page, editor)
    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "approve")
    return ArticlePage.objects.get(pk=page.pk)


def test_a_text_changed_after_the_approval_is_no_longer_checked(client, people):
    editor, expert = people
    page = _approve(_draft(editor), editor, expert)
    assert page.current_review is not None
    page.summary = "Een andere samenvatting die niemand heeft nagekeken."
    page.save_revision(user=expert).publish()
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.current_review is None
    html = client.get("/kennisbank/kwispelplan/").content.decode()
    assert "Nog niet gecontroleerd door een deskundige" in html
    assert "Bea Co" not in html


def test_an_approval_by_an_administrator_is_not_an_expert_review(client, people, django_user_model):
    editor, _expert = people
    admin = django_user_model.objects.create_superuser(
        "beheer", "a@example.org", "x" * 12, first_name="Ad", last_name="Min"
    )
    page = _approve(_draft(editor), editor, admin)
    assert page.live
    assert page.current_review is None and page.reviewed_on is None
    html = client.get("/kennisbank/kwispelplan/").content.decode()
    assert "Nog niet gecontroleerd door een deskundige" in html
    assert "Ad Min" not in html


def test_an_expert_without_a_full_name_is_shown_without_a_user_name(
    client, people, django_user_model
):
    editor, expert = people
    expert.first_name = expert.last_name = ""
    expert.save()
    _approve(_draft(editor), editor, expert)
    html = client.get("/kennisbank/kwispelplan/").content.decode()
    assert "Gecontroleerd door een deskundige" in html
    assert ">baco<" not in html and "baco," not in html


def test_rejected_article_stays_private(client, people):
    editor, expert = people
    page = _draft(editor)
    state = page.get_workflow().start(page, editor)
    state.current_task_state.task.specific.on_action(state.current_task_state, expert, "reject")
    page.refresh_from_db()
    assert not page.live
    assert client.get("/kennisbank/kwispelplan/").status_code == 404
