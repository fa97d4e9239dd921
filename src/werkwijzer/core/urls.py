from django.urls import path

from werkwijzer.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.about, name="about"),
    path("favicon.ico", views.favicon, name="favicon"),
]
