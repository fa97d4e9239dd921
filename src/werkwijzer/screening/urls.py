from django.urls import path

from werkwijzer.screening import views

app_name = "screening"
urlpatterns = [path("", views.screening, name="form")]
