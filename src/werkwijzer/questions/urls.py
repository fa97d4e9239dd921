from django.urls import path

from werkwijzer.questions import views

app_name = "questions"
urlpatterns = [
    path("", views.ask, name="ask"),
    path("antwoord/", views.answer_page, name="answer_page"),
    path("antwoord/<str:token>/", views.answer, name="answer"),
    path("veelgestelde-vragen/", views.faq_list, name="faq"),
    path("veelgestelde-vragen/<slug:slug>/", views.faq_detail, name="faq_detail"),
    path("specialist/", views.queue, name="queue"),
    path("specialist/<int:pk>/", views.question_detail, name="question"),
    path("redactie/", views.editor, name="editor"),
    path("redactie/vraag/<int:pk>/", views.publish, name="publish"),
    path("redactie/faq/<int:pk>/", views.faq_edit, name="faq_edit"),
    path("collegiaal/", views.consultations, name="consultations"),
    path("collegiaal/nieuw/", views.consultation_new, name="consultation_new"),
    path("collegiaal/<int:pk>/", views.consultation, name="consultation"),
]
