"""`{% feedback_form kind key %}`: "Heb je hier iets aan?" under a page of another app.

    {% load feedback_tags %}
    {% feedback_form "article" page.pk %}     on an article (kennisbank)
    {% feedback_form "plan" plan.route compact=True %}
        on the personal plan (wegwijzer): the remark folded, so the plan stays short

The form posts without a CSRF token (see views.answer), so a public page stays public.
"""

from __future__ import annotations

from typing import Any

from django import template

from werkwijzer.feedback.forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/_form.html", takes_context=True)
def feedback_form(
    context: template.Context, kind: str, key: object = "", compact: bool = False
) -> dict[str, Any]:
    request = context.get("request")
    # Back to the article with its address; back to the plan without the query string,
    # which may hold the reader's answers.
    back = ""
    if request is not None:
        back = request.get_full_path() if kind == "article" else request.path
    form = FeedbackForm(initial={"kind": kind, "key": str(key or ""), "back": back})
    return {"form": form, "kind": kind, "compact": compact}
