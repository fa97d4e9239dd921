"""Regions and care settings: the dimensions of the dashboard."""

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "groningen": "Groningen",
    "friesland": "Fryslân",
    "drenthe": "Drenthe",
    "overijssel": "Overijssel",
    "flevoland": "Flevoland",
    "gelderland": "Gelderland",
    "utrecht": "Utrecht",
    "noord-holland": "Noord-Holland",
    "zuid-holland": "Zuid-Holland",
    "zeeland": "Zeeland",
    "noord-brabant": "Noord-Brabant",
    "limburg": "Limburg",
}
CARE_SETTINGS = {
    "umc": _("University medical centre"),
    "topklinisch": _("Top clinical hospital"),
    "algemeen": _("General hospital"),
    "categoraal": _("Cancer centre (categorical)"),
}
RETURNED = {
    "yes": _("Yes"),
    "no": _("No"),
    "never_stopped": _("I never stopped working"),
}
YES_NO = {"yes": _("Yes"), "no": _("No")}
SUPPORT = {
    "1": _("1 - very dissatisfied"),
    "2": "2",
    "3": "3",
    "4": "4",
    "5": _("5 - very satisfied"),
    "no_employer": _("I have no employer"),
}
