"""URL layout: one prefix per app; the JSON API under /api/v1/; Wagtail last."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail.contrib.sitemaps import Sitemap as ArticleSitemap
from wagtail.contrib.sitemaps.views import sitemap

from werkwijzer.api.registry import build_api
from werkwijzer.core.caching import form_on_public_pages
from werkwijzer.core.sitemaps import PublicPagesSitemap
from werkwijzer.directory.sitemaps import ProviderSitemap
from werkwijzer.employers.sitemaps import TemplateSitemap
from werkwijzer.helpers.sitemaps import HelperSitemap
from werkwijzer.questions.sitemaps import FaqSitemap

api = build_api()
SITEMAPS = {
    "pages": PublicPagesSitemap,
    "helpers": HelperSitemap,
    "articles": ArticleSitemap,  # Wagtail's: the kennisbank's live, public pages
    "faq": FaqSitemap,
    "templates": TemplateSitemap,
    "providers": ProviderSitemap,
}

urlpatterns = [
    path("api/v1/", api.urls),
    # The language switch on every page posts without a CSRF token: switching someone's
    # language is harmless, and pages without a token can be cached publicly (ADR 0012).
    path("i18n/setlang/", form_on_public_pages(set_language), name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("beheer/", admin.site.urls),
    path("", include("werkwijzer.core.urls")),
    path("", include("werkwijzer.accounts.urls")),
    path("wie-kan-helpen/", include("werkwijzer.helpers.urls")),
    path("wegwijzer/", include("werkwijzer.navigator.urls")),
    path("tijdlijn/", include("werkwijzer.timeline.urls")),
    path("verwijsgids/", include("werkwijzer.directory.urls")),
    path("zoeken/", include("werkwijzer.search.urls")),
    path("gesprekshulp/", include("werkwijzer.conversation.urls")),
    path("werkgevers/", include("werkwijzer.employers.urls")),
    path("zorgpad/", include("werkwijzer.care.urls")),
    path("mijn-werkwijzer/", include("werkwijzer.records.urls")),
    path("vraag-de-specialist/", include("werkwijzer.questions.urls")),
    path("screening/", include("werkwijzer.screening.urls")),
    path("uitkomsten/", include("werkwijzer.outcomes.urls")),
    path("businesscase/", include("werkwijzer.businesscase.urls")),
    path("", include("werkwijzer.feedback.urls")),
    path("bijeenkomsten/", include("werkwijzer.events.urls")),
    # The kennisbank app mounts Wagtail (its admin and its page tree) in its own urls.
    path("", include("werkwijzer.knowledge.urls")),
]

handler400 = "werkwijzer.core.views.bad_request"
handler403 = "werkwijzer.core.views.permission_denied"
handler404 = "werkwijzer.core.views.page_not_found"
handler500 = "werkwijzer.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
