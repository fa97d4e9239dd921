"""The site's public address (WERKWIJZER_SITE_URL): for links that leave the page itself,
in PDFs and calendar files, where the request's own host may be an internal one."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def site_url_problem(value: str) -> str | None:
    """Why a value cannot be the public address, or None when it can."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (
            "Zet WERKWIJZER_SITE_URL op het publieke adres van de site, bijvoorbeeld "
            "https://werkwijzer.nl / Set WERKWIJZER_SITE_URL to the site's public address, "
            f"for example https://werkwijzer.nl (now {value!r})."
        )
    return None


def site_url() -> str:
    """The public address, ending in a slash; ImproperlyConfigured when it is not set."""
    value = getattr(settings, "WERKWIJZER_SITE_URL", "")
    problem = site_url_problem(value)
    if problem:
        raise ImproperlyConfigured(problem)
    return value.rstrip("/") + "/"


def absolute_url(path: str) -> str:
    """A path of this site ("/verwijsgids/12/") as a full public address."""
    return urljoin(site_url(), path)


def site_domain() -> str:
    """The host name of the public address (for calendar UIDs)."""
    return urlsplit(site_url()).hostname or ""
