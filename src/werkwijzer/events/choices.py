"""The choices of an event: its kind, who it is for and what it is about."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.labels import ROLE_AS_AUDIENCE
from werkwijzer.vocabulary.slugs import slugs


class Kind(models.TextChoices):
    GROUP = "group", _("Group (for example an IPSO “werk en kanker” group)")
    TRAINING = "training", _("Training or course")
    WEBINAR = "webinar", _("Webinar")
    MEETING = "meeting", _("Meeting or theme day")
    PROFESSIONALS = "professionals", _("Training for professionals")


def audience_choices() -> list[tuple[str, Promise | str]]:
    """Who an event is for: the wegwijzer's roles (vocabulary.yaml), in words for a list."""
    return [(slug, ROLE_AS_AUDIENCE.get(slug, slug)) for slug in slugs("role")]


def topic_label(slug: str) -> str:
    """As the kennisbank shows a topic (its slug in words)."""
    return slug.replace("-", " ").capitalize()


def topic_choices() -> list[tuple[str, str]]:
    return [(slug, topic_label(slug)) for slug in slugs("topics")]
