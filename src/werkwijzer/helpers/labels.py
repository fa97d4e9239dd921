"""Readable labels for the catalogue's codes, translated through gettext."""

from django.utils.translation import gettext_lazy as _

ACCESS_ROUTE_LABELS = {
    "self": _("on your own, without a referral"),
    "huisarts": _("via your GP"),
    "medisch-specialist": _("via your medical specialist"),
    "verpleegkundige": _("via your (specialist) nurse"),
    "aya-verpleegkundige": _("via the AYA nurse"),
    "bedrijfsarts": _("via your bedrijfsarts"),
    "werkgever": _("via your employer"),
    "uwv": _("via UWV"),
    "arbeidsongeschiktheidsverzekeraar": _("via your disability insurer"),
    "poh-ggz": _("via the poh-ggz"),
}

GROUP_INTROS = {
    "work": _("These helpers guide you during sick leave and back to work."),
    "care": _("You can also talk about work with the people who treat you."),
    "support": _("Information, support and meeting people who went through the same."),
    "income": _("For your income and insurance."),
}
