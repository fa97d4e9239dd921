"""When an expert approves an article in the workflow, record who checked it and when;
when an article is published or unpublished, tell every process that keeps articles in
memory (search)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, workflow_approved

from werkwijzer.core.versions import content_changed

REVIEW_INTERVAL = datetime.timedelta(days=365)


def record_review(sender, instance, user=None, **kwargs) -> None:
    from werkwijzer.knowledge.models import ArticlePage

    page = instance.content_object
    if not isinstance(getattr(page, "specific", None), ArticlePage):
        return
    today = timezone.localdate()
    name = (user.get_full_name() or user.get_username()) if user else ""
    ArticlePage.objects.filter(pk=page.pk).update(
        reviewed_by=name, reviewed_on=today, next_review=today + REVIEW_INTERVAL
    )


def connect() -> None:
    workflow_approved.connect(record_review, dispatch_uid="knowledge.record_review")
    page_published.connect(content_changed, dispatch_uid="knowledge.version.published")
    page_unpublished.connect(content_changed, dispatch_uid="knowledge.version.unpublished")
