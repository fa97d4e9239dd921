"""Texts this app shows elsewhere (the main and footer menus of core.navigation), listed
here so that `makemessages` in this app puts them in its catalogue."""

from django.utils.translation import gettext_noop

MENU_TEXTS = (
    gettext_noop("Ask the specialist"),
    gettext_noop("Ask a BACO or KAG your question, and read the answers to questions of others."),
    gettext_noop("Intercollegial consultation"),
    gettext_noop("Ask a BACO or KAG about a case, without data that identify the person."),
)
