from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from werkwijzer.questions.models import FaqEntry


class FaqSitemap(Sitemap):
    """Published FAQ answers only: questions and their private answers never appear."""

    changefreq = "monthly"

    def items(self) -> list[str]:
        entries = FaqEntry.objects.filter(published=True).order_by("slug")
        return list(entries.values_list("slug", flat=True))

    def location(self, item: str) -> str:
        return reverse("questions:faq_detail", args=[item])
