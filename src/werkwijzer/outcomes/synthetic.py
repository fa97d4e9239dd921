"""A generated, clearly synthetic population for the dashboard demo and the benchmark.

Deterministic: the same size and seed give the same people and answers. Every
participant is marked `synthetic=True`; no row resembles a real person. The numbers are
plausible, not real: the chance that work was discussed or a referral offered differs
by care setting and province, and return to work and work ability rise over time.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from werkwijzer.outcomes.choices import CARE_SETTINGS, REGIONS
from werkwijzer.outcomes.moments import MOMENTS, add_months

REFERENCE_DATE = dt.date(2026, 11, 1)  # "today" of the synthetic world
SEED = 20260
RESPONSE_RATE = 0.85
# Rough shares of new patients by province and care setting (synthetic, not measured).
REGION_WEIGHTS = {
    "groningen": 3.4, "friesland": 3.8, "drenthe": 2.9, "overijssel": 6.7, "flevoland": 2.1,
    "gelderland": 12.0, "utrecht": 7.6, "noord-holland": 16.4, "zuid-holland": 21.3,
    "zeeland": 2.2, "noord-brabant": 14.6, "limburg": 6.5,
}  # fmt: skip
SETTING_WEIGHTS = {"umc": 0.22, "topklinisch": 0.38, "algemeen": 0.34, "categoraal": 0.06}
SETTING_EFFECT = {"umc": 0.10, "topklinisch": 0.05, "algemeen": 0.0, "categoraal": 0.15}
AT_WORK_BY_MOMENT = {3: 0.38, 6: 0.52, 12: 0.68, 24: 0.77}

assert set(REGION_WEIGHTS) == set(REGIONS) and set(SETTING_WEIGHTS) == set(CARE_SETTINGS)


@dataclass(frozen=True)
class Person:
    reference: uuid.UUID
    diagnosis_date: dt.date
    region: str
    care_setting: str
    answers: tuple[dict, ...]  # one dict per answered moment


def _answer(
    rng: random.Random, moment: int, setting: str, region_effect: float, grit: float
) -> dict:
    index = MOMENTS.index(moment)
    discussed = rng.random() < 0.42 + 0.06 * index + SETTING_EFFECT[setting] + region_effect
    referred = rng.random() < 0.20 + 0.04 * index + SETTING_EFFECT[setting] / 2 + region_effect
    at_work = rng.random() < AT_WORK_BY_MOMENT[moment] + grit
    if at_work:
        full = rng.random() < 0.3 + 0.12 * index
        working = "volledig" if full else "gedeeltelijk"
        hours = rng.randint(30, 40) if full else rng.randint(8, 28)
        returned = "never_stopped" if rng.random() < 0.18 else "yes"
    else:
        working, hours, returned = "niet", 0, "no"
    ability = round(rng.gauss(4.6 + 0.55 * index + (1.6 if at_work else 0) + grit * 4, 1.7))
    support = None if rng.random() < 0.12 else min(5, max(1, round(rng.gauss(3.6, 1.0))))
    return {
        "moment": moment,
        "working": working,
        "hours": hours,
        "work_ability": min(10, max(0, ability)),
        "returned_to_work": returned,
        "work_discussed": discussed,
        "referral_offered": referred,
        "employer_support": support,
    }


def population(size: int, seed: int = SEED) -> Iterator[Person]:
    rng = random.Random(seed)
    regions, region_weights = list(REGION_WEIGHTS), list(REGION_WEIGHTS.values())
    settings, setting_weights = list(SETTING_WEIGHTS), list(SETTING_WEIGHTS.values())
    region_effect = {
        region: random.Random(f"{seed}-{region}").uniform(-0.06, 0.06) for region in regions
    }
    span = (REFERENCE_DATE - add_months(REFERENCE_DATE, -36)).days - 92
    for _ in range(size):
        diagnosed = REFERENCE_DATE - dt.timedelta(days=92 + rng.randrange(span))
        region = rng.choices(regions, region_weights)[0]
        setting = rng.choices(settings, setting_weights)[0]
        grit = rng.gauss(0, 0.08)
        answers = tuple(
            _answer(rng, moment, setting, region_effect[region], grit)
            for moment in MOMENTS
            if add_months(diagnosed, moment) <= REFERENCE_DATE and rng.random() < RESPONSE_RATE
        )
        yield Person(uuid.UUID(int=rng.getrandbits(128)), diagnosed, region, setting, answers)
