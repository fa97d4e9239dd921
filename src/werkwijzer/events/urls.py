from django.urls import path

from werkwijzer.events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/agenda.ics", views.event_ics, name="ics"),
    path("mijn/", views.mine, name="mine"),
    path("mijn/nieuw/", views.edit, name="add"),
    path("mijn/<int:pk>/", views.edit, name="edit"),
]
