"""When an expert approves an article in the workflow, record who checked it and when."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.signals import workflow_approved

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
