"""The authorisation matrix: every URL of every werkwijzer app and every API operation,
for every role, with ids of objects that belong to someone else and ids that do not exist.

Generated, not listed: URL patterns come from the resolver and API operations from the
OpenAPI document, so the pages of care, questions and any later app are checked as soon
as they are mounted. What is public is an explicit allow-list below (HTML) or the
absence of `security` on an operation (API).

A failure is: a 2xx on someone else's object, anonymous access to a non-public page, a
server error, personal data of the other person in any response, or (for an employer)
any medical field or value in anything they can receive.
"""

from __future__ import annotations

import itertools
import json
import re
import warnings
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern

from werkwijzer.accounts.testing import force_login_verified, make_user

pytestmark = pytest.mark.django_db

# Pages anyone may open, also without an account (by "namespace:name").
PUBLIC_URLS = {
    "core:home",
    "core:about",
    "accounts:login",
    "accounts:logout",
    "accounts:totp_verify",
    "accounts:totp_setup",
    "accounts:recovery",
    "accounts:register",
    "accounts:password_reset",
    "accounts:password_reset_confirm",
    "helpers:list",
    "helpers:detail",
    "navigator:start",
    "navigator:plan",
    "navigator:output",
    "navigator:save",
    "timeline:index",
    "timeline:ics",
    "directory:search",
    "directory:provider",
    "directory:folder",
    "directory:report",
    "directory:signup",
    "search:index",
    "conversation:index",
    "conversation:questions_pdf",
    "conversation:questions_save",
    "conversation:specialist",
    "conversation:specialist_pdf",
    "conversation:keuzehulp",
    "employers:index",
    "employers:template",
    "employers:template_docx",
    "employers:template_pdf",
    "care:index",
    "questions:ask",
    "questions:answer",
    "questions:answer_page",
    "questions:faq",
    "questions:faq_detail",
    "screening:form",
    "outcomes:overview",
    "outcomes:questionnaire",
    "outcomes:dashboard",
    "businesscase:index",
    "businesscase:csv",
    "knowledge:persona",
    "knowledge:glossary",
    # Issue 21: anonymous, rate-limited feedback and contact; the public events catalogue.
    "feedback:answer",
    "feedback:thanks",
    "feedback:contact",
    "feedback:contact_sent",
    "events:list",
    "events:detail",
    "events:ics",
}

# Objects that are not owned by one person but shared by a role's pool of work, so a 2xx
# on an object someone else made is due: (url name, roles).
POOL_ACCESS = {
    # Anyone with an account may start a referral to a (public) directory entry.
    "care:start": {"person", "naaste", "employer", "professional"},
    # Anonymous questions are answered by any BACO/KAG; editors publish them.
    "questions:question": {"professional:baco", "professional:kag"},
    "questions:publish": {"editor"},
    "questions:faq_edit": {"editor"},
    # Intercollegial consultations (without identifying data) are open to every BACO/KAG.
    "questions:consultation": {"professional:baco", "professional:kag"},
    # Any professional may claim any public entry; an editor decides (directory.moderation).
    "directory:claim": {"professional"},
}

PROFESSIONS = [
    "baco",
    "kag",
    "bedrijfsarts",
    "medisch-specialist",
    "verpleegkundige",
    "aya-verpleegkundige",
    "huisarts",
    # Issue 18: the paramedics refer too; the benefits side is consulted and does not.
    "ergotherapeut",
    "fysiotherapeut-oncologie",
    "psycholoog",
    "verzekeringsarts",
    "arbeidsdeskundige",
    "casemanager",
]
ROLES = [
    "anonymous",
    "person",
    "naaste",
    "employer",
    *(f"professional:{p}" for p in PROFESSIONS),
    "editor",
    "expert",
    "privacy_officer",
    "admin",
]

# Strings that only the other person's record holds.
PERSONAL_MARKERS = ["Zzvictimname", "Zzoccupation", "Zzgoal"]
MEDICAL_MARKERS = ["Zzdiagnosis", "Zznote", "Zztreating", "Zzadvice"]
# An employee who has not answered their employer's request (issue 18).
WAITING_EMPLOYEE = "Zzwaitingname"
# Medical field names: any key containing one of the stems, or exactly one of the names.
MEDICAL_FIELD_STEMS = ("diagnos", "treatment", "tumour", "tumor", "behandel")
MEDICAL_FIELD_NAMES = {"notes", "note_text", "consultation_notes", "cancer_type"}
NONEXISTENT = 987654


@dataclass
class World:
    victim: object
    ids: set[int] = field(default_factory=set)
    report_employer: object | None = None
    skipped: list[str] = field(default_factory=list)


def _try(world: World, label: str, make):
    try:
        return make()
    except Exception as error:  # an app's models changed: say so, keep checking the rest
        world.skipped.append(f"{label}: {error!r}")
        return None


def build_world() -> World:
    """Another person's record in every app we know how to fill, with marker strings."""
    from werkwijzer.records import audit, consents
    from werkwijzer.records.models import WorkData

    victim = make_user("person", first_name="Zzvictimname", last_name="Slachtoffer")
    world = World(victim)
    victim_baco = make_user("professional", profession="baco")
    world.report_employer = make_user("employer", organisation="Zzreport werkgever")
    WorkData.objects.create(user=victim, occupation="Zzoccupation", goals="Zzgoal", work_ability=4)
    consents.give(victim, victim_baco, "view-work-data")
    consents.give(victim, victim_baco, "treating-advice")
    audit.record(actor=victim_baco, subject=victim, action="read", resource="x:1", reason="owner")

    def care():
        from werkwijzer.care import models as care
        from werkwijzer.directory.factories import ProviderFactory

        provider = ProviderFactory(kinds=["baco"])
        victim_baco.provider = provider
        victim_baco.save(update_fields=["provider"])
        referral = care.Referral.objects.create(
            person=victim, provider=provider, created_by=victim, question="Zzdiagnosis borst"
        )
        care.ConsultationNote.objects.create(
            referral=referral, author=victim_baco, text="Zznote chemotherapie"
        )
        care.PersonAdvice.objects.create(referral=referral, author=victim_baco, text="Zzadvice")
        # Withdrawn and closed referrals too (issue 18; the relationship matrix per stage
        # is tests/security/test_referral_relationships.py).
        for state in ("withdrawn", "closed"):
            ended = care.Referral.objects.create(
                person=victim, provider=provider, created_by=victim, question="Zzdiagnosis",
                state=state, accepted_by=victim_baco, confirmed_by_person_at="2025-01-01T00:00Z",
            )  # fmt: skip
            care.ConsultationNote.objects.create(referral=ended, author=victim_baco, text="Zznote")
        care.TreatingAdvice.objects.create(
            referral=referral, author=victim_baco, recipient=victim_baco, text="Zztreating"
        )
        report = care.EmployerReport.objects.create(
            referral=referral,
            person=victim,
            employer=world.report_employer,
            author=victim_baco,
            abilities="Kan 4 uur per dag werken",
            limitations="Niet tillen",
            recommendations="Opbouw in 8 weken",
            valid_from="2025-01-01",
        )
        # The report's employer also asked for a BACO for the victim, who agreed (issue
        # 18): its own page and API show the status only, never the question it wrote.
        care.Referral.objects.create(
            person=victim, provider=provider, created_by=world.report_employer,
            question="Zzdiagnosis vraag van de werkgever",
            confirmed_by_person_at="2025-01-01T00:00Z",
        )  # fmt: skip
        # And for an employee who has not answered: nothing of it reaches the employer,
        # not even the name (it would say the address has a person account).
        care.Referral.objects.create(
            person=make_user("person", first_name=WAITING_EMPLOYEE), provider=provider,
            created_by=world.report_employer, question="Zzdiagnosis nog geen antwoord",
        )  # fmt: skip
        # Released on its own (issue 18: a consent per report).
        scope = f"care.EmployerReport:{report.pk}"
        consents.give(victim, world.report_employer, "employer-report", scope)

    _try(world, "care", care)

    def questions():
        from werkwijzer.questions import models as q

        q.Consultation.objects.create(asked_by=victim_baco, subject="Zzoverleg")

    _try(world, "questions", questions)

    def directory():
        from werkwijzer.directory import moderation
        from werkwijzer.directory.factories import ProviderFactory
        from werkwijzer.directory.models import Ownership

        owned = ProviderFactory(kinds=["baco"], name="Eigen vermelding")
        Ownership.objects.create(provider=owned, user=victim_baco)
        moderation.submit_change(victim_baco, owned, {"name": "Zzoccupation"}, "")

    _try(world, "directory", directory)

    def feedback_and_events():
        from werkwijzer.events.models import Event
        from werkwijzer.feedback.models import ContactMessage

        # A message the victim sent: no page of the site may show it (editors read it in
        # /beheer/); an event another provider keeps: only its owners change it.
        ContactMessage.objects.create(name="Zzvictimname", message="Zzgoal", email="v@example.org")
        Event.objects.create(
            title="Bijeenkomst", kind="group", summary="Over werk", starts_at="2031-01-01T19:00Z",
            ends_at="2031-01-01T21:00Z", city="Utrecht", audiences=["werkende"], costs="Gratis",
            organiser="Iemand", provider=victim_baco.provider,
        )  # fmt: skip

    _try(world, "feedback and events", feedback_and_events)

    # Every pk of every werkwijzer object that now exists belongs to someone else.
    for model in apps.get_models():
        if model.__module__.startswith("werkwijzer.") and model._meta.pk.get_internal_type() in (
            "AutoField",
            "BigAutoField",
        ):
            world.ids.update(model.objects.values_list("pk", flat=True)[:20])
    return world


def clients() -> dict[str, Client]:
    result = {"anonymous": Client()}
    for role in ROLES[1:]:
        name, _, profession = role.partition(":")
        user = make_user(name, profession=profession) if profession else make_user(name)
        client = Client()
        force_login_verified(client, user)
        result[role] = client
    return result


@dataclass(frozen=True)
class Target:
    name: str
    urls: tuple[str, ...]
    has_object: bool


def _walk(patterns, namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            module = getattr(entry.callback, "__module__", "")
            if module.startswith("werkwijzer.") and entry.name:
                yield namespace, entry


def _values(kind: str, ids: list[int]) -> list:
    if kind in ("int", "IntConverter"):
        return [*ids, NONEXISTENT]
    return ["onbekend-zz"]


def url_targets(ids: set[int]) -> list[Target]:
    sample = sorted(ids)[:6]
    targets = []
    for namespace, pattern in _walk(get_resolver().url_patterns):
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        if isinstance(pattern.pattern, RegexPattern):
            groups = re.findall(r"\(\?P<(\w+)>([^)]*)\)", pattern.pattern._regex)
            params = {g: [alt.split("|")[0]] for g, alt in groups}
        else:
            params = {
                key: _values(type(conv).__name__.replace("Converter", "").lower(), sample)
                for key, conv in pattern.pattern.converters.items()
            }
        urls = []
        keys = list(params)
        for combo in itertools.product(*(params[k] for k in keys)):
            try:
                urls.append(reverse(name, kwargs=dict(zip(keys, combo, strict=True))))
            except Exception:
                continue
        if name in PUBLIC_URLS and len(urls) > 2:
            urls = urls[-2:]  # public: only check for server errors; keep it short
        if urls:
            targets.append(Target(name, tuple(urls), any(k != "slug" for k in keys) and bool(keys)))
    return targets


def _role_allowed(name: str, role: str) -> bool:
    allowed = POOL_ACCESS.get(name, set())
    return role in allowed or role.split(":")[0] in allowed


def _check_body(response, forbidden: list[str]) -> list[str]:
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", errors="ignore")
    return [marker for marker in forbidden if marker in text]


def test_authorisation_matrix():
    world = build_world()
    for note in world.skipped:
        warnings.warn(f"authorisation matrix: could not fill {note}", stacklevel=1)
    by_role = clients()
    failures: list[str] = []
    targets = url_targets(world.ids)
    assert len(targets) > 40, "the resolver walk found too few URLs"

    for target in targets:
        public = target.name in PUBLIC_URLS
        roles = ["anonymous", "person"] if public else ROLES
        for role in roles:
            client = by_role[role]
            for url in target.urls:
                response = client.get(url)
                status = response.status_code
                where = f"{role} GET {url} ({target.name}) -> {status}"
                if status >= 500:
                    failures.append(f"server error: {where}")
                    continue
                ok = 200 <= status < 300
                if ok and not public and role == "anonymous":
                    failures.append(f"anonymous got a private page: {where}")
                if ok and not public and target.has_object and not _role_allowed(target.name, role):
                    failures.append(f"access to someone else's object: {where}")
                if ok and (found := _check_body(response, PERSONAL_MARKERS + MEDICAL_MARKERS)):
                    failures.append(f"someone else's data {found}: {where}")
            # Guessing ids in a form body (the owner is implicit in our URLs).
            if not public and role != "anonymous" and not target.has_object:
                for pk in sorted(world.ids)[:3]:
                    response = client.post(
                        target.urls[0], {"consent": pk, "pk": pk, "id": pk, "referral": pk}
                    )
                    if response.status_code >= 500:
                        failures.append(f"server error: {role} POST {target.urls[0]}")

    failures += _api_matrix(by_role, world)
    assert not failures, "\n".join(sorted(set(failures))[:80])

    # The owner does get in: the matrix is not passing because everything is closed.
    owner = Client()
    force_login_verified(owner, world.victim)
    page = owner.get(reverse("records:work_data"))
    assert page.status_code == 200 and "Zzoccupation" in page.content.decode()


def _api_operations(client: Client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            params = [p for p in operation.get("parameters", []) if p.get("in") == "path"]
            yield path, method, params, bool(operation.get("security"))


def _fill(path: str, params, ids: list[int]) -> list[str]:
    if not params:
        return [path]
    urls = []
    for param in params:
        kind = param.get("schema", {}).get("type")
        values = [*ids, NONEXISTENT] if kind == "integer" else ["onbekend-zz"]
        urls += [path.replace("{" + param["name"] + "}", str(value)) for value in values]
    return urls


def _api_matrix(by_role: dict[str, Client], world: World) -> list[str]:
    failures = []
    sample = sorted(world.ids)[:6]
    operations = list(_api_operations(by_role["anonymous"]))
    assert any(path.startswith("/api/v1/records/") for path, *_ in operations)
    for path, method, params, secured in operations:
        if not secured and method != "get":
            continue  # public writes are fuzzed by schemathesis
        roles = ROLES if secured else ["anonymous"]
        for role in roles:
            client = by_role[role]
            for url in _fill(path, params, sample):
                if method == "get":
                    response = client.get(url)
                else:
                    response = getattr(client, method)(url, "{}", content_type="application/json")
                status = response.status_code
                where = f"{role} {method.upper()} {url} -> {status}"
                if status >= 500:
                    failures.append(f"server error: {where}")
                ok = 200 <= status < 300
                if ok and secured and role == "anonymous":
                    failures.append(f"anonymous got a secured operation: {where}")
                if ok and params and secured:
                    failures.append(f"access to someone else's object: {where}")
                if ok and (found := _check_body(response, PERSONAL_MARKERS + MEDICAL_MARKERS)):
                    failures.append(f"someone else's data {found}: {where}")
    return failures


def _medical_keys(value, path="") -> list[str]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            lowered = key.lower()
            if lowered in MEDICAL_FIELD_NAMES or any(s in lowered for s in MEDICAL_FIELD_STEMS):
                found.append(f"{path}.{key}")
            found += _medical_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            found += _medical_keys(item, path)
    return found


AGREED = re.compile(r'care-request--agreed|"status": ?"agreed"')


def test_an_employer_never_receives_medical_fields():
    """Walk every GET page and API operation as an employer, also one whom a report was
    released to, with every id: no medical field name (JSON) or value (anywhere)."""
    world = build_world()
    plain = Client()
    force_login_verified(plain, make_user("employer"))
    released = Client()
    force_login_verified(released, world.report_employer)
    failures = []
    sample = sorted(world.ids)[:6]
    urls = [url for target in url_targets(world.ids) for url in target.urls]
    urls += [
        url
        for path, method, params, _secured in _api_operations(plain)
        if method == "get"
        for url in _fill(path, params, sample)
    ]
    seen_report = seen_request = False
    for client in (plain, released):
        for url in urls:
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"server error: employer GET {url}")
                continue
            if not 200 <= response.status_code < 300:
                continue
            forbidden = MEDICAL_MARKERS + PERSONAL_MARKERS[1:] + [WAITING_EMPLOYEE]
            if found := _check_body(response, forbidden):
                failures.append(f"medical or personal value {found}: employer GET {url}")
            if "json" in response.get("Content-Type", ""):
                try:
                    keys = _medical_keys(json.loads(response.content))
                except ValueError:
                    keys = []
                if keys and not url.startswith("/api/v1/openapi"):
                    failures.append(f"medical field names {keys[:5]}: employer GET {url}")
            if client is released and "Opbouw in 8 weken" in response.content.decode(
                errors="ignore"
            ):
                seen_report = True
            if client is released and AGREED.search(response.content.decode(errors="ignore")):
                seen_request = True
    assert not failures, "\n".join(failures[:50])
    if not any(note.startswith("care") for note in world.skipped):
        assert seen_report, "the released employer report was not reachable: the walk is blind"
        assert seen_request, "the employer's answered request was not reachable: the walk is blind"


def test_a_professional_changes_only_entries_they_own():
    """The directory's owner pages (issue 17): the owner gets in, every other account
    (another professional, an editor, an admin) gets no 2xx, reading or writing, and no
    proposal is made for them."""
    from werkwijzer.directory.factories import ProviderFactory
    from werkwijzer.directory.models import Ownership, Postcode, Proposal

    Postcode.objects.create(pc4="3511", lat=52.09, lon=5.12, municipality="Utrecht")
    owner = make_user("professional", profession="baco")
    entry = ProviderFactory(kinds=["baco"], name="Eigen vermelding")
    Ownership.objects.create(provider=entry, user=owner)
    pending = Proposal.objects.create(kind="claim", provider=entry, proposed_by=owner)
    edit = reverse("directory:edit", args=[entry.pk])
    withdraw = reverse("directory:withdraw", args=[pending.pk])
    form = {"name": "Overgenomen", "kinds": ["baco"], "work_setting": "own-practice"}
    form |= {"postcode": entry.postcode}
    by_role = clients()
    failures = []
    for role, client in by_role.items():
        for method, url, data in (
            ("get", edit, None),
            ("post", edit, form),
            ("post", withdraw, {}),
        ):
            response = getattr(client, method)(url, data) if data is not None else client.get(url)
            if 200 <= response.status_code < 300 or response.status_code >= 500:
                failures.append(f"{role} {method.upper()} {url} -> {response.status_code}")
    assert not failures, "\n".join(failures)
    assert Proposal.objects.filter(kind="change").count() == 0
    entry.refresh_from_db()
    assert entry.name == "Eigen vermelding"
    assert Proposal.objects.get(pk=pending.pk).status == "pending"

    mine = Client()
    force_login_verified(mine, owner)
    assert mine.get(edit).status_code == 200
    assert mine.post(edit, form).status_code == 302
    assert Proposal.objects.filter(kind="change", proposed_by=owner).count() == 1
