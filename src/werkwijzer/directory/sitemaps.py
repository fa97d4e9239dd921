from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from werkwijzer.directory.models import Provider


class ProviderSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000  # a national guide has thousands: Django splits the map into pages

    def items(self) -> list[int]:
        return list(
            # listed(): what a visitor can open (not hidden after 24 months unchecked).
            Provider.objects.listed().order_by("pk").values_list("pk", flat=True)
        )

    def location(self, item: int) -> str:
        return reverse("directory:provider", args=[item])
