from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from werkwijzer.employers.views import _guide


class TemplateSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> list[str]:
        return [template["slug"] for template in _guide("nl")["templates"]]

    def location(self, item: str) -> str:
        return reverse("employers:template", args=[item])
