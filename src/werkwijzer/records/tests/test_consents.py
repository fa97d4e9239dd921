import pytest
from django.contrib.auth import get_user_model

from werkwijzer.records import consents
from werkwijzer.records.models import AuditEvent, Consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return get_user_model().objects.create_user("anna", "anna@example.org", "x", role="person")


@pytest.fixture
def baco():
    return get_user_model().objects.create_user(
        "bas", "bas@example.org", "x", role="professional", profession="baco"
    )


def test_purposes_are_the_contract_values():
    assert set(Consent.Purpose.values) == {
        "view-work-data",
        "treating-advice",
        "employer-report",
        "research",
    }


def test_give_allows_and_withdraw_stops_at_once(person, baco):
    assert not consents.allows(person, baco, Consent.Purpose.VIEW_WORK_DATA)
    consent = consents.give(person, baco, Consent.Purpose.VIEW_WORK_DATA)
    assert consents.allows(person, baco, "view-work-data")
    assert not consents.allows(person, baco, "employer-report")
    consents.withdraw(consent, actor=person)
    assert not consents.allows(person, baco, "view-work-data")


def test_give_twice_keeps_one_active_consent(person, baco):
    first = consents.give(person, baco, "treating-advice")
    second = consents.give(person, baco, "treating-advice")
    assert first.pk == second.pk
    assert Consent.objects.active().count() == 1


def test_give_and_withdraw_are_audited(person, baco):
    consent = consents.give(person, baco, "view-work-data")
    consents.withdraw(consent, actor=person)
    consents.withdraw(consent, actor=person)
    actions = list(AuditEvent.objects.order_by("sequence").values_list("action", "resource"))
    label = f"records.Consent:{consent.pk}"
    assert actions == [("create", label), ("update", label)]


def test_research_consent_has_no_recipient(person):
    assert not consents.allows(person, None, "research")
    consents.give(person, None, "research")
    assert consents.allows(person, None, "research")


def test_anonymous_owner_never_allows(baco):
    from django.contrib.auth.models import AnonymousUser

    assert not consents.allows(AnonymousUser(), baco, "view-work-data")


def test_only_professionals_see_work_data_even_with_a_consent(person, baco):
    from werkwijzer.core.errors import NotFound
    from werkwijzer.records import services
    from werkwijzer.records.models import WorkData

    employer = get_user_model().objects.create_user(
        "werkgever", "w@example.org", "x", role="employer"
    )
    WorkData.objects.create(user=person, occupation="Kok")
    consents.give(person, employer, "view-work-data")  # not possible on the page; still refused
    with pytest.raises(NotFound):
        services.work_data_for(employer, person)
    consent = consents.give(person, baco, "view-work-data")
    assert services.work_data_for(baco, person).occupation == "Kok"
    assert AuditEvent.objects.filter(actor=baco).get().reason == f"consent:{consent.pk}"
