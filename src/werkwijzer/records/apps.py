from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """The person's own record: work data, consents, the audit log and the FHIR export."""

    name = "werkwijzer.records"
    verbose_name = _("Records")
