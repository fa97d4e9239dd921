"""Twenty releases and withdrawals of one employer report at the same moment (issue 18):
they run one after the other (the report row is locked), so the report ends in one
consistent state: at most one active consent for it, every consent but the last one
withdrawn, the employer's view agreeing with it, one audit event per real change and an
audit chain that still verifies."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from werkwijzer.accounts.testing import make_user
from werkwijzer.care import services
from werkwijzer.core import access
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.records import audit
from werkwijzer.records.models import AuditEvent, Consent

THREADS = 20


def _report():
    provider = ProviderFactory(kinds=["baco"])
    person = make_user("person")
    baco = make_user("professional", profession="baco", provider=provider)
    employer = make_user("employer")
    referral = services.create_referral(actor=person, provider=provider, question="Opbouw")
    services.transition(baco, referral.pk, "accept")
    report = services.add_employer_report(
        baco,
        referral.pk,
        employer_email=employer.email,
        abilities="Halve dagen",
        limitations="Niet tillen",
        recommendations="Opbouw",
        valid_from=dt.date(2026, 12, 1),
    )
    services.get_employer_report(person, report.pk)  # read: it may be released now
    return person, employer, report


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_releases_and_withdrawals_at_once_end_consistent():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SELECT ... FOR UPDATE); SQLite has none")
    person, employer, report = _report()
    scope = access.report_scope(report)
    events_before = AuditEvent.objects.count()
    barrier = threading.Barrier(THREADS)
    errors: list[str] = []

    def act(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            if number % 2:
                services.release_report(person, report.pk)
            else:
                services.withhold_report(person, report.pk)
        except Exception as error:  # pragma: no cover - shows up in the assertion
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)

    assert errors == []
    rows = list(Consent.objects.filter(owner=person, scope=scope).order_by("given_at", "pk"))
    active = [row for row in rows if row.withdrawn_at is None]
    assert len(active) <= 1
    assert rows, "no release got through: the test did not race"
    assert all(row.withdrawn_at is not None for row in rows[:-1])  # only the last may live
    released = services.is_released(report)
    assert released == bool(active)
    assert (report in services.released_reports(employer)) is released
    # Each real change is audited once: a consent given (create) or withdrawn (update);
    # a release of a released report or a withdrawal of a hidden one changes nothing.
    changes = AuditEvent.objects.filter(resource__in=[f"records.Consent:{r.pk}" for r in rows])
    given = changes.filter(action="create").count()
    withdrawn = changes.filter(action="update").count()
    assert given == len(rows)
    assert withdrawn == len(rows) - len(active)
    assert AuditEvent.objects.count() >= events_before + given + withdrawn
    assert audit.verify_chain(write_anchor=False).intact
