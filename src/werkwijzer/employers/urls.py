from django.urls import path

from werkwijzer.employers import views

app_name = "employers"
urlpatterns = [
    path("", views.index, name="index"),
    path("sjablonen/<slug:slug>/", views.template_detail, name="template"),
    path(
        "sjablonen/<slug:slug>.docx",
        views.template_download,
        {"kind": "docx"},
        name="template_docx",
    ),
    path(
        "sjablonen/<slug:slug>.pdf", views.template_download, {"kind": "pdf"}, name="template_pdf"
    ),
]
