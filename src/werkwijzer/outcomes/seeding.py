"""Demo data: a synthetic population, so the dashboard shows something after `make run`.

`werkwijzer seed` makes 2,000 synthetic people; `werkwijzer seed --outcomes` makes
20,000. Idempotent: a population of the right size is left alone.
"""

from __future__ import annotations

import time

from django.utils import timezone

from werkwijzer.core.seeding import SeedContext
from werkwijzer.outcomes.aggregates import refresh_summary
from werkwijzer.outcomes.models import Participant, Response
from werkwijzer.outcomes.synthetic import population

SMALL, LARGE = 2_000, 20_000
BATCH = 2_000


def create_population(size: int, seed: int | None = None) -> int:
    """Replace the synthetic population by `size` new people; returns the answers made."""
    Response.objects.filter(participant__synthetic=True).delete()
    Participant.objects.filter(synthetic=True).delete()
    now = timezone.now()
    made = 0
    people = list(population(size) if seed is None else population(size, seed))
    for start in range(0, len(people), BATCH):
        chunk = people[start : start + BATCH]
        participants = Participant.objects.bulk_create(
            Participant(
                reference=person.reference,
                synthetic=True,
                diagnosis_date=person.diagnosis_date,
                region=person.region,
                care_setting=person.care_setting,
            )
            for person in chunk
        )
        responses = [
            Response(
                participant=participant,
                region=person.region,
                care_setting=person.care_setting,
                status=Response.Status.SUBMITTED,
                submitted_at=now,
                **answer,
            )
            for participant, person in zip(participants, chunk, strict=True)
            for answer in person.answers
        ]
        Response.objects.bulk_create(responses, batch_size=BATCH)
        made += len(responses)
    return made


def seed(context: SeedContext) -> None:
    size = LARGE if context.options.get("outcomes") else SMALL
    if Participant.objects.filter(synthetic=True).count() != size:
        started = time.perf_counter()
        made = create_population(size)
        context.write(
            f"outcomes: {size} synthetic people, {made} answers "
            f"({time.perf_counter() - started:.1f} s)"
        )
    refresh_summary()
