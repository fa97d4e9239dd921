"""Role checks for views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from werkwijzer.accounts.models import User


def forbidden(request: HttpRequest, allowed_roles: tuple[str, ...] = ()) -> HttpResponse:
    """The 403 page: says plainly that this account has no access, and what to do."""
    labels = [User.Role(role).label for role in allowed_roles]
    return render(request, "accounts/forbidden.html", {"allowed_roles": labels}, status=403)


def role_required(*roles: str) -> Callable:
    """Only let users with one of `roles` in.

    Anonymous visitors go to the login page (and come back after logging in); a
    logged-in user with another role gets a 403 page with a clear message.

        @role_required(User.Role.PROFESSIONAL)
        def inbox(request): ...
    """
    if not roles:
        raise ValueError("role_required needs at least one role")
    allowed = tuple(User.Role(role).value for role in roles)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.is_active or user.role not in allowed:
                return forbidden(request, allowed)
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = allowed
        return wrapper

    return decorator
