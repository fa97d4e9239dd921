from django.urls import path

from werkwijzer.feedback import views

app_name = "feedback"
urlpatterns = [
    path("terugkoppeling/", views.answer, name="answer"),
    path("terugkoppeling/bedankt/", views.thanks, name="thanks"),
    path("contact/", views.contact, name="contact"),
    path("contact/verzonden/", views.contact_sent, name="contact_sent"),
    path("redactie/hiaten/", views.gaps, name="gaps"),
]
