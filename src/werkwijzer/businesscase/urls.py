from django.urls import path

from werkwijzer.businesscase import views

app_name = "businesscase"
urlpatterns = [
    path("", views.index, name="index"),
    path("resultaten.csv", views.csv_download, name="csv"),
]
