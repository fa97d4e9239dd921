from django.urls import path

from werkwijzer.directory import professional_views, views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:pk>/", views.provider_detail, name="provider"),
    path("<int:pk>/folder.pdf", views.provider_folder, name="folder"),
    path("<int:pk>/klopt-er-iets-niet/", views.report_error, name="report"),
    # Professionals keep their own entry (professional_views).
    path("aanmelden/", professional_views.signup, name="signup"),
    path("mijn-vermelding/", professional_views.mine, name="mine"),
    path("voorstellen/", professional_views.propose, name="propose"),
    path("voorstellen/<int:pk>/intrekken/", professional_views.withdraw, name="withdraw"),
    path("<int:pk>/claimen/", professional_views.claim, name="claim"),
    path("<int:pk>/wijzigen/", professional_views.edit, name="edit"),
]
