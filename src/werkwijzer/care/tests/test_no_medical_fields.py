"""The employer report holds no medical fields: not in the model, not in the schema."""

from __future__ import annotations

from django.db import models

from werkwijzer.care.api import EmployerReportOut
from werkwijzer.care.models import (
    EMPLOYER_REPORT_FIELDS,
    ConsultationNote,
    EmployerReport,
    PersonAdvice,
    TreatingAdvice,
)

MEDICAL_WORDS = (
    "diagnos",
    "treatment",
    "behandel",
    "note",
    "notitie",
    "question",
    "vraag",
    "medical",
    "medisch",
    "illness",
    "ziekte",
    "cancer",
    "kanker",
    "therapy",
    "medication",
    "advice",
    "work_data",
    "workdata",
)


def test_model_has_only_work_fields_and_no_link_to_medical_models():
    names = {field.name for field in EmployerReport._meta.get_fields()}
    relations = {"id", "referral", "person", "employer", "author", "created_at"}
    relations.add("read_by_person_at")  # when the person read it (release needs that)
    assert names == relations | set(EMPLOYER_REPORT_FIELDS)
    for field in EmployerReport._meta.get_fields():
        if isinstance(field, models.ForeignKey):
            assert field.related_model not in (ConsultationNote, PersonAdvice, TreatingAdvice)
            assert field.related_model._meta.label in ("care.Referral", "accounts.User")
        for word in MEDICAL_WORDS:
            assert word not in field.name.lower()


def test_schema_lists_explicit_fields_without_medical_ones():
    fields = set(EmployerReportOut.model_fields)
    assert fields == {"id", "employee", "created_at", *EMPLOYER_REPORT_FIELDS}
    for name in fields:
        for word in MEDICAL_WORDS:
            assert word not in name.lower()


def test_templates_for_employers_never_touch_the_referral():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "templates" / "care"
    for name in (
        "employer_report.html",
        "employer_reports.html",
        "_report_body.html",
        "employer_report_pdf.html",
    ):
        text = (folder / name).read_text()
        assert "referral" not in text and "note" not in text
