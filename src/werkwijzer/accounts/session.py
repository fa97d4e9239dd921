"""Session keys the accounts app keeps, in one place.

The second factor is remembered per session: the value is the primary key of the user
who passed it, so a session that somehow changes hands does not carry it over.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest

SECOND_FACTOR_KEY = "accounts.second_factor_user"
LAST_ACTIVITY_KEY = "accounts.last_activity"


def second_factor_done(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return request.session.get(SECOND_FACTOR_KEY) == user.pk


def mark_second_factor_done(request: HttpRequest) -> None:
    request.session[SECOND_FACTOR_KEY] = request.user.pk


def forget_second_factor(request: HttpRequest) -> None:
    request.session.pop(SECOND_FACTOR_KEY, None)


def with_next(url: str, next_url: str) -> str:
    """The url with ?next=next_url, or the url alone when there is nowhere to go back to."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def back_here(request: HttpRequest) -> str:
    """Where to return after logging in: this page, if it was a plain GET."""
    return request.get_full_path() if request.method == "GET" else ""
