from django.urls import path, re_path

from werkwijzer.navigator import saved_plans, views

app_name = "navigator"
urlpatterns = [
    path("", views.start, name="start"),
    path("plan/", views.plan_page, name="plan"),
    re_path(r"^plan\.(?P<output>pdf|json|ics)$", views.plan_output, name="output"),
    # Saved plans (Mijn Werkwijzer), for logged-in users.
    path("plan/bewaren/", saved_plans.save, name="save"),
    path("bewaarde-plannen/", saved_plans.saved_list, name="saved_list"),
    path("bewaarde-plannen/<int:pk>/", saved_plans.saved_detail, name="saved_detail"),
    path("bewaarde-plannen/<int:pk>/verwijderen/", saved_plans.delete, name="saved_delete"),
]
