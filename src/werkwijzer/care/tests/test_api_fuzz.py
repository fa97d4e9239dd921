"""Fuzz the zorgpad API as logged-in users (schemathesis): never a server error.

The project-wide fuzz test calls every endpoint anonymously; here a person and a BACO
with real referrals send the generated requests, so the code behind the login runs too.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings

from werkwijzer.accounts.testing import force_login_verified
from werkwijzer.care import services
from werkwijzer.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(
    path_regex=r"^/api/v1/(referrals|employer-reports)"
)


CSRF_TOKEN = "a" * 32


def _session_cookies(user) -> dict[str, str]:
    client = Client()
    force_login_verified(client, user)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_TOKEN}


@pytest.mark.fuzz
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_no_server_errors_when_logged_in(case, person, baco, provider, wsgi_keeps_test_connection):
    referral = services.create_referral(actor=person, provider=provider, question="Vraag")
    for user in (person, baco):
        case.cookies = {**(case.cookies or {}), **_session_cookies(user)}
        response = case.call(headers={"X-CSRFToken": CSRF_TOKEN})
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path}: {response.text[:500]}"
        )
        if case.method == "GET" and case.path == "/api/v1/referrals":
            assert response.status_code == 200  # the session is really logged in
    assert referral.pk
