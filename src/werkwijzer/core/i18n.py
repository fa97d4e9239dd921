"""The language a request is answered in, as one of the site's language codes."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language


def site_languages() -> tuple[str, ...]:
    return tuple(code for code, _name in settings.LANGUAGES)


def current_language() -> str:
    """ "nl" or "en" (never "nl-nl" or a language the site does not have): the key that
    content, catalogues and the API use."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return language if language in site_languages() else settings.LANGUAGE_CODE
