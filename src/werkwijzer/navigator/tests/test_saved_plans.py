"""Saved plans in Mijn Werkwijzer (accounts/zorgpad work, issue 6)."""

import pytest
from django.test import RequestFactory

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.navigator import mijn_werkwijzer
from werkwijzer.navigator.models import SavedPlan
from werkwijzer.navigator.tests.test_api import SITUATION

pytestmark = pytest.mark.usefixtures("helper_catalogue")


def form_data(**changes):
    data = {**SITUATION, **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_plan_page_offers_saving_only_when_logged_in(client):
    anonymous = client.post("/wegwijzer/plan/", form_data()).content.decode()
    assert 'action="/wegwijzer/plan/bewaren/"' not in anonymous
    assert "/inloggen/" in anonymous
    force_login_verified(client, make_user("person"))
    logged_in = client.post("/wegwijzer/plan/", form_data()).content.decode()
    assert 'action="/wegwijzer/plan/bewaren/"' in logged_in


def test_save_reopen_and_delete(client):
    user = make_user("person")
    force_login_verified(client, user)
    response = client.post("/wegwijzer/plan/bewaren/", form_data(), follow=True)
    saved = SavedPlan.objects.get(owner=user)
    assert saved.situation["role"] == SITUATION["role"]
    assert response.redirect_chain[-1][0] == f"/wegwijzer/bewaarde-plannen/{saved.pk}/"
    assert response.status_code == 200
    html = response.content.decode()
    assert saved.title in html
    assert 'action="/wegwijzer/plan/bewaren/"' not in html  # already saved

    listing = client.get("/wegwijzer/bewaarde-plannen/").content.decode()
    assert saved.title in listing
    assert client.get(f"/wegwijzer/bewaarde-plannen/{saved.pk}/verwijderen/").status_code == 405
    client.post(f"/wegwijzer/bewaarde-plannen/{saved.pk}/verwijderen/")
    assert not SavedPlan.objects.exists()


def test_saving_needs_login_and_post(client):
    response = client.post("/wegwijzer/plan/bewaren/", form_data())
    assert response.status_code == 302 and response.url.startswith("/inloggen/")
    force_login_verified(client, make_user("person"))
    assert client.get("/wegwijzer/plan/bewaren/").status_code == 405
    assert not SavedPlan.objects.exists()


def test_saving_needs_csrf():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    force_login_verified(client, make_user("person"))
    assert client.post("/wegwijzer/plan/bewaren/", form_data()).status_code == 403


def test_bad_input_is_not_saved_and_no_server_error(client):
    force_login_verified(client, make_user("person"))
    response = client.post("/wegwijzer/plan/bewaren/", {"age": "x" * 1000})
    assert response.status_code == 302 and response.url == "/wegwijzer/"
    assert not SavedPlan.objects.exists()


def test_someone_elses_plan_is_not_found(client):
    owner = make_user("person")
    plan = SavedPlan.objects.create(owner=owner, title="Mijn plan", situation=dict(SITUATION))
    force_login_verified(client, make_user("person"))
    assert client.get(f"/wegwijzer/bewaarde-plannen/{plan.pk}/").status_code == 404
    assert client.post(f"/wegwijzer/bewaarde-plannen/{plan.pk}/verwijderen/").status_code == 404
    assert SavedPlan.objects.filter(pk=plan.pk).exists()
    assert "Mijn plan" not in client.get("/wegwijzer/bewaarde-plannen/").content.decode()


def test_a_saved_plan_that_no_longer_fits_redirects_with_a_message(client):
    user = make_user("person")
    plan = SavedPlan.objects.create(owner=user, title="Oud", situation={"role": "gone"})
    force_login_verified(client, user)
    response = client.get(f"/wegwijzer/bewaarde-plannen/{plan.pk}/")
    assert response.status_code == 302 and response.url == "/wegwijzer/bewaarde-plannen/"


def test_mijn_werkwijzer_section_lists_own_plans_only():
    user, other = make_user("person"), make_user("person")
    SavedPlan.objects.create(owner=user, title="Eigen plan", situation=dict(SITUATION))
    SavedPlan.objects.create(owner=other, title="Ander plan", situation=dict(SITUATION))
    request = RequestFactory().get("/mijn-werkwijzer/")
    request.user = user
    section = mijn_werkwijzer.section(request)
    assert [plan.title for plan in section["context"]["saved_plans"]] == ["Eigen plan"]
    assert section["template"] == "navigator/_saved_plans_section.html"
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert mijn_werkwijzer.section(request) is None
