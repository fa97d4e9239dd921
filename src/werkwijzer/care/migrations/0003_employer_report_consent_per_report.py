"""Employer reports are released one by one (issue 18).

Until now one `employer-report` consent (no scope) let an employer see every report of
that person, also the ones written later. Each report the person had shared that way
gets its own consent (scope "care.EmployerReport:<pk>", given at the same moment), so
what the employer could see stays visible; the consent for every report is then ended,
so a new report is hidden until the person shares it. The migration writes no audit
events (the audit log is written by the running site with its key, records.audit); the
consents themselves keep both moments.
"""

from django.db import migrations
from django.utils import timezone


def per_report(apps, schema_editor):
    Consent = apps.get_model("records", "Consent")
    EmployerReport = apps.get_model("care", "EmployerReport")
    now = timezone.now()
    broad = Consent.objects.filter(purpose="employer-report", scope="", withdrawn_at__isnull=True)
    for consent in broad:
        reports = EmployerReport.objects.filter(
            person_id=consent.owner_id, employer_id=consent.recipient_id
        )
        for report in reports:
            scope = f"care.EmployerReport:{report.pk}"
            Consent.objects.get_or_create(
                owner_id=consent.owner_id,
                recipient_id=consent.recipient_id,
                purpose="employer-report",
                scope=scope,
                withdrawn_at=None,
                defaults={"given_at": consent.given_at},
            )
        consent.withdrawn_at = now
        consent.save(update_fields=["withdrawn_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0002_relationship_and_report_release"),
        ("records", "0006_consent_scope"),
    ]

    operations = [migrations.RunPython(per_report, migrations.RunPython.noop)]
