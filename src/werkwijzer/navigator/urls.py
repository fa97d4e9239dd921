from django.urls import path, re_path

from werkwijzer.navigator import views

app_name = "navigator"
urlpatterns = [
    path("", views.start, name="start"),
    path("plan/", views.plan_page, name="plan"),
    re_path(r"^plan\.(?P<output>pdf|json|ics)$", views.plan_output, name="output"),
]
