from django.urls import path

from werkwijzer.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("vragenlijst/<int:moment>/", views.questionnaire, name="questionnaire"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("export.csv", views.research_export, name="export"),
]
