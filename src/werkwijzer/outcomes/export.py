"""The pseudonymised research export: one CSV row per submitted response.

No names, e-mail addresses, user ids or exact dates leave the system. A participant is
known only by a pseudonym: an HMAC of their random reference with a key derived from
SECRET_KEY, so the same person has the same pseudonym in every export (answers over
time can be linked) but it cannot be turned back into a person without the key.
The columns are described in docs/outcomes.md (data dictionary) and in COLUMNS below.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections.abc import Iterator

from django.conf import settings

from werkwijzer.outcomes import hooks
from werkwijzer.outcomes.models import Response

COLUMNS: dict[str, str] = {
    "pseudonym": "16 hex characters; the same person has the same pseudonym in every export",
    "synthetic": "1 for generated demo data, 0 for real answers",
    "diagnosis_year": "year of diagnosis (no exact date)",
    "moment_months": "months after diagnosis: 3, 6, 12 or 24",
    "region": "province (slug)",
    "care_setting": "umc, topklinisch, algemeen or categoraal",
    "working": "volledig, gedeeltelijk or niet",
    "hours": "paid hours a week, 0-80",
    "work_ability": "work ability score 0-10",
    "returned_to_work": "yes, no or never_stopped",
    "work_discussed": "1 if a doctor or nurse discussed work, else 0",
    "referral_offered": "1 if a referral for help with work was offered, else 0",
    "employer_support": "satisfaction with employer support 1-5; empty without employer",
}


def pseudonym(reference: str) -> str:
    key = hashlib.sha256(f"outcomes-export:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, reference.encode(), hashlib.sha256).hexdigest()[:16]


def _flag(value: bool | None) -> str:
    return "" if value is None else str(int(value))


def rows() -> Iterator[list[str]]:
    yield list(COLUMNS)
    submitted = (
        Response.objects.filter(hooks.research_use(), status=Response.Status.SUBMITTED)
        .order_by("participant_id", "moment")
        .values_list(
            "participant__reference",
            "participant__synthetic",
            "participant__diagnosis_date",
            "moment",
            "region",
            "care_setting",
            "working",
            "hours",
            "work_ability",
            "returned_to_work",
            "work_discussed",
            "referral_offered",
            "employer_support",
        )
    )
    for (
        ref,
        synthetic,
        diagnosed,
        moment,
        region,
        setting,
        working,
        hours,
        ability,
        returned,
        discussed,
        referred,
        support,
    ) in submitted.iterator(chunk_size=5000):
        yield [
            pseudonym(str(ref)),
            str(int(synthetic)),
            str(diagnosed.year),
            str(moment),
            region,
            setting,
            working,
            "" if hours is None else str(hours),
            "" if ability is None else str(ability),
            returned,
            _flag(discussed),
            _flag(referred),
            "" if support is None else str(support),
        ]


def rows_as_csv() -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows():
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
