from django.urls import path

from werkwijzer.helpers import views

app_name = "helpers"
urlpatterns = [
    path("", views.helper_list, name="list"),
    path("<slug:slug>/", views.helper_detail, name="detail"),
]
