"""The site map: every public page, for search engines and for the tests that visit the
whole site. Each app with detail pages adds its own `sitemaps.py`; werkwijzer/urls.py
puts them together."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

# The public pages that are not the detail page of something (by URL name).
PUBLIC_PAGES = (
    "core:home",
    "core:about",
    "navigator:start",
    "helpers:list",
    "knowledge:index",
    "timeline:index",
    "directory:search",
    "search:index",
    "conversation:index",
    "conversation:specialist",
    "conversation:keuzehulp",
    "employers:index",
    "questions:ask",
    "questions:faq",
    "screening:form",
    "businesscase:index",
    "outcomes:dashboard",
    "accounts:login",
    "accounts:register",
)


class PublicPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> tuple[str, ...]:
        return PUBLIC_PAGES

    def location(self, item: str) -> str:
        return reverse(item)
