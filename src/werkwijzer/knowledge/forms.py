"""The editor's form for an article: slug lists as check boxes instead of raw JSON."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from werkwijzer.vocabulary.slugs import slugs


def _slug_field(section: str, label: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=[(slug, slug) for slug in slugs(section)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ArticlePageForm(WagtailAdminPageForm):
    topics = _slug_field("topics", _("topics"))
    roles = _slug_field("role", _("for whom (role)"))
    employments = _slug_field("employment", _("for whom (work situation)"))
    phases = _slug_field("phase", _("phases"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topics"):
            self.add_error("topics", _("Choose at least one topic."))
        return cleaned
