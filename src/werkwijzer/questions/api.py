"""API of Vraag de specialist: ask anonymously, read the answer by token, read the FAQ.

Intercollegial consultation has no API: it holds case questions between logged-in
professionals and stays behind the pages with a second factor.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from werkwijzer.api.errors import ApiError, ErrorsOut
from werkwijzer.core import access
from werkwijzer.core.clients import client_address
from werkwijzer.core.i18n import current_language
from werkwijzer.core.ratelimit import RateLimited
from werkwijzer.questions import services
from werkwijzer.questions.models import TOPIC_CHOICES, FaqEntry, Question

router = Router(tags=["Vraag de specialist"])
TOPICS = {slug for slug, _label in TOPIC_CHOICES}


class QuestionIn(Schema):
    text: str
    topic: str = ""
    email: str = ""
    consent_publication: bool = False


class TokenIn(Schema):
    token: str


class QuestionCreated(Schema):
    token: str
    url: str
    status: str


class AnswerOut(Schema):
    status: str
    question: str
    topic: str
    asked_at: datetime.datetime
    answer: str | None
    answered_at: datetime.datetime | None


class FaqOut(Schema):
    slug: str
    question: str
    answer: str
    topics: list[str]
    language: str
    url: str
    published_at: datetime.datetime | None
    # Who answered, from the BACO's or KAG's account; null when the editors wrote the
    # answer and no expert has checked it.
    answered_by: str | None = None
    sources: list[str] = []


class FaqParams(Schema):
    topic: str = ""
    lang: str | None = None


def _language(requested: str | None) -> str:
    language = requested or current_language()
    if language not in ("nl", "en"):
        raise ApiError([{"field": "lang", "message": _("Choose nl or en.")}], status=422)
    return language


@router.post(
    "/questions",
    response={201: QuestionCreated, 422: ErrorsOut, 429: ErrorsOut},
    summary="Ask the specialist a question (no account needed)",
)
@access.public("anyone may ask a question; no account, the answer by private token")
def ask_question(request: HttpRequest, payload: QuestionIn):
    """Stores the question and returns the private `token` and `url` to read the answer:
    keep them, they are the only way back. `email` (optional) is only used to say that
    the answer is ready and is deleted after that. `topic` is a topic slug of the
    vocabulary. At most a few questions per hour from one address."""
    errors = []
    text = payload.text.strip()
    if len(text) < 10:
        errors.append(
            {"field": "text", "message": _("Write a question of at least 10 characters.")}
        )
    elif len(text) > services.MAX_QUESTION:
        errors.append(
            {"field": "text", "message": _("The question is too long (at most 4000 characters).")}
        )
    if payload.topic and payload.topic not in TOPICS:
        errors.append(
            {
                "field": "topic",
                "message": _("This topic does not exist. Leave it empty or use a topic slug."),
            }
        )
    email = payload.email.strip()
    if email:
        try:
            validate_email(email)
        except DjangoValidationError:
            errors.append(
                {"field": "email", "message": _("Enter a valid e-mail address, or leave it empty.")}
            )
    if errors:
        raise ApiError(errors, status=422)
    try:
        question = services.ask(
            text=text,
            topic=payload.topic,
            email=email,
            consent_publication=payload.consent_publication,
            language=current_language(),
            ip=client_address(request),
        )
    except RateLimited as error:
        raise ApiError([{"field": "", "message": error.message}], status=429) from None
    url = request.build_absolute_uri(services.answer_path(question))
    return Status(201, {"token": question.token, "url": url, "status": question.status})


def _answer_out(token: str) -> dict:
    question = services.question_for_token(token)
    if question is None:
        raise ApiError(
            [
                {
                    "field": "token",
                    "message": _(
                        "No question with this link. Check that you copied the whole link."
                    ),
                }
            ],
            status=404,
        )
    answered = question.status == Question.Status.ANSWERED
    return {
        "status": question.status,
        "question": question.text,
        "topic": question.topic,
        "asked_at": question.created_at,
        "answer": question.answer if answered else None,
        "answered_at": question.answered_at if answered else None,
    }


@router.post(
    "/questions/answer",
    response={200: AnswerOut, 404: ErrorsOut},
    summary="Read a question and its answer with the private token",
)
@access.public("the private token is the key to one question")
def read_answer(request: HttpRequest, payload: TokenIn):
    """`answer` is empty until a BACO or KAG has answered. The token goes in the body,
    so it never lands in an access log the way a URL does."""
    return _answer_out(payload.token)


@router.get(
    "/questions/{token}",
    response={200: AnswerOut, 404: ErrorsOut},
    summary="Read a question and its answer (old form: prefer POST /questions/answer)",
    deprecated=True,
)
@access.public("the private token is the key to one question")
def get_answer(request: HttpRequest, token: str):
    """Kept for existing clients. The token in the path ends up in access logs; use
    POST /questions/answer with the token in the body instead."""
    return _answer_out(token)


def _faq_out(request: HttpRequest, entry: FaqEntry, language: str) -> dict:
    question, answer = entry.text(language)
    return {
        "slug": entry.slug,
        "question": question,
        "answer": answer,
        "topics": list(entry.topics or []),
        "language": "en" if language == "en" and entry.question_en and entry.answer_en else "nl",
        "url": request.build_absolute_uri(reverse("questions:faq_detail", args=[entry.slug])),
        "published_at": entry.published_at,
        "answered_by": (entry.expert_line or "BACO/KAG") if entry.expert else None,
        "sources": list(entry.sources or []),
    }


@router.get("/faq", response={200: list[FaqOut], 422: ErrorsOut}, summary="Published FAQ")
@access.public("published, anonymised FAQ entries")
def faq_list(request: HttpRequest, params: Query[FaqParams]):
    """Published, anonymised questions with the specialist's answer. `topic` filters by a
    topic slug; `lang` nl or en (Dutch when there is no English text)."""
    language = _language(params.lang)
    if params.topic and params.topic not in TOPICS:
        raise ApiError([{"field": "topic", "message": _("This topic does not exist.")}], status=422)
    return [_faq_out(request, e, language) for e in services.published_faq(params.topic)]


@router.get(
    "/faq/{slug}", response={200: FaqOut, 404: ErrorsOut, 422: ErrorsOut}, summary="One FAQ entry"
)
@access.public("published, anonymised FAQ entries")
def faq_detail(request: HttpRequest, slug: str, lang: str | None = None):
    language = _language(lang)
    entry = FaqEntry.objects.filter(slug=slug[:120], published=True).first()
    if entry is None:
        raise ApiError(
            [{"field": "slug", "message": _("This question is not published.")}], status=404
        )
    return _faq_out(request, entry, language)
