"""The access policy (core.access, core.roles) and the domain-error mapping (core.errors)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils import timezone, translation

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core import access, errors, roles
from werkwijzer.records import consents
from werkwijzer.records.models import Consent

pytestmark = pytest.mark.django_db


@dataclass
class FakeReferral:
    pk: int
    person_id: int
    provider_id: int
    is_confirmed: bool = True
    is_open: bool = True
    is_withdrawn: bool = False
    awaits_a_professional: bool = False
    handled_by_id: int | None = None
    ended_at: dt.datetime | None = None


def _ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def _request(user, path: str = "/x/") -> HttpRequest:
    request = RequestFactory().get(path)
    request.user = user
    return request


# --- roles --------------------------------------------------------------------------------


def test_roles_fail_closed_for_visitors_and_inactive_accounts():
    visitor = AnonymousUser()
    for check in (roles.is_person, roles.is_professional, roles.is_editor, roles.is_employer):
        assert not check(visitor) and not check(None)
    assert not roles.is_professional(make_user("professional", is_active=False))
    assert roles.role_of(make_user("employer")) == "employer"


def test_editor_baco_kag_and_second_factor_roles():
    assert roles.is_editor(make_user("editor")) and roles.is_editor(make_user("admin"))
    assert roles.is_editor(make_user("person", is_superuser=True))
    assert not roles.is_editor(make_user("expert"))
    assert roles.is_baco_or_kag(make_user("professional", profession="kag"))
    assert not roles.is_baco_or_kag(make_user("professional", profession="huisarts"))
    assert not roles.is_baco_or_kag(make_user("person", profession="baco"))
    assert roles.needs_second_factor(make_user("expert"))
    assert roles.needs_second_factor(make_user("person", is_staff=True))
    assert not roles.needs_second_factor(make_user("person"))


def test_user_model_properties_ask_core_roles():
    baco = make_user("professional", profession="baco")
    assert baco.is_professional and baco.is_baco_or_kag
    assert not make_user("employer").is_professional


# --- consents -----------------------------------------------------------------------------


def test_consent_purposes_match_the_records_app():
    assert set(access.CONSENT_RECIPIENTS) == set(Consent.Purpose.values)


def test_a_consent_counts_only_for_the_kind_of_account_its_purpose_is_for():
    person, baco, employer = make_user("person"), make_user("professional"), make_user("employer")
    consents.give(person, employer, "view-work-data")
    consents.give(person, baco, "employer-report")
    assert access.consent_for(person, employer, "view-work-data") is None
    assert access.consent_for(person, baco, "employer-report") is None
    given = consents.give(person, baco, "view-work-data")
    assert access.consent_reason(person, baco, "view-work-data") == f"consent:{given.pk}"
    consents.withdraw(given, actor=person)
    assert access.consent_for(person, baco, "view-work-data") is None  # at once


def test_research_consent_has_no_recipient_and_unknown_purposes_grant_nothing():
    person, baco = make_user("person"), make_user("professional")
    consents.give(person, None, "research")
    assert access.allows_research_use(person)
    assert not access.has_consent(person, baco, "research")
    assert not access.has_consent(person, None, "view-work-data")
    assert not access.has_consent(person, baco, "everything")
    assert not access.allows_research_use(AnonymousUser())


def test_without_the_records_app_no_consent_grants_anything(monkeypatch):
    person, baco = make_user("person"), make_user("professional")
    consents.give(person, baco, "view-work-data")
    monkeypatch.setattr(access, "_consent_sources", [])
    assert access.consent_for(person, baco, "view-work-data") is None


# --- object rules -------------------------------------------------------------------------


def test_referral_reason_person_and_provider_professional_after_confirmation():
    person = make_user("person")
    pro = make_user("professional", profession="baco")
    pro.provider_id = 7  # only the id is read; no directory entry needed
    referral = FakeReferral(pk=3, person_id=person.pk, provider_id=7, handled_by_id=pro.pk)
    assert access.referral_reason(person, referral) == "owner"
    assert access.referral_reason(pro, referral) == "referral:3"
    assert access.referral_reason(pro, FakeReferral(3, person.pk, 7, is_confirmed=False)) is None
    assert access.referral_reason(pro, FakeReferral(3, person.pk, 8)) is None
    employer = make_user("employer")
    employer.provider_id = 7
    assert access.referral_reason(employer, referral) is None
    assert access.referral_reason(AnonymousUser(), referral) is None


def test_work_data_reason_owner_open_referral_or_professional_consent():
    person = make_user("person")
    pro = make_user("professional", profession="baco")
    pro.provider_id = 7
    open_referral = FakeReferral(pk=3, person_id=person.pk, provider_id=7, handled_by_id=pro.pk)
    closed = FakeReferral(
        pk=3, person_id=person.pk, provider_id=7, is_open=False, handled_by_id=pro.pk
    )
    assert access.work_data_reason(person, person) == "owner"
    assert access.work_data_reason(pro, person, referral=open_referral) == "referral:3"
    assert access.work_data_reason(pro, person, referral=closed) is None
    someone_else = make_user("person")
    assert access.work_data_reason(pro, someone_else, referral=open_referral) is None
    given = consents.give(person, pro, "view-work-data")
    assert access.work_data_reason(pro, person, referral=closed) == f"consent:{given.pk}"
    employer = make_user("employer")
    consents.give(person, employer, "view-work-data")
    assert access.work_data_reason(employer, person) is None
    assert access.work_data_reason(AnonymousUser(), person) is None


def test_care_relation_pool_carrier_archive(settings):
    """Issue 18: the pool sees a referral waiting to be taken on, then only its carrier;
    nobody after withdrawal; its handler read-only during the retention period."""
    settings.WERKWIJZER_CARE_RETENTION_DAYS = 30
    carrier, colleague = make_user("professional", profession="baco"), make_user("professional")
    carrier.provider_id = colleague.provider_id = 7
    now = timezone.now()

    def referral(**fields):
        return FakeReferral(pk=3, person_id=-1, provider_id=7, **fields)

    waiting = referral(awaits_a_professional=True)
    assert access.care_relation(colleague, waiting) == access.POOL
    in_care = referral(handled_by_id=carrier.pk)
    assert access.care_relation(carrier, in_care) == access.CARRIER
    assert access.care_relation(colleague, in_care) is None
    ended = dict(is_open=False, handled_by_id=carrier.pk)
    closed = referral(ended_at=now - dt.timedelta(days=29), **ended)
    assert access.care_relation(carrier, closed) == access.ARCHIVE
    assert access.referral_reason(carrier, closed) == "referral-closed:3"
    assert access.care_relation(colleague, closed) is None
    assert access.work_data_reason(carrier, make_user("person"), referral=closed) is None
    expired = referral(ended_at=now - dt.timedelta(days=31), **ended)
    assert access.care_relation(carrier, expired, now=now) is None
    withdrawn = referral(is_withdrawn=True, handled_by_id=carrier.pk, is_open=False)
    assert access.care_relation(carrier, withdrawn) is None
    assert (
        access.care_relation(carrier, referral(is_confirmed=False, handled_by_id=carrier.pk))
        is None
    )


def test_consultations_visible_to():
    assert access.consultations_visible_to(make_user("person")) is None
    huisarts = make_user("professional", profession="huisarts")
    assert "provider__isnull" not in str(access.consultations_visible_to(huisarts))
    baco = make_user("professional", profession="baco")
    assert "provider__isnull" in str(access.consultations_visible_to(baco))


def test_research_export_needs_the_permission():
    user = make_user("person")
    assert not access.can_export_research(user)
    user.user_permissions.add(Permission.objects.get(codename="export_research"))
    user = type(user).objects.get(pk=user.pk)  # permissions are cached per instance
    assert access.can_export_research(user)
    assert not access.can_export_research(AnonymousUser())


# --- the page guard -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profession", "refers"),
    [
        ("baco", True),
        ("kag", True),
        ("bedrijfsarts", True),
        ("medisch-specialist", True),
        ("verpleegkundige", True),
        ("aya-verpleegkundige", True),
        ("huisarts", True),
        ("ergotherapeut", True),
        ("fysiotherapeut-oncologie", True),
        ("psycholoog", True),
        ("verzekeringsarts", False),
        ("arbeidsdeskundige", False),
        ("casemanager", False),
        ("", False),
    ],
)
def test_may_refer_a_person_per_profession(profession, refers):
    """Issue 18: treating professionals (also the paramedics), the own bedrijfsarts and
    the BACO/KAG refer; the professionals of the benefits side are consulted, not referring."""
    user = make_user("professional", profession=profession)
    assert roles.may_refer_a_person(user) is refers
    assert access.REFERRER.allows(user) is refers


def test_every_profession_is_either_referring_or_not_on_purpose():
    from werkwijzer.accounts.models import User

    consulted = {"verzekeringsarts", "arbeidsdeskundige", "casemanager"}
    assert set(User.Profession.values) == roles.REFERRING_PROFESSIONS | consulted


def test_referrer_rule_person_and_employer_not_others():
    for role in ("person", "employer"):
        assert access.REFERRER.allows(make_user(role))
    assert not roles.may_refer_a_person(make_user("employer", profession="huisarts"))
    for role in ("naaste", "editor", "expert", "privacy_officer", "admin"):
        assert not access.REFERRER.allows(make_user(role))
    assert not access.REFERRER.allows(AnonymousUser())
    assert not access.REFERRER.allows(make_user("professional", profession="baco", is_active=False))


def test_referrer_403_page_names_who_may_in_dutch():
    view = access.guard(access.REFERRER)(_ok)
    with translation.override("nl"):
        response = view(_request(make_user("professional", profession="verzekeringsarts")))
    assert response.status_code == 403
    assert "Behandelaars, bedrijfsartsen, BACO&#x27;s en KAG&#x27;s" in response.content.decode()


def test_guard_logs_in_first_then_403_for_other_roles():
    view = access.guard(access.any_of(access.PROFESSIONAL, access.EDITOR))(_ok)
    assert view.access_rule.name == "professional|editor"
    response = view(_request(AnonymousUser()))
    assert response.status_code == 302 and response.url.startswith("/inloggen/?next=/x/")
    response = view(_request(make_user("person")))
    assert response.status_code == 403 and "Professional" in response.content.decode()
    assert view(_request(make_user("editor"))).status_code == 200
    assert view(_request(make_user("professional", is_active=False))).status_code == 403


def test_guard_403_page_is_dutch():
    view = access.guard(access.PROFESSIONAL)(_ok)
    with translation.override("nl"):
        response = view(_request(make_user("person")))
    assert "Geen toegang" in response.content.decode()


def test_own_data_rule_lets_visitors_in():
    view = access.guard(access.OWN_DATA)(_ok)
    assert view(_request(AnonymousUser())).status_code == 200


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (errors.NotFound(), 404),
        (errors.AccessDenied("no"), 403),
        (errors.Conflict("later"), 409),
        (errors.Invalid("wrong", field="x"), 422),
    ],
)
def test_guard_maps_domain_errors_to_the_error_pages(error, status):
    def view(request: HttpRequest) -> HttpResponse:
        raise error

    response = access.guard(access.ANY_ACCOUNT)(view)(_request(make_user("person")))
    assert response.status_code == status
    assert errors.http_status(error) == status


def test_public_needs_a_reason():
    assert access.public("published content")(_ok).access_public == "published content"
    with pytest.raises(ValueError):
        access.public("  ")


# --- the API guard ------------------------------------------------------------------------


def test_api_guard_401_without_login_403_for_other_roles():
    guard = access.api_guard(access.PERSON, "Only a person.")
    assert guard.authenticate(_request(AnonymousUser()), None) is None
    with pytest.raises(errors.AccessDenied) as refused:
        guard.authenticate(_request(make_user("employer")), None)
    assert refused.value.message == "Only a person."
    person = make_user("person")
    assert guard.authenticate(_request(person), None) == person


def test_api_maps_domain_errors(client):
    assert client.get("/api/v1/referrals/999999").status_code == 401  # no login
    force_login_verified(client, make_user("employer"))
    response = client.get("/api/v1/referrals/999999")  # the service raises NotFound
    assert response.status_code == 404
    assert response.json() == {"errors": [{"field": "", "message": "Niet gevonden."}]}
    response = client.get("/api/v1/records/me/work-data")  # the router's guard refuses
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"].startswith("Alleen")


# The Dutch of every 403 label. A label with a variable context is never extracted by
# makemessages and stays English: this catches it ("Professional" is Dutch too).
DUTCH_WHO = {
    "PERSON": ("Persoon (met of na kanker)",),
    "EMPLOYER": ("Werkgever",),
    "PROFESSIONAL": ("Professional",),
    "BACO_OR_KAG": ("BACO's en KAG's",),
    "REFERRING_PROFESSIONAL": ("Behandelaars, bedrijfsartsen, BACO's en KAG's",),
    "REFERRER": (
        "Persoon (met of na kanker)",
        "Werkgever",
        "Behandelaars, bedrijfsartsen, BACO's en KAG's",
    ),
    "EDITOR": ("Redacteuren",),
    "PRIVACY_OFFICER": ("Privacyfunctionaris",),
}


def test_every_403_label_is_in_dutch():
    labelled = {
        name: rule
        for name, rule in vars(access).items()
        if isinstance(rule, access.Rule) and rule.who and name.isupper()
    }
    assert set(labelled) == set(DUTCH_WHO)
    with translation.override("nl"):
        dutch = {name: tuple(str(label) for label in rule.who) for name, rule in labelled.items()}
    assert dutch == DUTCH_WHO


def test_403_page_lists_the_labels_in_dutch():
    view = access.guard(access.any_of(access.EMPLOYER, access.EDITOR, access.PRIVACY_OFFICER))(_ok)
    with translation.override("nl"):
        response = view(_request(make_user("person")))
    assert "Werkgever, Redacteuren, Privacyfunctionaris" in response.content.decode()
