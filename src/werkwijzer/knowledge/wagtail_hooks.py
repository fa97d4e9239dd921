"""Wagtail admin additions: the report of articles whose expert review is overdue."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView

from werkwijzer.knowledge.services import overdue_articles


class OverdueReviewsView(PageReportView):
    results_template_name = "knowledge/admin/overdue_results.html"
    page_title = _("Reviews overdue")
    header_icon = "time"
    index_url_name = "knowledge_overdue_reviews"
    index_results_url_name = "knowledge_overdue_reviews_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "reviewed_by", "reviewed_on", "next_review"]
    export_headings = {
        "reviewed_by": _("checked by (expert)"),
        "reviewed_on": _("checked on"),
        "next_review": _("next review"),
    }

    def get_queryset(self):
        return overdue_articles()


@hooks.register("register_admin_urls")
def register_overdue_urls():
    return [
        path("reports/herzien/", OverdueReviewsView.as_view(), name="knowledge_overdue_reviews"),
        path(
            "reports/herzien/results/",
            OverdueReviewsView.as_view(results_only=True),
            name="knowledge_overdue_reviews_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_overdue_menu_item():
    return MenuItem(
        _("Reviews overdue"),
        reverse("knowledge_overdue_reviews"),
        name="overdue-reviews",
        icon_name="time",
        order=50,
    )
