"""The main navigation: one list, so every page shows the same menu."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from werkwijzer.core.roles import is_professional, signed_in


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool
    description: str


_ITEMS = [
    (
        _("Wegwijzer"),
        "navigator:start",
        _("A few questions about your situation, a personal plan that fits it."),
    ),
    (
        _("Who can help"),
        "helpers:list",
        _("Every kind of helper: what they do, how to reach them, what it costs."),
    ),
    (
        _("Find a helper"),
        "directory:search",
        _("A BACO, KAG, coach or therapist near your postcode."),
    ),
    (
        _("Knowledge base"),
        "knowledge:index",
        _("Articles about work and cancer, with their sources and whether an expert checked them."),
    ),
    (
        _("Timeline"),
        "timeline:index",
        _("What happens when during sick leave, and who does what."),
    ),
    (
        _("Conversations"),
        "conversation:index",
        _("Questions to take to your doctor, bedrijfsarts or employer, and a decision aid."),
    ),
    (
        _("Employers"),
        "employers:index",
        _("Duties, what you may ask, and templates for HR policy."),
    ),
    (
        _("Ask the specialist"),
        "questions:ask",
        _("Ask a BACO or KAG your question, and read the answers to questions of others."),
    ),
]


def _professionals_and_visitors(user) -> bool:
    """Visitors may be professionals who have not logged in yet; other accounts may not
    use the page, so they do not see the link."""
    return not signed_in(user) or is_professional(user)


# For professionals, policy makers and researchers: in the footer and on the home page.
# A fourth element, when there, says which users see the item.
_PROFESSIONAL_ITEMS = [
    (
        _("Intercollegial consultation"),
        "questions:consultations",
        _("Ask a BACO or KAG about a case, without data that identify the person."),
        _professionals_and_visitors,
    ),
    (
        _("Screening"),
        "screening:form",
        _("Find out early who runs a higher risk of problems with work."),
    ),
    (
        _("My questionnaire about work"),
        "outcomes:overview",
        _("Tell us how work is going, 3 to 24 months after the diagnosis."),
    ),
    (
        _("Outcomes dashboard"),
        "outcomes:dashboard",
        _("The targets of the action plan beside what is measured."),
    ),
    (
        _("Societal business case"),
        "businesscase:index",
        _("Costs and benefits of work-oriented care, per party."),
    ),
]


def main_navigation(request: HttpRequest) -> list[NavItem]:
    return _navigation(request, _ITEMS)


def professional_navigation(request: HttpRequest) -> list[NavItem]:
    return _navigation(request, _PROFESSIONAL_ITEMS)


def _navigation(request: HttpRequest, entries: list) -> list[NavItem]:
    items = []
    user = getattr(request, "user", None)
    for label, name, description, *shown_to in entries:
        if shown_to and not shown_to[0](user):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # the app's pages are not there yet
        current = request.path.startswith(url) and url != "/"
        items.append(NavItem(str(label), url, current, str(description)))
    return items
