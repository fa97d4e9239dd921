"""Pages for professionals who keep their own entry: sign up, claim, propose, change.

Every page but the sign-up needs a professional's account with the second factor done
(accounts.middleware sends them to set it up first). Changing an entry needs ownership
(moderation.owns): anyone else gets the 403 page, also for an entry that does not exist
as far as they are concerned.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from werkwijzer.accounts.session import with_next
from werkwijzer.core import access, ratelimit
from werkwijzer.core.mail import send_mail_later
from werkwijzer.directory import moderation
from werkwijzer.directory.forms import ClaimForm, EntryForm, ProfessionalSignupForm
from werkwijzer.directory.models import Proposal, Provider


@access.public("the sign-up form for professionals; the account waits for the second factor")
@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("directory:mine")
    form = ProfessionalSignupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            # The same limit as every new account (each sends an e-mail).
            ratelimit.hit("register", request)
        except ratelimit.RateLimited as error:
            form.add_error(None, error.message)
            status = 429
        else:
            user = form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            _welcome(request, user)
            # A professional sets up the second factor before anything else.
            return redirect(with_next(reverse("accounts:totp_setup"), reverse("directory:mine")))
    return render(request, "directory/signup.html", {"form": form}, status=status)


def _welcome(request: HttpRequest, user: object) -> None:
    body = _(
        "Hello,\n\nYour account for professionals at Werkwijzer is ready. At your first "
        "login you set up an authenticator app: professionals log in with two steps.\n\n"
        "Then find your entry in the verwijsgids and claim it, or propose a new one:\n"
        "%(link)s\n\nAn editor checks your registration number and your entry before it is "
        "shown.\n\nWerkwijzer"
    ) % {"link": request.build_absolute_uri(reverse("directory:mine"))}
    send_mail_later(
        _("Werkwijzer: your account for professionals"),
        body,
        user.email,
        kind="directory.signup",
        from_email=settings.DEFAULT_FROM_EMAIL,
    )


@access.guard(access.PROFESSIONAL)
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    """The professional's own entries and proposals."""
    user = request.user
    proposals = moderation.proposals_of(user)
    context = {
        "profile": getattr(user, "directory_profile", None),
        "entries": moderation.owned_entries(user),
        "pending": [p for p in proposals if p.is_pending],
        "decided": [p for p in proposals if not p.is_pending][:20],
    }
    return render(request, "directory/mine.html", context)


@access.guard(access.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    """'This is my entry': a claim that an editor checks (any public entry)."""
    provider = get_object_or_404(Provider.objects.listed(), pk=pk)
    if moderation.owns(request.user, provider):
        return redirect("directory:edit", pk=provider.pk)
    form = ClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        moderation.submit_claim(request.user, provider, form.cleaned_data["note"])
        messages.success(
            request,
            _("Your claim is sent. An editor checks it, usually within a few working days."),
        )
        return redirect("directory:mine")
    return render(request, "directory/claim.html", {"provider": provider, "form": form})


@access.guard(access.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest) -> HttpResponse:
    """A new entry, for a professional whose entry is not in the guide yet."""
    form = EntryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        moderation.submit_new(request.user, form.values(), form.cleaned_data["note"])
        messages.success(request, _("Your entry is sent. An editor checks it before it is shown."))
        return redirect("directory:mine")
    context = {"form": form, "provider": None}
    return render(request, "directory/entry_form.html", context)


@access.guard(access.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an own entry: the change waits for an editor; the entry stays as it is."""
    provider = get_object_or_404(Provider, pk=pk)
    if not moderation.owns(request.user, provider):
        raise PermissionDenied
    pending = moderation.pending_change(request.user, provider)
    values = pending.data if pending else moderation.entry_values(provider)
    initial = {**EntryForm.initial_from(values), "note": pending.note if pending else ""}
    form = EntryForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        confirm = "confirm" in request.POST  # "everything is still right"
        proposal = moderation.submit_change(
            request.user, provider, form.values(), form.cleaned_data["note"], confirm=confirm
        )
        if proposal is None:
            messages.info(request, _("You changed nothing, so nothing was sent."))
        else:
            messages.success(
                request, _("Sent to the editors. Your entry changes once an editor approves it.")
            )
        return redirect("directory:mine")
    context = {
        "form": form,
        "provider": provider,
        "pending": pending,
        "history": provider.history.select_related("by")[:20],
    }
    return render(request, "directory/entry_form.html", context)


@access.guard(access.PROFESSIONAL)
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal, pk=pk, proposed_by=request.user)
    moderation.withdraw(proposal, request.user)
    messages.info(request, _("Your proposal is withdrawn."))
    return redirect("directory:mine")
