"""Readable, translated names for the vocabulary slugs used on the timeline pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

EMPLOYMENT_LABELS = {
    "loondienst-vast": _("Employee with a permanent contract"),
    "loondienst-tijdelijk": _("Employee with a temporary contract"),
    "uitzendkracht": _("Agency worker"),
    "zzp": _("Self-employed (zzp)"),
    "uitkering-ww": _("Unemployment benefit (WW)"),
    "uitkering-bijstand": _("Social assistance (bijstand)"),
    "ziektewet": _("Sickness benefit (Ziektewet)"),
    "werkzoekend": _("Looking for work, without benefit"),
    "student": _("Student"),
}

ROUTE_LABELS = {
    "poortwachter": _("Sick leave with your employer (Wet verbetering poortwachter)"),
    "ziektewet": _("Ziektewet: UWV takes over"),
    "zzp": _("Self-employed: your own disability insurance"),
    "geen": _("No fixed legal timeline"),
}
