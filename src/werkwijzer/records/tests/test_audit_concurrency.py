"""Appends from many connections at once keep one unbroken chain (PostgreSQL row lock)."""

import threading

import pytest
from django.db import connection, connections

from werkwijzer.accounts.testing import make_user
from werkwijzer.records import audit
from werkwijzer.records.models import AuditEvent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_concurrent_appends_keep_the_chain_intact():
    person = make_user("person")
    errors = []
    barrier = threading.Barrier(8)

    def append():
        try:
            barrier.wait()
            for _ in range(5):
                audit.record(
                    actor=person, subject=person, action="read", resource="x:1", reason="owner"
                )
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, 41))
    assert audit.verify().intact
