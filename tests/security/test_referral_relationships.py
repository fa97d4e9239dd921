"""Access follows the care relationship (issue 18): every zorgpad URL and API operation
that names a referral, its advice or its report × every kind of account × a referral in
each stage of the relationship (waiting in the pool, in care, withdrawn, closed, closed
longer ago than the retention period, declined).

What is expected is written out per stage below, not derived from the code under test:
the person always sees their own referral; the provider's professionals see a referral
waiting for one of them; after acceptance only the professional who took it on; after
withdrawal no professional; after closing or declining the professional who handled it,
read-only, logged with the reason `referral-closed:<pk>`, during the retention period.
A leak is a 2xx for anyone else, or one of the marker strings in any answer to them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.care import services
from werkwijzer.care.models import ConsultationNote, Referral
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.records.models import AuditEvent

pytestmark = pytest.mark.django_db

STAGES = ["pool", "in-care", "withdrawn", "closed", "expired", "declined"]
ACCOUNTS = [
    "anonymous",
    "owner",
    "other-person",
    "naaste",
    "carrier",
    "colleague",
    "outsider",
    "employer",
    "other-employer",
    "editor",
    "expert",
    "privacy_officer",
    "admin",
]
# Who may read the referral (its question) in each stage.
READERS = {
    "pool": {"owner", "carrier", "colleague"},
    "in-care": {"owner", "carrier"},
    "withdrawn": {"owner"},
    "closed": {"owner", "carrier"},
    "expired": {"owner"},
    "declined": {"owner", "carrier"},
}
# Who may read the notes: the person all but personal work notes, the professional all.
NOTE = "Zzsharednote"
WORK_NOTE = "Zzworknote"
QUESTION = "Zzquestion"
ADVICE = "Zzadvicetext"


def _cast():
    provider = ProviderFactory(kinds=["baco"])
    other = ProviderFactory(kinds=["kag"])
    return {
        "provider": provider,
        "owner": make_user("person"),
        "other-person": make_user("person"),
        "naaste": make_user("naaste"),
        "carrier": make_user("professional", profession="baco", provider=provider),
        "colleague": make_user("professional", profession="baco", provider=provider),
        "outsider": make_user("professional", profession="kag", provider=other),
        "employer": make_user("employer"),
        "other-employer": make_user("employer"),
        "editor": make_user("editor"),
        "expert": make_user("expert"),
        "privacy_officer": make_user("privacy_officer"),
        "admin": make_user("admin"),
    }


def _referral(cast, stage: str) -> dict:
    """A referral of `owner` in `stage`, carried by `carrier` where it gets that far."""
    owner, carrier = cast["owner"], cast["carrier"]
    referral = services.create_referral(
        actor=owner, provider=cast["provider"], question=f"{QUESTION} {stage}"
    )
    ids = {"referral": referral.pk}
    if stage == "pool":
        return ids
    if stage == "declined":
        services.transition(carrier, referral.pk, "decline", reason="Beter bij de bedrijfsarts")
        return ids
    services.transition(carrier, referral.pk, "accept")
    services.transition(carrier, referral.pk, "plan-intake", intake_date=timezone.now())
    services.transition(carrier, referral.pk, "start-consultations")
    services.add_note(carrier, referral.pk, NOTE)
    services.add_note(carrier, referral.pk, WORK_NOTE, personal=True)
    ids["advice"] = services.add_person_advice(carrier, referral.pk, ADVICE).pk
    report = services.add_employer_report(
        carrier,
        referral.pk,
        employer_email=cast["employer"].email,
        abilities="Kan halve dagen werken",
        limitations="Niet tillen",
        recommendations="Opbouw",
        valid_from=dt.date(2026, 12, 1),
    )
    ids["report"] = report.pk
    if stage == "withdrawn":
        services.transition(owner, referral.pk, "withdraw")
    elif stage in ("closed", "expired"):
        services.transition(carrier, referral.pk, "give-advice")
        services.transition(carrier, referral.pk, "close")
    if stage == "expired":
        long_ago = timezone.now() - dt.timedelta(days=20 * 365 + 6)
        Referral.objects.filter(pk=referral.pk).update(closed_at=long_ago)
    return ids


def _clients(cast) -> dict[str, Client]:
    result = {"anonymous": Client()}
    for name in ACCOUNTS[1:]:
        client = Client()
        force_login_verified(client, cast[name])
        result[name] = client
    return result


def _reads(ids: dict) -> list[tuple[str, str]]:
    r = ids["referral"]
    urls = [("page", reverse("care:referral", args=[r])), ("api", f"/api/v1/referrals/{r}")]
    if "advice" in ids:
        urls.append(("advice", reverse("care:advice_pdf", args=[ids["advice"]])))
    return urls


def _text(response) -> str:
    return response.content.decode(errors="ignore")


@pytest.mark.parametrize("stage", STAGES)
def test_reading_follows_the_relationship(stage):
    cast = _cast()
    ids = _referral(cast, stage)
    clients = _clients(cast)
    leaks, refused = [], []
    for account, client in clients.items():
        allowed = account in READERS[stage]
        for kind, url in _reads(ids):
            response = client.get(url)
            ok = 200 <= response.status_code < 300
            body = _text(response)
            where = f"{stage}: {account} GET {url} -> {response.status_code}"
            if response.status_code >= 500:
                leaks.append(f"server error {where}")
            if ok and not allowed:
                leaks.append(f"access {where}")
            if not allowed and any(m in body for m in (QUESTION, NOTE, WORK_NOTE, ADVICE)):
                leaks.append(f"data in {where}")
            if allowed and not ok:
                refused.append(where)
            if ok and kind == "page" and account == "owner" and WORK_NOTE in body:
                leaks.append(f"personal work note shown to the person: {where}")
    assert not leaks, "\n".join(leaks)
    assert not refused, "refused someone who may read it:\n" + "\n".join(refused)


@pytest.mark.parametrize("stage", STAGES)
def test_worklists_and_lists_hold_only_what_may_be_seen(stage):
    cast = _cast()
    ids = _referral(cast, stage)
    clients = _clients(cast)
    link = reverse("care:referral", args=[ids["referral"]])
    for account in ("carrier", "colleague", "outsider"):
        client = clients[account]
        page = _text(client.get(reverse("care:worklist")))
        listed = [item["id"] for item in client.get("/api/v1/referrals").json()]
        expected = account in READERS[stage]
        assert (link in page) is expected, (stage, account)
        assert (ids["referral"] in listed) is expected, (stage, account)
        if not expected:
            assert QUESTION not in page


@pytest.mark.parametrize("stage", ["in-care", "closed"])
def test_notes_per_reader(stage):
    cast = _cast()
    ids = _referral(cast, stage)
    clients = _clients(cast)
    url = reverse("care:referral", args=[ids["referral"]])
    carrier = _text(clients["carrier"].get(url))
    assert NOTE in carrier and WORK_NOTE in carrier
    owner = _text(clients["owner"].get(url))
    assert NOTE in owner and WORK_NOTE not in owner


def test_after_closing_read_only_and_logged_with_its_own_reason():
    cast = _cast()
    ids = _referral(cast, "closed")
    carrier = _clients(cast)["carrier"]
    pk = ids["referral"]
    page = _text(carrier.get(reverse("care:referral", args=[pk])))
    assert "alleen nog lezen" in page
    assert "note-text" not in page  # no form to write
    event = AuditEvent.objects.filter(actor=cast["carrier"], resource=f"care.Referral:{pk}").first()
    assert event.reason == f"referral-closed:{pk}"
    notes_read = AuditEvent.objects.filter(
        actor=cast["carrier"], resource=f"care.ConsultationNote:referral-{pk}"
    ).first()
    assert notes_read.reason == f"referral-closed:{pk}"
    before = ConsultationNote.objects.filter(referral_id=pk).count()
    carrier.post(reverse("care:add_note", args=[pk]), {"note-text": "Later nog iets"})
    carrier.post(reverse("care:add_advice", args=[pk]), {"advice-text": "Later advies"})
    assert ConsultationNote.objects.filter(referral_id=pk).count() == before
    assert Referral.objects.get(pk=pk).advice.count() == 1


@pytest.mark.parametrize("stage", STAGES)
def test_no_one_else_moves_or_writes_on_it(stage):
    """Writes by everyone but the carrier and the owner change nothing, in every stage."""
    cast = _cast()
    ids = _referral(cast, stage)
    clients = _clients(cast)
    pk = ids["referral"]
    before = Referral.objects.get(pk=pk)
    notes = ConsultationNote.objects.filter(referral_id=pk).count()
    for account, client in clients.items():
        if account in ("owner", "carrier"):
            continue
        for url, data in (
            (reverse("care:step", args=[pk, "withdraw"]), {}),
            (reverse("care:step", args=[pk, "give-advice"]), {}),
            (reverse("care:add_note", args=[pk]), {"note-text": "x"}),
            (reverse("care:add_advice", args=[pk]), {"advice-text": "x"}),
        ):
            response = client.post(url, data)
            assert not 200 <= response.status_code < 300, (stage, account, url)
            assert response.status_code < 500
            if account not in READERS[stage]:
                assert QUESTION not in _text(response)
        if stage == "pool" and account == "colleague":
            continue  # waiting in the pool: any professional of the provider may accept
        response = client.post(
            f"/api/v1/referrals/{pk}/transitions",
            {"action": "accept"},
            content_type="application/json",
        )
        assert not 200 <= response.status_code < 300, (stage, account)
    after = Referral.objects.get(pk=pk)
    assert (after.state, after.accepted_by_id) == (before.state, before.accepted_by_id)
    assert ConsultationNote.objects.filter(referral_id=pk).count() == notes
