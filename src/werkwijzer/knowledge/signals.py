"""When an expert approves an article in the workflow, record who checked which text and
when; when an article is published or unpublished, tell every process that keeps
articles in memory (search)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, workflow_approved

from werkwijzer.core.versions import content_changed

REVIEW_INTERVAL = datetime.timedelta(days=365)
EXPERTS = "Expert reviewers"  # the group of the review task (knowledge.seeding)


def is_expert(user: Any) -> bool:
    """Only an expert's approval makes a text "checked": an administrator who approves
    publishes the page, but has not checked it as an expert."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return getattr(user, "role", "") == "expert" or user.groups.filter(name=EXPERTS).exists()


def reviewer_details(user: Any) -> tuple[str, str]:
    """The real name and the profession from the account; a user name is not a name."""
    name = user.get_full_name().strip()
    profession = ""
    if getattr(user, "profession", ""):
        profession = str(user.get_profession_display())
    return name, profession


def record_review(sender, instance, user=None, **kwargs) -> None:
    from werkwijzer.knowledge.models import ArticlePage, ArticleReview

    page = instance.content_object
    if not isinstance(getattr(page, "specific", None), ArticlePage) or not is_expert(user):
        return
    task_state = instance.current_task_state
    revision = task_state.revision if task_state is not None else None
    name, profession = reviewer_details(user)
    ArticleReview.objects.create(
        page_id=page.pk,
        revision=revision,
        reviewer=user,
        reviewer_name=name,
        reviewer_profession=profession,
    )
    today = timezone.localdate()
    # update(), not save(): saving would make a new revision that nobody approved.
    ArticlePage.objects.filter(pk=page.pk).update(
        reviewed_on=today, next_review=today + REVIEW_INTERVAL
    )


def connect() -> None:
    workflow_approved.connect(record_review, dispatch_uid="knowledge.record_review")
    page_published.connect(content_changed, dispatch_uid="knowledge.version.published")
    page_unpublished.connect(content_changed, dispatch_uid="knowledge.version.unpublished")
