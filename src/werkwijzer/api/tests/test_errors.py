"""Every API error has one shape, also for bodies Django cannot read."""

import pytest
from django.test import Client

from werkwijzer.accounts.testing import force_login_verified, make_user


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/referrals", "/api/v1/records/me/consents"])
def test_a_multipart_body_without_boundary_is_a_clear_400(path):
    # With CSRF checks on (as in a browser), the session login reads the form body first.
    client = Client(enforce_csrf_checks=True)
    force_login_verified(client, make_user("person"))
    client.cookies["csrftoken"] = "a" * 32  # a well-formed cookie: the check goes on to the body
    response = client.generic("POST", path, b"--x\r\n", content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"field": "body", "message": "De gegevens van dit verzoek zijn niet te lezen."}]
    }


@pytest.mark.django_db
def test_unknown_api_paths_answer_in_the_same_shape(client):
    response = client.get("/api/v1/does-not-exist")
    assert response.status_code == 404
