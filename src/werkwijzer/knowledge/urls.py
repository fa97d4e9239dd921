"""The kennisbank mounts Wagtail: its admin at /cms/ and its pages under /kennisbank/.

Wagtail's own URL names must stay outside a namespace, so only our own views live in
the "knowledge" namespace (knowledge:index is the kennisbank's start page).
"""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from werkwijzer.knowledge import views

knowledge_patterns = [
    path("kennisbank/ik-ben/", views.set_persona, name="persona"),
    path("kennisbank/woordenlijst/", views.glossary_page, name="glossary"),
    path("kennisbank/", wagtail_views.serve, {"path": ""}, name="index"),
]

urlpatterns = [
    path("", include((knowledge_patterns, "knowledge"))),
    path("cms/", include(wagtailadmin_urls)),
    path("cms/documenten/", include(wagtaildocs_urls)),
    path("kennisbank/", include(wagtail_urls)),
]
