"""The writes of the questions app, in one place: validate, store, notify.

E-mails never hold the question, the answer or a consultation message: only that there
is news, and the link to read it. They are queued (core.mail), so a mail server that is
down never undoes or breaks a saved answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from werkwijzer.core import access, ratelimit
from werkwijzer.core.access import Viewer
from werkwijzer.core.errors import AccessDenied, NotFound
from werkwijzer.core.mail import send_mail_later
from werkwijzer.questions.models import (
    Consultation,
    ConsultationMessage,
    FaqEntry,
    Question,
)
from werkwijzer.records import audit

if TYPE_CHECKING:
    from werkwijzer.accounts.models import User

BACO_KAG = ("baco", "kag")
# Questions from one address, through the page and the API together (core.ratelimit).
ASK_SCOPE = "questions-ask"
MAX_QUESTION = 4000
MAX_MESSAGE = 6000
# Private tokens are URL-safe base64 (models.new_token); anything else can match no
# question, and is not sent to the database (PostgreSQL refuses a NUL byte in text).
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


# --- Vraag de specialist ---------------------------------------------------------------


def question_for_token(token: object) -> Question | None:
    """The question a private link's token opens, or None."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return Question.objects.filter(token=token).first()


def answer_path(question: Question) -> str:
    return reverse("questions:answer", args=[question.token])


def ask(
    *,
    text: str,
    ip: str,
    topic: str = "",
    email: str = "",
    consent_publication: bool = False,
    language: str = "nl",
) -> Question:
    """Store a visitor's question (after the per-address limit, RateLimited when over);
    returns it with its token. `ip` is the client's address (core.clients)."""
    ratelimit.hit(ASK_SCOPE, address=ip or None)
    return Question.objects.create(
        text=text.strip()[:MAX_QUESTION],
        topic=topic,
        email=email.strip(),
        consent_publication=consent_publication,
        language=language if language in ("nl", "en") else "nl",
    )


def get_question(user: Viewer, pk: int) -> Question:
    """A question for a BACO/KAG (to answer it) or an editor (to publish it); opening it
    is written to the audit log like a record read (NEN 7513: the asker's words may say
    more than they meant to). NotFound for a missing one."""
    reason = access.question_reason(user)
    question = Question.objects.filter(pk=pk).first() if reason else None
    if question is None or reason is None:
        raise NotFound
    audit.record(actor=user, subject=None, action="read", resource=question, reason=reason)
    return question


def open_questions() -> QuerySet[Question]:
    return Question.objects.filter(status=Question.Status.OPEN).order_by("created_at")


def claim(question: Question, user: User) -> bool:
    """Claim an open question for answering. One conditional UPDATE: exactly one
    professional wins, also when several click at the same moment."""
    if not access.can_answer_questions(user):
        return False
    won = Question.objects.filter(pk=question.pk, status=Question.Status.OPEN).update(
        status=Question.Status.CLAIMED, claimed_by=user, claimed_at=timezone.now()
    )
    question.refresh_from_db()
    return bool(won)


def release(question: Question, user) -> bool:
    """Give a claimed question back to the queue."""
    done = Question.objects.filter(
        pk=question.pk, status=Question.Status.CLAIMED, claimed_by=user
    ).update(status=Question.Status.OPEN, claimed_by=None, claimed_at=None)
    question.refresh_from_db()
    return bool(done)


def answer(question: Question, user, text: str, base_url: str) -> bool:
    """Answer a question this professional claimed; tell the asker if they left an e-mail
    address, and forget that address in the same transaction.

    From then on only the queued e-mail holds the address, and the queue forgets it once
    the e-mail is sent (core.mail); the queue row commits with the answer.
    """
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.status != Question.Status.CLAIMED or locked.claimed_by_id != user.pk:
            return False
        address = locked.email
        locked.answer = text.strip()[:MAX_MESSAGE]
        locked.answered_by = user
        locked.answered_at = timezone.now()
        locked.status = Question.Status.ANSWERED
        locked.email = ""
        locked.save()
        if address:
            _tell_asker(locked, address, base_url)
    question.refresh_from_db()
    return True


def _tell_asker(question: Question, address: str, base_url: str) -> None:
    with override(question.language):
        send_mail_later(
            _("Your question to Werkwijzer has been answered"),
            _(
                "Hello,\n\nA specialist has answered the question you asked on Werkwijzer. "
                "Read the answer with your private link:\n\n%(link)s\n\n"
                "We have now deleted your e-mail address.\n\nWerkwijzer"
            )
            % {"link": base_url.rstrip("/") + answer_path(question)},
            address,
            kind="questions.answer",
            on_sent="werkwijzer.questions.services.mark_notified",
            on_sent_args=[question.pk],
        )


def mark_notified(question_pk: int) -> None:
    """Called by the mail task once the asker's e-mail is sent."""
    Question.objects.filter(pk=question_pk).update(notified_at=timezone.now())


def publishable_questions() -> QuerySet[Question]:
    """Answered questions the asker allowed to publish and that are not published yet."""
    return Question.objects.filter(
        status=Question.Status.ANSWERED, consent_publication=True, faq__isnull=True
    ).order_by("answered_at")


def unique_slug(text: str, exclude_pk: int | None = None) -> str:
    base = slugify(text)[:80].strip("-") or "vraag"
    others = (
        FaqEntry.objects.all() if exclude_pk is None else FaqEntry.objects.exclude(pk=exclude_pk)
    )
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def publish(
    *,
    editor,
    question_nl: str,
    answer_nl: str,
    question_en: str = "",
    answer_en: str = "",
    topics: list[str] | None = None,
    source: Question | None = None,
    entry: FaqEntry | None = None,
) -> FaqEntry:
    """Publish an anonymised question and answer (the editor's text) as an FAQ entry."""
    if source is not None and not source.publishable:
        raise AccessDenied  # the views offer only publishable questions
    entry = entry or FaqEntry(source=source)
    entry.question_nl, entry.answer_nl = question_nl.strip(), answer_nl.strip()
    entry.question_en, entry.answer_en = question_en.strip(), answer_en.strip()
    entry.topics = list(topics or [])
    if not entry.slug:
        entry.slug = unique_slug(entry.question_nl)
    entry.published = True
    entry.published_at = entry.published_at or timezone.now()
    entry.published_by = editor
    entry.save()
    return entry


def unpublish(entry: FaqEntry) -> None:
    entry.published = False
    entry.save()


def published_faq(topic: str = "") -> QuerySet[FaqEntry]:
    entries = FaqEntry.objects.filter(published=True).select_related("source__answered_by")
    if topic:
        entries = entries.filter(pk__in=[e.pk for e in entries if topic in (e.topics or [])])
    return entries.order_by("-published_at", "slug")


# --- intercollegial consultation -------------------------------------------------------


def consultation_providers():
    """Directory entries of BACO/KAG professionals who accept consultation requests."""
    from werkwijzer.directory.models import Provider

    kinds = Q()
    for kind in BACO_KAG:
        kinds |= Q(kinds__contains=f"|{kind}|")
    return Provider.objects.active().filter(kinds, intercollegial_consultation=True)


def visible_consultations(user: Viewer) -> QuerySet[Consultation]:
    """The threads this user may read (core.access.consultations_visible_to): their own
    questions, and as a BACO/KAG the ones asked of their directory entry or of any BACO/KAG."""
    visible = access.consultations_visible_to(user)
    if visible is None:
        return Consultation.objects.none()
    return Consultation.objects.filter(visible).select_related("asked_by", "provider")


def get_consultation(user: Viewer, pk: int) -> Consultation:
    """One thread for someone who may read it, audited like a record read with the
    reason access was allowed; NotFound otherwise (not even its existence)."""
    thread = visible_consultations(user).filter(pk=pk).first()
    reason = None if thread is None else access.consultation_reason(user, thread)
    if thread is None or reason is None:
        raise NotFound
    audit.record(actor=user, subject=None, action="read", resource=thread, reason=reason)
    return thread


def can_view(user: Viewer, consultation: Consultation) -> bool:
    return visible_consultations(user).filter(pk=consultation.pk).exists()


def _baco_kag_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        role="professional", profession__in=BACO_KAG, is_active=True
    )


def _recipients(consultation: Consultation, author) -> set[str]:
    """Who hears of a new message: the asker, and the BACO/KAG side of the thread."""
    people = {consultation.asked_by}
    answerers = {
        m.author for m in consultation.messages.all() if m.author_id != consultation.asked_by_id
    }
    if consultation.provider_id:
        people |= set(_baco_kag_users().filter(provider_id=consultation.provider_id))
    elif answerers:
        people |= answerers
    else:
        people |= set(_baco_kag_users())
    return {p.email for p in people if p.email and p.pk != author.pk}


def _notify(consultation: Consultation, author, base_url: str) -> None:
    link = base_url.rstrip("/") + reverse("questions:consultation", args=[consultation.pk])
    send_mail_later(
        _("New message in an intercollegial consultation on Werkwijzer"),
        _(
            "Hello,\n\nThere is a new message in an intercollegial consultation you take "
            "part in. Log in to read it:\n\n%(link)s\n\nWerkwijzer"
        )
        % {"link": link},
        sorted(_recipients(consultation, author)),
        kind="questions.consultation",
    )


def start_consultation(
    *, user: User, provider, subject: str, text: str, base_url: str
) -> Consultation:
    if not access.is_professional(user):
        raise AccessDenied  # the page is for professionals only
    with transaction.atomic():
        consultation = Consultation.objects.create(
            asked_by=user, provider=provider, subject=subject.strip()[:200]
        )
        ConsultationMessage.objects.create(
            consultation=consultation, author=user, text=text.strip()[:MAX_MESSAGE]
        )
    _notify(consultation, user, base_url)
    return consultation


def reply(consultation: Consultation, user: User, text: str, base_url: str) -> ConsultationMessage:
    if not can_view(user, consultation):
        raise NotFound
    now = timezone.now()
    with transaction.atomic():
        message = ConsultationMessage.objects.create(
            consultation=consultation, author=user, text=text.strip()[:MAX_MESSAGE], created_at=now
        )
        Consultation.objects.filter(pk=consultation.pk).update(updated_at=now)
    _notify(consultation, user, base_url)
    return message
