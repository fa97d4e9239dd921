"""Pages of the feedback app: the answer to "Heb je hier iets aan?", the contact form and
the editors' gap map."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkwijzer.core import access, ratelimit
from werkwijzer.core.caching import form_on_public_pages
from werkwijzer.feedback import services
from werkwijzer.feedback.forms import ContactForm, FeedbackForm
from werkwijzer.feedback.models import CONTACT_KEEP_DAYS

# feedback.js asks for JSON with this header; a plain form post gets pages.
ENHANCED_HEADER = "HTTP_X_WERKWIJZER_ENHANCED"


def _local(request: HttpRequest, url: str) -> str:
    """A path on this site to go back to, or "" (never another site)."""
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _thanks_text(helpful: bool) -> str:
    if helpful:
        return gettext("Thank you for your answer. Good to hear that this helps you.")
    return gettext("Thank you for your answer. The editors use it to make Werkwijzer better.")


def _refused(request: HttpRequest, form: FeedbackForm, status: int, retry_after: int = 0):
    if request.META.get(ENHANCED_HEADER):
        errors = [
            {"field": name, "message": str(message)}
            for name, messages in form.errors.items()
            for message in messages
        ]
        response = JsonResponse({"errors": errors}, status=status)
    else:
        context = {"form": form, "back": _local(request, form.data.get("back", ""))}
        response = render(request, "feedback/answer.html", context, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


# No CSRF token: the form is on public articles, which may be cached only without one
# (ADR 0012). A forged post would gain nothing (an anonymous, rate-limited answer), and
# one from another site is refused.
@form_on_public_pages
@access.public("anonymous yes/no answers about a public page; rate-limited, nobody's data")
@require_POST
def answer(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _refused(request, form, 400)
    try:
        ratelimit.hit(services.FEEDBACK_SCOPE, request)
    except ratelimit.RateLimited as error:
        form.add_error(None, error.message)
        return _refused(request, form, 429, error.retry_after)
    data = form.cleaned_data
    helpful = data["helpful"] == "yes"
    services.record_feedback(data["kind"], data["key"], helpful, data["remark"], get_language())
    if request.META.get(ENHANCED_HEADER):
        return JsonResponse({"message": _thanks_text(helpful)})
    query = {"ja": "1"} if helpful else {}
    if back := _local(request, data["back"]):
        query["terug"] = back
    target = reverse("feedback:thanks")
    return redirect(f"{target}?{urlencode(query)}" if query else target)


@access.public("a thank-you page; shows nothing that was sent")
@require_GET
def thanks(request: HttpRequest) -> HttpResponse:
    context = {
        "text": _thanks_text(request.GET.get("ja") == "1"),
        "back": _local(request, request.GET.get("terug", "")),
    }
    return render(request, "feedback/thanks.html", context)


@access.public("anyone may write to the editors; no account, rate-limited")
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    initial = {"page": _local(request, request.GET.get("pagina", ""))}
    form = ContactForm(request.POST if request.method == "POST" else None, initial=initial)
    retry_after = 0
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.hit(services.CONTACT_SCOPE, request)
        except ratelimit.RateLimited as error:
            form.add_error(None, error.message)
            retry_after = error.retry_after
        else:
            data = form.cleaned_data
            page = _local(request, data["page"])
            services.send_contact_message(
                data["name"], data["email"], data["message"], page, get_language() or ""
            )
            sent = reverse("feedback:contact_sent")
            return redirect(sent + "?antwoord=1" if data["email"] else sent)
    context = {"form": form, "keep_days": CONTACT_KEEP_DAYS}
    response = render(request, "feedback/contact.html", context, status=429 if retry_after else 200)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@access.public("the confirmation after the contact form; shows nothing that was sent")
@require_GET
def contact_sent(request: HttpRequest) -> HttpResponse:
    context = {"reply": request.GET.get("antwoord") == "1", "keep_days": CONTACT_KEEP_DAYS}
    return render(request, "feedback/contact_sent.html", context)


@access.guard(access.EDITOR)
@require_GET
def gaps(request: HttpRequest) -> HttpResponse:
    """The gap map for the editors (seed 004, canvas 8): what readers miss."""
    return render(request, "feedback/gaps.html", {"gaps": services.gap_map()})
