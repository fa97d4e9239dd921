"""Session keys the accounts app keeps, in one place.

The second factor is remembered per session: the value is the primary key of the user
who passed it, so a session that somehow changes hands does not carry it over.
"""

from __future__ import annotations

from django.http import HttpRequest

SECOND_FACTOR_KEY = "accounts.second_factor_user"
LAST_ACTIVITY_KEY = "accounts.last_activity"
# During login: the user who passed the password but not yet the second factor.
PENDING_USER_KEY = "accounts.pending_user"
PENDING_NEXT_KEY = "accounts.pending_next"


def second_factor_done(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return request.session.get(SECOND_FACTOR_KEY) == user.pk


def mark_second_factor_done(request: HttpRequest) -> None:
    request.session[SECOND_FACTOR_KEY] = request.user.pk
