"""A page for the browser tests that renders the feedback and events template tags the
way the kennisbank's and wegwijzer's templates will include them (issue 21), beside
every real URL of the site. Used only with `settings.ROOT_URLCONF` in those tests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import RequestContext, Template
from django.urls import include, path

PAGE = Template(
    '{% extends "base.html" %}{% load feedback_tags events_tags %}'
    "{% block title %}{{ title }}{% endblock %}"
    '{% block content %}<h1 class="utrecht-heading-1">{{ title }}</h1>'
    "{% events_for_topics topics %}{% feedback_form kind key %}{% endblock %}"
)


def tag_page(request: HttpRequest) -> HttpResponse:
    context = {
        "title": request.GET.get("titel", "Proefpagina"),
        "kind": request.GET.get("soort", "article"),
        "key": request.GET.get("sleutel", ""),
        "topics": request.GET.getlist("onderwerp"),
    }
    return HttpResponse(PAGE.render(RequestContext(request, context)))


urlpatterns = [
    path("proef/tags/", tag_page),
    path("", include("werkwijzer.urls")),
]
