from django.urls import path

from werkwijzer.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:pk>/", views.provider_detail, name="provider"),
    path("<int:pk>/folder.pdf", views.provider_folder, name="folder"),
    path("<int:pk>/klopt-er-iets-niet/", views.report_error, name="report"),
]
