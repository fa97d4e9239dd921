"""Where a person's questionnaire lives: their account (database) or their session.

One interface for both, so the views never branch on it:
- a signed-in person: a Participant row, answers in Response rows, reminders by e-mail;
- an anonymous visitor: everything in the session, nothing in the database, never
  counted on the dashboard (there is no record to consent on).
Drafts keep the answers exactly as typed, also when they do not pass the checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from werkwijzer.outcomes import hooks
from werkwijzer.outcomes.models import Participant, Response

SESSION_KEY = "outcomes"


@dataclass(frozen=True)
class Profile:
    diagnosis_date: dt.date
    region: str
    care_setting: str


@dataclass
class Stored:
    status: str  # "draft" | "submitted"
    raw: dict[str, str] = field(default_factory=dict)


class OutcomeStore(Protocol):
    persistent: bool

    def profile(self) -> Profile | None: ...
    def save_profile(self, profile: Profile) -> None: ...
    def answers(self) -> dict[int, Stored]: ...
    def save_draft(self, moment: int, raw: dict[str, str]) -> None: ...
    def submit(self, moment: int, raw: dict[str, str], values: dict[str, Any]) -> None: ...


class SessionStore:
    persistent = False

    def __init__(self, request: HttpRequest) -> None:
        self.session = request.session

    def _data(self) -> dict[str, Any]:
        return self.session.get(SESSION_KEY) or {}

    def _save(self, data: dict[str, Any]) -> None:
        self.session[SESSION_KEY] = data
        self.session.modified = True

    def profile(self) -> Profile | None:
        raw = self._data().get("profile")
        if not raw:
            return None
        return Profile(
            dt.date.fromisoformat(raw["diagnosis_date"]), raw["region"], raw["care_setting"]
        )

    def save_profile(self, profile: Profile) -> None:
        data = self._data()
        data["profile"] = {
            "diagnosis_date": profile.diagnosis_date.isoformat(),
            "region": profile.region,
            "care_setting": profile.care_setting,
        }
        self._save(data)

    def answers(self) -> dict[int, Stored]:
        return {int(k): Stored(**v) for k, v in self._data().get("answers", {}).items()}

    def _put(self, moment: int, stored: Stored) -> None:
        data = self._data()
        data.setdefault("answers", {})[str(moment)] = {"status": stored.status, "raw": stored.raw}
        self._save(data)

    def save_draft(self, moment: int, raw: dict[str, str]) -> None:
        self._put(moment, Stored("draft", raw))

    def submit(self, moment: int, raw: dict[str, str], values: dict[str, Any]) -> None:
        self._put(moment, Stored("submitted", raw))


class DatabaseStore:
    persistent = True

    def __init__(self, user: Any) -> None:
        self.user = user
        self.participant = Participant.objects.filter(owner=user).first()

    def profile(self) -> Profile | None:
        p = self.participant
        if p is None:
            return None
        hooks.record_access(self.user, "read-profile", participant_id=p.pk)
        return Profile(p.diagnosis_date, p.region, p.care_setting)

    @transaction.atomic
    def save_profile(self, profile: Profile) -> None:
        self.participant, _created = Participant.objects.update_or_create(
            owner=self.user,
            defaults={
                "diagnosis_date": profile.diagnosis_date,
                "region": profile.region,
                "care_setting": profile.care_setting,
            },
        )
        self.participant.responses.update(region=profile.region, care_setting=profile.care_setting)
        hooks.record_access(self.user, "write-profile", participant_id=self.participant.pk)

    def answers(self) -> dict[int, Stored]:
        if self.participant is None:
            return {}
        hooks.record_access(self.user, "read-answers", participant_id=self.participant.pk)
        return {
            r.moment: Stored(r.status, r.draft)
            for r in self.participant.responses.only("moment", "status", "draft")
        }

    def _response(self, moment: int) -> Response:
        p = self.participant
        assert p is not None, "save a profile first"
        response, _created = Response.objects.get_or_create(
            participant=p,
            moment=moment,
            defaults={"region": p.region, "care_setting": p.care_setting},
        )
        return response

    def save_draft(self, moment: int, raw: dict[str, str]) -> None:
        response = self._response(moment)
        response.draft = raw
        if response.status != Response.Status.SUBMITTED:
            response.status = Response.Status.DRAFT
        response.save(update_fields=["draft", "status", "updated_at"])
        hooks.record_access(self.user, "save-draft", participant_id=self.participant.pk)

    def submit(self, moment: int, raw: dict[str, str], values: dict[str, Any]) -> None:
        response = self._response(moment)
        for name, value in values.items():
            setattr(
                response,
                name,
                "" if value is None and name in ("working", "returned_to_work") else value,
            )
        response.draft = raw
        response.status = Response.Status.SUBMITTED
        response.submitted_at = timezone.now()
        response.save()
        hooks.record_access(self.user, "submit", participant_id=self.participant.pk)


def store_for(request: HttpRequest) -> OutcomeStore:
    if hooks.may_store(request.user, "outcomes"):
        return DatabaseStore(request.user)
    return SessionStore(request)
