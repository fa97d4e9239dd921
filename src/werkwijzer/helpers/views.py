from itertools import groupby

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from werkwijzer.helpers.labels import GROUP_INTROS
from werkwijzer.helpers.models import Helper
from werkwijzer.helpers.services import access_route_label, helper_as_dict, helpers_with_texts
from werkwijzer.knowledge.services import articles_for_topics


def helper_list(request: HttpRequest) -> HttpResponse:
    language = get_language()
    helpers = sorted(
        helpers_with_texts(), key=lambda h: (list(Helper.Group.values).index(h.group), h.order)
    )
    groups = [
        {
            "label": Helper.Group(group).label,
            "intro": GROUP_INTROS[group],
            "helpers": [helper_as_dict(helper, language) for helper in members],
        }
        for group, members in groupby(helpers, key=lambda h: h.group)
    ]
    return render(request, "helpers/list.html", {"groups": groups})


def helper_detail(request: HttpRequest, slug: str) -> HttpResponse:
    helper = helpers_with_texts().filter(slug=slug).first()
    if helper is None:
        raise Http404
    language = get_language()
    data = helper_as_dict(helper, language)
    routes = [access_route_label(route) for route in helper.access_routes]
    articles = articles_for_topics(helper.topics, language)
    context = {"helper": data, "routes": routes, "articles": articles}
    return render(request, "helpers/detail.html", context)
