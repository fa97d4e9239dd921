from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from werkwijzer.helpers.models import Helper


class HelperSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> list[str]:
        return list(Helper.objects.order_by("order", "slug").values_list("slug", flat=True))

    def location(self, item: str) -> str:
        return reverse("helpers:detail", args=[item])
