from django.urls import path

from werkwijzer.conversation import views

app_name = "conversation"
urlpatterns = [
    path("", views.index, name="index"),
    path("vragenlijst.pdf", views.questions_pdf, name="questions_pdf"),
    path("vragenlijst/bewaren/", views.questions_save, name="questions_save"),
    path("specialist/", views.specialist, name="specialist"),
    path("specialist/gesprek-over-werk.pdf", views.specialist_pdf, name="specialist_pdf"),
    path("keuzehulp/", views.keuzehulp, name="keuzehulp"),
    path("keuzehulp/<slug:aid>/", views.keuzehulp, name="keuzehulp_aid"),
]
