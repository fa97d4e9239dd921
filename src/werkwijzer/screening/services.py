"""What the page and the API show: flags with their flow charts, in the visitor's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from werkwijzer.core.i18n import current_language
from werkwijzer.screening.diagram import Box, flow_chart
from werkwijzer.screening.rules import Flag, screen


@dataclass(frozen=True)
class FlowStep:
    text: str
    refer: list[dict[str, str]]  # [{"slug", "title"}]


@dataclass(frozen=True)
class FlaggedGroup:
    flag: Flag
    steps: list[FlowStep]
    svg: SafeString


# The visitor's screening answers stay in their own session, so the wegwijzer plan can use
# them; they are never written to a record and go when the session expires.
SESSION_KEY = "screening_answers"


def remember_answers(session: Any, answers: Mapping[str, Any]) -> None:
    session[SESSION_KEY] = {key: value for key, value in answers.items() if value is not None}


def screening_answers(session: Any) -> dict[str, Any]:
    stored = session.get(SESSION_KEY)
    return dict(stored) if isinstance(stored, dict) else {}


def helper_titles(language: str) -> dict[str, str]:
    """Readable helper names from the catalogue; an empty catalogue gives slugs."""
    from werkwijzer.helpers.services import helpers_with_texts

    return {helper.slug: helper.text(language).title for helper in helpers_with_texts()}


def flagged_groups(answers: Mapping[str, Any]) -> list[FlaggedGroup]:
    language = current_language()
    flags = screen(answers, language)
    titles = helper_titles(language) if flags else {}
    result = []
    for flag in flags:
        steps = [
            FlowStep(
                text=step.in_language(language),
                refer=[{"slug": slug, "title": titles.get(slug, slug)} for slug in step.refer],
            )
            for step in flag.flow
        ]
        boxes = [
            Box(
                step.text,
                _("Refer to: %(helpers)s") % {"helpers": ", ".join(r["title"] for r in step.refer)}
                if step.refer
                else "",
            )
            for step in steps
        ]
        svg = flow_chart(
            f"flow-{flag.code}",
            boxes,
            title=_("Flow chart: %(group)s") % {"group": flag.label},
            description=_("%(count)s steps for a professional, from top to bottom: %(steps)s")
            % {"count": len(steps), "steps": " ".join(step.text for step in steps)},
        )
        result.append(FlaggedGroup(flag=flag, steps=steps, svg=mark_safe(svg)))
    return result
