from django.urls import path

from werkwijzer.records import views

app_name = "records"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("arbeidsgegevens/", views.work_data, name="work_data"),
    path("toestemming/", views.consent_list, name="consents"),
    path("toestemming/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path("toestemming/onderzoek/", views.research_consent, name="research_consent"),
    path("wie-keek-in-mijn-dossier/", views.access_log, name="access_log"),
    path("arbeidsgegevens/fhir/", views.fhir_download, name="fhir"),
    path("gedeeld-met-mij/", views.shared_list, name="shared_list"),
    path("gedeeld-met-mij/<int:pk>/", views.shared_detail, name="shared_detail"),
    path("privacy/auditlog/", views.privacy_log, name="privacy_log"),
    path("privacy/auditlog/export.csv", views.privacy_export, name="privacy_export"),
]
