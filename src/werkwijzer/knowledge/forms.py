"""The editor's form for an article: slug lists as check boxes instead of raw JSON."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from werkwijzer.knowledge.text import article_passages
from werkwijzer.timeline import legal_weeks
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
        self._check_legal_weeks(cleaned)
        return cleaned

    def _check_legal_weeks(self, cleaned: dict) -> None:
        """A legal week typed by hand would not follow the timeline when the rules
        change: ask for the placeholder instead."""
        texts = {"summary": cleaned.get("summary") or ""}
        if cleaned.get("body") is not None:
            texts["body"] = " ".join(article_passages(cleaned["body"]))
        keys = ", ".join(f"{{{{ week:{key} }}}}" for key in legal_weeks.legal_weeks())
        for name, text in texts.items():
            found = legal_weeks.legal_week_problems(text)
            if found:
                message = _(
                    "Write legal weeks as a placeholder, so they follow the timeline: "
                    "%(found)s. Placeholders: %(keys)s."
                ) % {"found": "; ".join(found), "keys": keys}
                self.add_error(name, message)
