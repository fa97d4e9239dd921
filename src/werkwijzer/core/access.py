"""The access policy: who may see and do what with people's data, checked in one place.

It covers care data (referrals, advice, employer reports), records (work data,
consents, the audit log), intercollegial consultations, the specialist's questions and
outcomes (research data and exports). Three layers use it:

- pages: `@access.guard(access.PROFESSIONAL)` lets only that kind of account in (anyone
  else logs in first or gets the 403 page) and maps the services' domain errors
  (`core.errors`) to the site's error pages; `@access.public(reason)` marks a page that
  needs no account, with the reason why that is safe;
- the JSON API: `auth=access.api_guard(rule)` does the same for an operation (401 without
  login, 403 for an account the rule refuses);
- services: the object rules below (`referral_reason`, `work_data_reason`, ...) say why a
  user may see one thing. They return the audit reason (`"owner"`, `"referral:<pk>"`,
  `"consent:<pk>"`) or None; the service then raises `NotFound` or writes the audit
  event through `records.audit`, so every access to a record is logged.

Core imports no app. Consents live in the records app, which hands its lookup to
`register_consent_source` when it starts; without it no consent ever grants access.
A test (core/tests/test_access_coverage.py) walks every URL and API operation of the
care, records, questions and outcomes apps and fails for one that uses neither
`guard`/`api_guard` nor `public`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import TYPE_CHECKING, Protocol, TypeVar

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy
from ninja.security import SessionAuth

from werkwijzer.core import errors, roles
from werkwijzer.core.roles import (
    Viewer,
    is_baco_or_kag,
    is_editor,
    is_employer,
    is_expert,
    is_person,
    is_privacy_officer,
    is_professional,
    may_refer_a_person,
    provider_id_of,
    role_of,
    signed_in,
)

if TYPE_CHECKING:
    from werkwijzer.accounts.models import User

# The role checks of core.roles are part of it, so callers need only `access`.
__all__ = [
    "ANY_ACCOUNT",
    "ARCHIVE",
    "BACO_OR_KAG",
    "CARRIER",
    "CONSENT_RECIPIENTS",
    "EDITOR",
    "EMPLOYER",
    "EMPLOYER_REPORT",
    "OWNER",
    "OWN_DATA",
    "PERSON",
    "POOL",
    "PRIVACY_OFFICER",
    "PROFESSIONAL",
    "REFERRER",
    "REFERRING_PROFESSIONAL",
    "RESEARCH",
    "RESEARCH_EXPORT",
    "TREATING_ADVICE",
    "VIEW_WORK_DATA",
    "ApiGuard",
    "ConsentLike",
    "ConsentSource",
    "ConsultationFacts",
    "ReferralFacts",
    "ReportFacts",
    "Rule",
    "Viewer",
    "allows_research_use",
    "any_of",
    "api_guard",
    "can_answer_questions",
    "can_export_research",
    "can_search_audit_log",
    "care_relation",
    "consent_for",
    "consent_reason",
    "consultation_reason",
    "consultations_visible_to",
    "employer_report_reason",
    "forbidden",
    "guard",
    "has_consent",
    "is_baco_or_kag",
    "is_editor",
    "is_employer",
    "is_expert",
    "is_owner",
    "is_person",
    "is_privacy_officer",
    "is_professional",
    "may_keep_outcomes",
    "may_refer_a_person",
    "provider_id_of",
    "public",
    "question_reason",
    "referral_reason",
    "register_consent_source",
    "report_scope",
    "retention_period",
    "role_of",
    "signed_in",
    "treating_advice_reason",
    "work_data_reason",
    "works_on_referral",
]

OWNER = "owner"

# --- consents -----------------------------------------------------------------------------

VIEW_WORK_DATA = "view-work-data"
TREATING_ADVICE = "treating-advice"
EMPLOYER_REPORT = "employer-report"
RESEARCH = "research"
# The kind of account a consent for each purpose is for. A consent counts only while its
# recipient still has that role: work data and advice go to professionals, reports to an
# employer; research consent has no recipient (Werkwijzer itself).
CONSENT_RECIPIENTS: dict[str, frozenset[str]] = {
    VIEW_WORK_DATA: frozenset({roles.PROFESSIONAL}),
    TREATING_ADVICE: frozenset({roles.PROFESSIONAL}),
    EMPLOYER_REPORT: frozenset({roles.EMPLOYER}),
    RESEARCH: frozenset(),
}


class ConsentLike(Protocol):
    @property
    def pk(self) -> int | None: ...


class ConsentSource(Protocol):
    """The records app's lookup: the owner's active consent for recipient and purpose."""

    def __call__(
        self, owner: Viewer, recipient: Viewer | None, purpose: str, scope: str = ""
    ) -> ConsentLike | None: ...


_consent_sources: list[ConsentSource] = []


def register_consent_source(source: ConsentSource) -> None:
    """Called once by the records app when it starts (records.apps)."""
    _consent_sources[:] = [source]


def consent_for(
    owner: Viewer | None, recipient: Viewer | None, purpose: str, scope: str = ""
) -> ConsentLike | None:
    """The owner's active consent for `recipient` and `purpose`, read fresh (a withdrawal
    counts at once); None when there is none or the recipient is not the kind of account
    the purpose is for. `recipient=None` is Werkwijzer itself (research). `scope` names
    the one thing a consent is for ("care.EmployerReport:<pk>": each employer report is
    released on its own); a consent for the whole purpose (no scope) never covers one."""
    if not _consent_sources or owner is None or not owner.is_authenticated:
        return None
    if purpose not in CONSENT_RECIPIENTS:
        return None
    allowed = CONSENT_RECIPIENTS[purpose]
    if not allowed:  # research: Werkwijzer itself is the recipient
        if recipient is not None:
            return None
    elif recipient is None or role_of(recipient) not in allowed:
        return None
    return _consent_sources[0](owner, recipient, purpose, scope)


def has_consent(
    owner: Viewer | None, recipient: Viewer | None, purpose: str, scope: str = ""
) -> bool:
    return consent_for(owner, recipient, purpose, scope) is not None


def consent_reason(
    owner: Viewer | None, recipient: Viewer | None, purpose: str, scope: str = ""
) -> str | None:
    consent = consent_for(owner, recipient, purpose, scope)
    return None if consent is None else f"consent:{consent.pk}"


# --- care data: referrals, advice, reports ------------------------------------------------


class ReferralFacts(Protocol):
    """What the policy reads of a care.Referral."""

    @property
    def pk(self) -> int | None: ...

    person_id: int
    provider_id: int

    @property
    def is_confirmed(self) -> bool: ...

    @property
    def is_open(self) -> bool: ...

    @property
    def is_withdrawn(self) -> bool: ...

    @property
    def awaits_a_professional(self) -> bool: ...

    @property
    def handled_by_id(self) -> int | None: ...

    @property
    def ended_at(self) -> dt.datetime | None: ...


class ReportFacts(Protocol):
    """What the policy reads of a care.EmployerReport."""

    employer_id: int

    @property
    def pk(self) -> int | None: ...

    @property
    def person(self) -> User: ...

    @property
    def referral(self) -> ReferralFacts: ...


def is_owner(user: Viewer | None, owner_id: int | None) -> bool:
    return signed_in(user) and user is not None and owner_id is not None and user.pk == owner_id


# How a professional stands to a referral (ADR 0016). The referral goes to a directory
# entry; until one of its professionals takes it on, they all see it to accept or
# decline it (the pool). From then on it is that professional's alone (the carrier); a
# colleague at the same practice sees nothing. Withdrawn: nobody but the person. Closed
# or declined: read-only for the professional who handled it, during the retention
# period (WERKWIJZER_CARE_RETENTION_DAYS), every read logged with its own reason.
POOL = "pool"
CARRIER = "carrier"
ARCHIVE = "archive"


def retention_period() -> dt.timedelta:
    return dt.timedelta(days=settings.WERKWIJZER_CARE_RETENTION_DAYS)


def works_on_referral(user: Viewer | None, referral: ReferralFacts) -> bool:
    """A professional of the referral's provider, once the person has confirmed it (the
    directory side only: `care_relation` says whether they may still see it)."""
    provider_id = provider_id_of(user)
    return provider_id is not None and provider_id == referral.provider_id and referral.is_confirmed


def care_relation(
    user: Viewer | None, referral: ReferralFacts, *, now: dt.datetime | None = None
) -> str | None:
    """POOL, CARRIER or ARCHIVE for a professional who may see this referral, else None."""
    if not works_on_referral(user, referral) or referral.is_withdrawn or user is None:
        return None
    if referral.awaits_a_professional:
        return POOL
    if referral.handled_by_id is None or referral.handled_by_id != user.pk:
        return None
    if referral.is_open:
        return CARRIER
    ended = referral.ended_at
    now = now or timezone.now()
    if ended is None or now - ended > retention_period():
        return None
    return ARCHIVE


def referral_reason(user: Viewer | None, referral: ReferralFacts) -> str | None:
    """Why `user` may see this referral and what hangs on it: its person; a professional
    by `care_relation` (after closing with the reason `referral-closed:<pk>`). Nobody
    else (not an employer, not a colleague who did not take it on)."""
    if is_owner(user, referral.person_id):
        return OWNER
    relation = care_relation(user, referral)
    if relation == ARCHIVE:
        return f"referral-closed:{referral.pk}"
    if relation is not None:
        return f"referral:{referral.pk}"
    return None


def work_data_reason(
    viewer: Viewer | None, owner: Viewer | None, *, referral: ReferralFacts | None = None
) -> str | None:
    """Why `viewer` may read the owner's work data: the owner; the professional who
    carries an open referral of the owner; a professional with the owner's
    `view-work-data` consent. Never an employer or another role, consent or not (the
    security model: a professional sees a record only through a referral or a consent)."""
    if owner is None or not signed_in(viewer):
        return None
    if is_owner(viewer, owner.pk):
        return OWNER
    if (
        referral is not None
        and referral.person_id == owner.pk
        and care_relation(viewer, referral) == CARRIER
    ):
        return f"referral:{referral.pk}"
    return consent_reason(owner, viewer, VIEW_WORK_DATA)


def report_scope(report: ReportFacts) -> str:
    """The consent scope of one employer report: each is released on its own."""
    return f"care.EmployerReport:{report.pk}"


def employer_report_reason(user: Viewer | None, report: ReportFacts) -> str | None:
    """Its employer only while the person's `employer-report` consent for this very
    report lasts; otherwise whoever may see the referral it belongs to."""
    if is_employer(user) and user is not None:
        if report.employer_id != user.pk:
            return None
        return consent_reason(report.person, user, EMPLOYER_REPORT, report_scope(report))
    return referral_reason(user, report.referral)


def treating_advice_reason(recipient: Viewer | None, owner: Viewer | None) -> str | None:
    """A treating professional reads advice sent to them while the person's consent lasts."""
    return consent_reason(owner, recipient, TREATING_ADVICE)


# --- consultations, questions, outcomes, audit log ----------------------------------------


def consultations_visible_to(user: Viewer | None) -> Q | None:
    """The intercollegial consultations (questions.Consultation) `user` may read, as a
    filter, or None for none: a professional's own questions; for a BACO/KAG also those
    asked of their directory entry or of any BACO/KAG."""
    if not is_professional(user) or user is None:
        return None
    visible = Q(asked_by_id=user.pk)
    if is_baco_or_kag(user):
        visible |= Q(provider__isnull=True)
        if provider_id_of(user):
            visible |= Q(provider_id=provider_id_of(user))
    return visible


def can_answer_questions(user: Viewer | None) -> bool:
    """Vraag de specialist: BACO and KAG professionals claim and answer the questions."""
    return is_baco_or_kag(user)


class ConsultationFacts(Protocol):
    """What the policy reads of a questions.Consultation."""

    @property
    def pk(self) -> int | None: ...

    asked_by_id: int
    provider_id: int | None


def consultation_reason(user: Viewer | None, consultation: ConsultationFacts) -> str | None:
    """The audit reason for opening an intercollegial thread (the query form is
    `consultations_visible_to`): `asker`, `asked-of:<provider>` or `baco-kag` (a thread
    open to every BACO/KAG); None when the user may not read it."""
    if not is_professional(user) or user is None:
        return None
    if consultation.asked_by_id == user.pk:
        return "asker"
    if not is_baco_or_kag(user):
        return None
    if consultation.provider_id is None:
        return "baco-kag"
    if consultation.provider_id == provider_id_of(user):
        return f"asked-of:{consultation.provider_id}"
    return None


def question_reason(user: Viewer | None) -> str | None:
    """The audit reason for opening a Vraag de specialist question: a BACO/KAG answers
    them (`baco-kag`); an editor reads one to publish it (`editor`)."""
    if can_answer_questions(user):
        return "baco-kag"
    if is_editor(user):
        return "editor"
    return None


def can_export_research(user: Viewer | None) -> bool:
    """The pseudonymised research export: accounts given that permission."""
    return signed_in(user) and user is not None and user.has_perm("outcomes.export_research")


def may_keep_outcomes(user: Viewer | None) -> bool:
    """A signed-in account keeps its own answers in the database; a visitor's stay in
    their session (there is no record to consent on)."""
    return signed_in(user)


def allows_research_use(owner: Viewer | None) -> bool:
    return has_consent(owner, None, RESEARCH)


def can_search_audit_log(user: Viewer | None) -> bool:
    """Everyone reads who looked at their own record; only the privacy officer searches
    the whole log."""
    return is_privacy_officer(user)


# --- rules for pages and API operations ---------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Which accounts may use a page or an API operation. `who` names them on the 403
    page; `visitors` lets people without an account in too (they only ever see their own
    session's data)."""

    name: str
    test: Callable[[Viewer], bool]
    who: tuple[str | Promise, ...] = field(default=())
    visitors: bool = False

    def allows(self, user: Viewer) -> bool:
        return self.visitors or (signed_in(user) and self.test(user))


def any_of(*rules: Rule) -> Rule:
    return Rule(
        name="|".join(rule.name for rule in rules),
        test=lambda user: any(rule.test(user) for rule in rules),
        who=tuple(label for rule in rules for label in rule.who),
    )


# The labels say on the 403 page who may use it; a context, so these short words never
# take over another app's Dutch for the same English (core's catalogue comes first). The
# context is written out each time: makemessages reads only a literal, so a variable
# would leave the label out of the catalogue and untranslated.
ANY_ACCOUNT = Rule("account", signed_in)
PERSON = Rule(
    "person", is_person, (pgettext_lazy("allowed accounts", "Person (with or after cancer)"),)
)
EMPLOYER = Rule("employer", is_employer, (pgettext_lazy("allowed accounts", "Employer"),))
PROFESSIONAL = Rule(
    "professional", is_professional, (pgettext_lazy("allowed accounts", "Professional"),)
)
BACO_OR_KAG = Rule(
    "baco-kag",
    can_answer_questions,
    (pgettext_lazy("allowed accounts", "BACO and KAG professionals"),),
)
# Who may ask a BACO/KAG for a person (issue 18): the person, their employer, and the
# professionals of roles.REFERRING_PROFESSIONS (the person agrees first).
REFERRING_PROFESSIONAL = Rule(
    "referring-professional",
    may_refer_a_person,
    (pgettext_lazy("allowed accounts", "Treating professionals, bedrijfsartsen, BACO and KAG"),),
)
REFERRER = any_of(PERSON, EMPLOYER, REFERRING_PROFESSIONAL)
EDITOR = Rule("editor", is_editor, (pgettext_lazy("allowed accounts", "Editors"),))
PRIVACY_OFFICER = Rule(
    "privacy-officer", can_search_audit_log, (pgettext_lazy("allowed accounts", "Privacy officer"),)
)
RESEARCH_EXPORT = Rule("research-export", can_export_research)
OWN_DATA = Rule("own-data", signed_in, visitors=True)

View = TypeVar("View", bound=Callable[..., HttpResponse])


def forbidden(request: HttpRequest, rule: Rule) -> HttpResponse:
    """The 403 page: says plainly that this account has no access, and who has."""
    context = {"allowed_roles": [str(label) for label in rule.who]}
    return render(request, "accounts/forbidden.html", context, status=403)


def guard(rule: Rule) -> Callable[[View], View]:
    """Let only accounts `rule` allows use the page. Visitors log in first (and come
    back); another account gets the 403 page. Domain errors the view leaves unhandled
    become the site's error pages (core.errors)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            user = request.user
            if not rule.allows(user):
                if not user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                return forbidden(request, rule)
            try:
                return view(request, *args, **kwargs)
            except errors.DomainError as error:
                return errors.view_response(request, error)

        wrapper.access_rule = rule  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


def public(reason: str) -> Callable[[View], View]:
    """Mark a page or API operation as open to everyone, saying why that is safe."""
    if not reason.strip():
        raise ValueError("public() needs the reason why the view may be open")

    def decorator(view: View) -> View:
        view.access_public = reason  # type: ignore[attr-defined]
        return view

    return decorator


class ApiGuard(SessionAuth):
    """django-ninja auth: the session's user (with the CSRF check on writes), let in by
    `rule`. No login: 401; an account the rule refuses: 403 (AccessDenied, mapped by
    werkwijzer.api.errors)."""

    def __init__(self, rule: Rule, message: str | Promise = "") -> None:
        super().__init__()
        self.rule = rule
        self.message = message

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        if not user.is_authenticated:
            return None
        if not self.rule.allows(user):
            message = str(self.message) or gettext("This is not available for your account.")
            raise errors.AccessDenied(message)
        return user


def api_guard(rule: Rule, message: str | Promise = "") -> ApiGuard:
    return ApiGuard(rule, message)
