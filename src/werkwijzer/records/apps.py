from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """The person's own record: work data, consents, the audit log and the FHIR export."""

    name = "werkwijzer.records"
    verbose_name = _("Records")

    def ready(self) -> None:
        from werkwijzer.core import access
        from werkwijzer.records import checks, consents  # noqa: F401 - checks registers

        # The access policy lives in core, which imports no app: it gets the consent
        # lookup from here (a consent grants nothing until this has run).
        access.register_consent_source(consents.active_consent)
