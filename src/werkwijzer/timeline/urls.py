from django.urls import path

from werkwijzer.timeline import views

app_name = "timeline"
urlpatterns = [
    path("", views.index, name="index"),
    path("agenda.ics", views.export_ics, name="ics"),
]
