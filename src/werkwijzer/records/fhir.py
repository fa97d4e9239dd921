"""The person's work data as a FHIR R4 Bundle (type `collection`), for their own PGO.

Built as plain dicts and validated by `fhir.resources.R4B` (R4B is the FHIR 4.x model
that fhir.resources ships; its Patient, Observation and Bundle are the R4 ones).
The Patient carries no name, birth date or BSN: only an internal identifier.
Codes: docs/fhir.md.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from werkwijzer.records.models import WorkData

LOINC = "http://loinc.org"
WERKWIJZER_CODES = "https://werkwijzer.nl/fhir/CodeSystem/work-data"
EMPLOYMENT_CODES = "https://werkwijzer.nl/fhir/CodeSystem/employment"
WORKING_CODES = "https://werkwijzer.nl/fhir/CodeSystem/working"
PERSON_IDENTIFIER = "https://werkwijzer.nl/fhir/NamingSystem/person"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"

CODES = {
    "occupation": (LOINC, "11341-5", "History of Occupation"),
    "employment-status": (LOINC, "74165-2", "History of employment status NIOSH"),
    "hours-per-week": (WERKWIJZER_CODES, "hours-per-week", "Contract hours per week"),
    "sick-leave-start": (WERKWIJZER_CODES, "sick-leave-start", "First day of sick leave"),
    "work-ability": (WERKWIJZER_CODES, "work-ability", "Work ability score (0-10)"),
    "work-status": (WERKWIJZER_CODES, "work-status", "Current work status"),
}


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _code(key: str) -> dict[str, Any]:
    system, code, display = CODES[key]
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def _observation(key: str, patient_urn: str, issued: str, value: dict[str, Any]) -> dict:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": OBSERVATION_CATEGORY,
                        "code": "social-history",
                        "display": "Social History",
                    }
                ]
            }
        ],
        "code": _code(key),
        "subject": {"reference": patient_urn},
        "effectiveDateTime": issued,
        "issued": issued,
        **value,
    }


def _coded(system: str, code: str, display: str) -> dict[str, Any]:
    return {
        "valueCodeableConcept": {"coding": [{"system": system, "code": code, "display": display}]}
    }


def _facts(work_data: WorkData) -> list[tuple[str, dict[str, Any]]]:
    """The facts the person filled in, in bundle order, as (code key, FHIR value)."""
    facts: list[tuple[str, dict[str, Any]]] = []
    if work_data.occupation:
        facts.append(("occupation", {"valueString": work_data.occupation}))
    if work_data.contract:
        display = str(work_data.get_contract_display())
        facts.append(("employment-status", _coded(EMPLOYMENT_CODES, work_data.contract, display)))
    if work_data.work_status:
        display = str(work_data.get_work_status_display())
        facts.append(("work-status", _coded(WORKING_CODES, work_data.work_status, display)))
    if work_data.hours_per_week is not None:
        hours = Decimal(work_data.hours_per_week)
        facts.append(
            (
                "hours-per-week",
                {
                    "valueQuantity": {
                        "value": hours,
                        "unit": "hours per week",
                        "system": UCUM,
                        "code": "h/wk",
                    }
                },
            )
        )
    if work_data.sick_leave_start is not None:
        facts.append(
            ("sick-leave-start", {"valueDateTime": work_data.sick_leave_start.isoformat()})
        )
    if work_data.work_ability is not None:
        facts.append(("work-ability", {"valueInteger": work_data.work_ability}))
    return facts


def build_bundle(
    user: Any, work_data: WorkData | None, *, now: dt.datetime | None = None
) -> Bundle:
    """A validated R4 Bundle with a minimal Patient and one Observation per known fact."""
    now = now or timezone.now()
    issued = now.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    patient_urn = _urn()
    patient = {
        "resourceType": "Patient",
        "identifier": [{"system": PERSON_IDENTIFIER, "value": str(user.pk)}],
    }
    facts = _facts(work_data) if work_data is not None else []
    observations = [_observation(key, patient_urn, issued, value) for key, value in facts]
    entries = [{"fullUrl": patient_urn, "resource": patient}] + [
        {"fullUrl": _urn(), "resource": obs} for obs in observations
    ]
    return Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": issued,
            "identifier": {"system": "urn:ietf:rfc:3986", "value": _urn()},
            "entry": entries,
        }
    )


def bundle_json(user: Any, work_data: WorkData | None) -> str:
    return build_bundle(user, work_data).model_dump_json(exclude_none=True, indent=2)
