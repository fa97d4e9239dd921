"""Readable, translated names of the timeline's routes.

The labels of vocabulary slugs (employment, ...) live in `werkwijzer.vocabulary.labels`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ROUTE_LABELS = {
    "poortwachter": _("Sick leave with your employer (Wet verbetering poortwachter)"),
    "ziektewet": _("Ziektewet: UWV takes over"),
    "zzp": _("Self-employed: your own disability insurance"),
    "bijstand": _("Social assistance: the municipality is your contact"),
    "geen": _("No fixed legal timeline"),
}
