"""Login with throttling, the second factor, registration and the account page."""

from __future__ import annotations

import contextlib
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from werkwijzer.accounts import throttling, twofactor
from werkwijzer.accounts.forms import (
    CodeForm,
    LoginForm,
    PasswordConfirmForm,
    RecoveryCodeForm,
    RegistrationForm,
)
from werkwijzer.accounts.models import User
from werkwijzer.accounts.session import (
    forget_second_factor,
    mark_second_factor_done,
    second_factor_done,
    with_next,
)
from werkwijzer.core import ratelimit
from werkwijzer.core.mail import QueuedPasswordResetForm, send_mail_later

logger = logging.getLogger("werkwijzer.accounts.login")


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


# Where each role's work is: the first page after logging in without a `next` address.
HOME_FOR_ROLE = {
    User.Role.PERSON: "records:overview",
    User.Role.NAASTE: "records:overview",
    User.Role.EMPLOYER: "care:employer_reports",
    User.Role.PROFESSIONAL: "care:worklist",
    User.Role.EDITOR: "wagtailadmin_home",
    User.Role.EXPERT: "wagtailadmin_home",
    User.Role.PRIVACY_OFFICER: "records:privacy_log",
    User.Role.ADMIN: "admin:index",
}


def home_for(user: User) -> str:
    """Where a user lands after logging in without a `next` address: where the role's
    work is (issue 15), else the account page."""
    try:
        return reverse(HOME_FOR_ROLE[user.role])
    except (KeyError, NoReverseMatch):
        return reverse("accounts:account")


def _find_username(typed: str) -> str:
    """Accept the e-mail address as well as the username."""
    typed = typed.strip()
    matches = list(
        User.objects.filter(Q(username__iexact=typed) | Q(email__iexact=typed)).values_list(
            "username", flat=True
        )[:2]
    )
    return matches[0] if len(matches) == 1 else typed


def _wrong_password(request: HttpRequest, form: LoginForm) -> int:
    """Explain a failed password; the page's status."""
    logger.warning("Login failed (stage password)")
    form.add_error(None, _("The e-mail address or the password is not correct. Please try again."))
    # Counted; from the next try on, the address gets the wait message.
    with contextlib.suppress(ratelimit.RateLimited):
        ratelimit.hit("login-failures", request)
    return 200


def _password_step(request: HttpRequest, form: LoginForm) -> HttpResponse | int:
    """Check the password: a redirect when it is right, else the status of the form page."""
    try:
        # Password spraying, many accounts from one address. Only failures count, so a
        # shared address (an office, a hospital) where people log in is no problem.
        ratelimit.check("login-failures", request)
    except ratelimit.RateLimited as error:
        form.add_error(None, error.message)
        return 429
    username = _find_username(form.cleaned_data["username"])
    # The name axes counts under; the pause length (throttling.cool_off) looks it up.
    setattr(request, throttling.LOGIN_NAME_ATTRIBUTE, username)
    user = authenticate(request, username=username, password=form.cleaned_data["password"])
    if user is None:
        if getattr(request, "axes_locked_out", False):
            # Paused: the page axes' middleware would send too (accounts/throttling.py).
            return throttling.lockout_page(request)
        return _wrong_password(request, form)
    login(request, user)
    target = _next_url(request) or home_for(user)
    if twofactor.confirmed_device(user):
        return redirect(with_next(reverse("accounts:totp_verify"), target))
    if twofactor.required_for(user):
        return redirect(with_next(reverse("accounts:totp_setup"), target))
    throttling.login_completed(request, user.username)
    return redirect(target)


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url or home_for(request.user))
    form = LoginForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        result = _password_step(request, form)
        if isinstance(result, HttpResponse):
            return result
        status = result
    context = {"form": form, "next": next_url}
    return render(request, "accounts/login.html", context, status=status)


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("core:home")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You are logged out."))
        return response


def _finish_second_factor(request: HttpRequest) -> None:
    request.session.cycle_key()
    mark_second_factor_done(request)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def totp_verify(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    user = request.user
    device = twofactor.confirmed_device(user)
    if device is None:
        return redirect(with_next(reverse("accounts:totp_setup"), next_url))
    if second_factor_done(request):
        return redirect(next_url or home_for(user))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = _check_second_factor(request, form, twofactor.verify_totp, device)
        if result is not None:
            return result
        form.add_error(
            "code", _("This code is not correct. Check the time on your phone and try again.")
        )
    return render(request, "accounts/totp_verify.html", {"form": form, "next": next_url})


def _check_second_factor(request, form, check, argument) -> HttpResponse | None:
    """Run `check`; on success finish the login, when paused log out. None: wrong code."""
    user = request.user
    next_url = _next_url(request)
    if throttling.is_paused(request, user.username):
        return _lock_out(request)
    if check(argument, form.cleaned_data["code"]):
        _finish_second_factor(request)
        throttling.login_completed(request, user.username)
        return redirect(next_url or home_for(user))
    if throttling.second_factor_failed(request, user.username):
        return _lock_out(request)
    return None


def _lock_out(request: HttpRequest) -> HttpResponse:
    # The message names the pair's pause, so render it while the user is still known.
    response = throttling.lockout_page(request)
    logout(request)
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def recovery(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    user = request.user
    if twofactor.confirmed_device(user) is None:
        return redirect(with_next(reverse("accounts:totp_setup"), next_url))
    if second_factor_done(request):
        return redirect(next_url or home_for(user))
    form = RecoveryCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = _check_second_factor(
            request, form, lambda u, code: twofactor.use_recovery_code(u, code), user
        )
        if result is not None:
            if second_factor_done(request):
                left = twofactor.recovery_codes_left(user)
                messages.warning(
                    request,
                    _(
                        "You used a recovery code. You have %(left)s codes left. "
                        "Make new codes on your account page when you run low."
                    )
                    % {"left": left},
                )
            return result
        form.add_error("code", _("This recovery code is not correct or was used before."))
    return render(request, "accounts/recovery.html", {"form": form, "next": next_url})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def totp_setup(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    user = request.user
    if twofactor.confirmed_device(user):
        if second_factor_done(request):
            messages.info(request, _("Your authenticator app is already set up."))
            return redirect("accounts:account")
        return redirect(with_next(reverse("accounts:totp_verify"), next_url))
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify_totp(device, form.cleaned_data["code"]):
            twofactor.confirm_device(device)
            _finish_second_factor(request)
            codes = twofactor.new_recovery_codes(user)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "continue_url": next_url or home_for(user), "first_time": True},
            )
        form.add_error(
            "code", _("This code is not correct. Check the time on your phone and try again.")
        )
    uri = twofactor.provisioning_uri(device)
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": twofactor.qr_svg(uri, _("QR code to scan with your authenticator app")),
        "secret": twofactor.grouped_secret(device.secret),
        "required": twofactor.required_for(user),
    }
    return render(request, "accounts/totp_setup.html", context)


@never_cache
@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = twofactor.confirmed_device(user)
    context = {
        "device": device,
        "codes_left": twofactor.recovery_codes_left(user) if device else 0,
        "required": twofactor.required_for(user),
        "remove_form": PasswordConfirmForm(user),
    }
    return render(request, "accounts/account.html", context)


@never_cache
@login_required
@require_POST
def regenerate_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = request.user
    if twofactor.confirmed_device(user) is None:
        return redirect("accounts:account")
    codes = twofactor.new_recovery_codes(user)
    context = {"codes": codes, "continue_url": reverse("accounts:account"), "first_time": False}
    return render(request, "accounts/recovery_codes.html", context)


@sensitive_post_parameters("password")
@never_cache
@login_required
@require_POST
def remove_second_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PasswordConfirmForm(user, request.POST)
    if not form.is_valid():
        device = twofactor.confirmed_device(user)
        context = {
            "device": device,
            "codes_left": twofactor.recovery_codes_left(user) if device else 0,
            "required": twofactor.required_for(user),
            "remove_form": form,
        }
        return render(request, "accounts/account.html", context, status=400)
    twofactor.remove_second_factor(user)
    forget_second_factor(request)
    if twofactor.required_for(user):
        messages.info(
            request, _("Your old authenticator app no longer works. Set up the new one now.")
        )
        return redirect("accounts:totp_setup")
    messages.success(request, _("The second step is switched off."))
    return redirect("accounts:account")


@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            # Each new account sends an e-mail: a limit per client address.
            ratelimit.hit("register", request)
        except ratelimit.RateLimited as error:
            form.add_error(None, error.message)
            return _too_many(render(request, "accounts/register.html", {"form": form}), error)
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _send_welcome(request, user)
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect(home_for(user))
    return render(request, "accounts/register.html", {"form": form})


def _too_many(response: HttpResponse, error: ratelimit.RateLimited) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(error.retry_after)
    return response


def _send_welcome(request: HttpRequest, user: User) -> None:
    context = {"user": user, "login_url": request.build_absolute_uri(reverse("accounts:login"))}
    # Queued (core.mail): retried by the worker, and a mail server that is down never
    # fails the registration.
    send_mail_later(
        render_to_string("accounts/email/welcome_subject.txt", context).strip(),
        render_to_string("accounts/email/welcome.txt", context),
        user.email,
        kind="accounts.welcome",
        from_email=settings.DEFAULT_FROM_EMAIL,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = QueuedPasswordResetForm  # the e-mail goes through the task queue
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def form_valid(self, form):
        try:
            # Every valid request may send an e-mail: a limit per client address.
            ratelimit.hit("password-reset", self.request)
        except ratelimit.RateLimited as error:
            form.add_error(None, error.message)
            return _too_many(self.form_invalid(form), error)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view already swaps the link's token for the session and redirects to
    .../set-password/, so the token is in one request line only (test_accounts_pages)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password ends every login pause of the account, from every address.
        throttling.forget_account(form.user.username)
        return response
