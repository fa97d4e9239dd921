from django.urls import path

from werkwijzer.care import views

app_name = "care"
urlpatterns = [
    path("", views.index, name="index"),
    path("aanmelden/<int:provider_pk>/", views.start, name="start"),
    path("mijn-verwijzingen/", views.my_referrals, name="my_referrals"),
    path("verwijzingen/", views.worklist, name="worklist"),
    path("verwijzingen/<int:pk>/", views.referral_detail, name="referral"),
    path("verwijzingen/<int:pk>/stap/<slug:action>/", views.referral_step, name="step"),
    path("verwijzingen/<int:pk>/bevestigen/", views.confirm, name="confirm"),
    path("verwijzingen/<int:pk>/notitie/", views.add_note, name="add_note"),
    path("verwijzingen/<int:pk>/advies/", views.add_advice, name="add_advice"),
    path("verwijzingen/<int:pk>/behandelaar/", views.add_treating_advice, name="add_treating"),
    path("verwijzingen/<int:pk>/werkgever/", views.add_employer_report, name="add_report"),
    path("advies/<int:pk>/pdf/", views.advice_pdf, name="advice_pdf"),
    path("werkgeversrapporten/", views.employer_reports, name="employer_reports"),
    path("aanvragen-werkgever/", views.employer_requests, name="employer_requests"),
    path("werkgeversrapporten/<int:pk>/", views.employer_report, name="employer_report"),
    path("werkgeversrapporten/<int:pk>/pdf/", views.employer_report_pdf, name="report_pdf"),
    path("werkgeversrapporten/<int:pk>/delen/", views.share_report, name="share_report"),
]
