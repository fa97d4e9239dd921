"""Pages of Vraag de specialist and of intercollegial consultation (no JavaScript needed)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from werkwijzer.core import access
from werkwijzer.core.clients import client_address
from werkwijzer.core.i18n import current_language
from werkwijzer.core.ratelimit import RateLimited
from werkwijzer.questions import services
from werkwijzer.questions.forms import (
    AnswerForm,
    AskForm,
    ConsultationForm,
    PublishForm,
    ReplyForm,
    topic_choices,
)
from werkwijzer.questions.models import TOPIC_CHOICES, FaqEntry, Question

TOPIC_LABELS = dict(TOPIC_CHOICES)
# The private link's token once it is exchanged for the session: the address bar, the
# browser history and the access log only ever see /antwoord/ after that.
ANSWER_TOKEN_KEY = "questions.answer_token"


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _language() -> str:
    return current_language()


# --- Vraag de specialist: visitors ------------------------------------------------------


@access.public("anyone may ask a question; no account, the answer by private link")
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    context = {"faq": services.published_faq()[:5]}
    if request.method != "POST":
        return render(request, "questions/ask.html", {**context, "form": AskForm()})
    form = AskForm(request.POST)
    if form.is_spam:
        form.add_error(None, _("Your question could not be sent. Leave the last field empty."))
        return render(request, "questions/ask.html", {**context, "form": form}, status=400)
    if not form.is_valid():
        return render(request, "questions/ask.html", {**context, "form": form}, status=400)
    try:
        question = services.ask(
            text=form.cleaned_data["text"],
            topic=form.cleaned_data["topic"],
            email=form.cleaned_data["email"],
            consent_publication=form.cleaned_data["consent_publication"],
            language=_language(),
            ip=client_address(request),
        )
    except RateLimited as error:
        form.add_error(None, error.message)
        response = render(request, "questions/ask.html", {**context, "form": form}, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    request.session[ANSWER_TOKEN_KEY] = question.token
    return redirect(reverse("questions:answer_page") + "?nieuw=1")


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@access.public("the private link's token is the key to one question")
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The private link: swap its token for the session and move on to /antwoord/, so
    the token leaves the address bar after one request."""
    question = services.question_for_token(token)
    if question is None:
        raise Http404
    request.session[ANSWER_TOKEN_KEY] = question.token
    return _private(redirect("questions:answer_page"))


@access.public("shows only the question whose private link this session opened")
def answer_page(request: HttpRequest) -> HttpResponse:
    question = services.question_for_token(request.session.get(ANSWER_TOKEN_KEY))
    if question is None:
        # No private link opened in this session (or it expired): say how to get back.
        return _private(render(request, "questions/answer_missing.html", status=404))
    link = request.build_absolute_uri(services.answer_path(question))
    context = {
        "question": question,
        "link": link,
        "new": "nieuw" in request.GET,
        "topic_label": TOPIC_LABELS.get(question.topic, ""),
    }
    return _private(render(request, "questions/answer.html", context))


@access.public("published, anonymised FAQ entries")
def faq_list(request: HttpRequest) -> HttpResponse:
    topic = request.GET.get("onderwerp", "")
    if topic not in TOPIC_LABELS:
        topic = ""
    entries = services.published_faq(topic)
    return render(
        request,
        "questions/faq_list.html",
        {
            "entries": entries,
            "topic": topic,
            "topics": topic_choices()[1:],
            "topic_labels": TOPIC_LABELS,
        },
    )


@access.public("published, anonymised FAQ entries")
def faq_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entry = get_object_or_404(FaqEntry, slug=slug, published=True)
    question, answer_text = entry.text(_language())
    return render(
        request,
        "questions/faq_detail.html",
        {
            "entry": entry,
            "question": question,
            "answer": answer_text,
            "topics": [(slug, TOPIC_LABELS.get(slug, slug)) for slug in entry.topics],
        },
    )


# --- Vraag de specialist: BACO/KAG ------------------------------------------------------


@access.guard(access.BACO_OR_KAG)
def queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "questions/queue.html",
        {
            "open": [(q, TOPIC_LABELS.get(q.topic, "")) for q in services.open_questions()],
            "claimed": Question.objects.filter(status=Question.Status.CLAIMED, claimed_by=user),
            "answered": Question.objects.filter(answered_by=user).order_by("-answered_at")[:10],
        },
    )


@access.guard(access.BACO_OR_KAG)
@require_http_methods(["GET", "POST"])
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = services.get_question(request.user, pk)  # audited
    form = AnswerForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "claim":
            if services.claim(question, request.user):
                messages.success(request, _("You are now answering this question."))
            else:
                messages.error(request, _("Another specialist is already answering this question."))
            return redirect("questions:question", pk=question.pk)
        if action == "release":
            services.release(question, request.user)
            messages.info(request, _("The question is back in the queue."))
            return redirect("questions:queue")
        if action == "answer":
            form = AnswerForm(request.POST)
            if form.is_valid():
                if services.answer(
                    question, request.user, form.cleaned_data["answer"], _base_url(request)
                ):
                    messages.success(request, _("Thank you. The answer has been sent."))
                    return redirect("questions:queue")
                form.add_error(None, _("Claim the question before you answer it."))
            status = 400
    return render(
        request,
        "questions/question_detail.html",
        {
            "question": question,
            "form": form,
            "mine": question.claimed_by_id == request.user.pk,
            "topic_label": TOPIC_LABELS.get(question.topic, ""),
        },
        status=status,
    )


# --- editors ----------------------------------------------------------------------------


@access.guard(access.EDITOR)
def editor(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "questions/editor.html",
        {
            "publishable": services.publishable_questions(),
            "entries": FaqEntry.objects.order_by("-published", "-published_at", "slug"),
        },
    )


def _publish_page(request, *, source=None, entry=None):
    if entry is not None:
        initial = {
            "question_nl": entry.question_nl,
            "answer_nl": entry.answer_nl,
            "question_en": entry.question_en,
            "answer_en": entry.answer_en,
            "topics": entry.topics,
        }
    else:
        initial = {
            "question_nl": source.text,
            "answer_nl": source.answer,
            "topics": [source.topic] if source.topic else [],
        }
    form = PublishForm(initial=initial)
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "unpublish" and entry is not None:
            services.unpublish(entry)
            messages.success(request, _("The FAQ entry is no longer public."))
            return redirect("questions:editor")
        form = PublishForm(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "anonymised"}
            entry = services.publish(editor=request.user, source=source, entry=entry, **data)
            messages.success(request, _("The FAQ entry is published."))
            return redirect("questions:faq_detail", slug=entry.slug)
        status = 400
    return render(
        request,
        "questions/publish.html",
        {"form": form, "source": source, "entry": entry},
        status=status,
    )


@access.guard(access.EDITOR)
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    source = services.get_question(request.user, pk)  # audited
    if not source.publishable or hasattr(source, "faq"):
        raise Http404
    return _publish_page(request, source=source)


@access.guard(access.EDITOR)
@require_http_methods(["GET", "POST"])
def faq_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(FaqEntry, pk=pk)
    return _publish_page(request, entry=entry)


# --- intercollegial consultation --------------------------------------------------------


@access.guard(access.PROFESSIONAL)
def consultations(request: HttpRequest) -> HttpResponse:
    threads = services.visible_consultations(request.user).prefetch_related("messages")
    return render(request, "questions/consultations.html", {"threads": threads})


@access.guard(access.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def consultation_new(request: HttpRequest) -> HttpResponse:
    form = ConsultationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            consultation = services.start_consultation(
                user=request.user,
                provider=form.chosen_provider(),
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
                base_url=_base_url(request),
            )
            messages.success(request, _("Your question has been sent to your colleague."))
            return redirect("questions:consultation", pk=consultation.pk)
        return render(request, "questions/consultation_new.html", {"form": form}, status=400)
    return render(request, "questions/consultation_new.html", {"form": form})


@access.guard(access.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def consultation(request: HttpRequest, pk: int) -> HttpResponse:
    thread = services.get_consultation(request.user, pk)
    form = ReplyForm()
    status = 200
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if form.is_valid():
            services.reply(thread, request.user, form.cleaned_data["text"], _base_url(request))
            messages.success(request, _("Your reply has been added."))
            return redirect("questions:consultation", pk=thread.pk)
        status = 400
    return render(
        request,
        "questions/consultation.html",
        {
            "thread": thread,
            "thread_messages": thread.messages.select_related("author"),
            "form": form,
        },
        status=status,
    )
