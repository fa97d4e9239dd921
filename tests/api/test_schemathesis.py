"""Fuzz every API endpoint from its OpenAPI document: no input may cause a server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from werkwijzer.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.mark.fuzz
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_no_server_errors(case, helper_catalogue, wsgi_keeps_test_connection):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:500]}"
