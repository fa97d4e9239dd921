"""Twenty professionals accept the same referral at the same moment: exactly one wins."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from werkwijzer.accounts.testing import make_user
from werkwijzer.care import services
from werkwijzer.care.models import Referral
from werkwijzer.core.errors import Refusal
from werkwijzer.directory.factories import ProviderFactory

THREADS = 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_professionals_accept_at_once_exactly_one_wins():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SELECT ... FOR UPDATE); SQLite has none")
    provider = ProviderFactory(kinds=["baco"])
    person = make_user("person")
    professionals = [
        make_user("professional", profession="baco", provider=provider) for _ in range(THREADS)
    ]
    referral = services.create_referral(actor=person, provider=provider, question="Hulp nodig")
    barrier = threading.Barrier(THREADS)
    results: dict[int, str] = {}

    def accept(user):
        try:
            barrier.wait(timeout=30)
            services.transition(user, referral.pk, "accept")
            results[user.pk] = "won"
        except Refusal as error:
            results[user.pk] = str(error.message)
        except Exception as error:  # pragma: no cover - shows up in the assertion
            results[user.pk] = f"error: {error!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(user,)) for user in professionals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(results) == THREADS
    winners = [pk for pk, result in results.items() if result == "won"]
    assert len(winners) == 1, results
    losers = {result for result in results.values() if result != "won"}
    assert losers == {"Deze verwijzing is al geaccepteerd door een collega."}
    referral = Referral.objects.get(pk=referral.pk)
    assert referral.state == "accepted" and referral.accepted_by_id == winners[0]
