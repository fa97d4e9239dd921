"""Readable, translated labels for the vocabulary slugs the wegwijzer asks about."""

from django.utils.translation import gettext_lazy as _

ROLE = {
    "werkende": _("I have or had cancer and I work (or want to work)"),
    "naaste": _("Someone close to me has cancer, and I work"),
    "werkgever": _("I am an employer, manager or HR adviser"),
    "professional": _("I am a professional (doctor, nurse, bedrijfsarts)"),
}
EMPLOYMENT = {
    "loondienst-vast": _("Employee with a permanent contract"),
    "loondienst-tijdelijk": _("Employee with a fixed-term contract"),
    "uitzendkracht": _("Agency worker"),
    "zzp": _("Self-employed (zzp)"),
    "uitkering-ww": _("Unemployment benefit (WW)"),
    "uitkering-bijstand": _("Social assistance (bijstand)"),
    "ziektewet": _("Sickness benefit (Ziektewet)"),
    "werkzoekend": _("Looking for work, without a benefit"),
    "student": _("Student"),
}
PHASE = {
    "diagnose": _("Just diagnosed"),
    "behandeling": _("In treatment"),
    "na-behandeling": _("Treatment finished"),
    "uitgezaaid": _("Living with metastatic or incurable cancer"),
}
WORKING = {
    "volledig": _("As much as before"),
    "gedeeltelijk": _("Partly"),
    "niet": _("Not at the moment"),
}
CONCERNS = {
    "werken-tijdens-behandeling": _("Can I work during treatment?"),
    "vermoeidheid": _("Fatigue"),
    "concentratie-geheugen": _("Concentration or memory"),
    "psychische-klachten": _("Fear, gloom, anger or stress"),
    "lichamelijke-klachten": _("Physical complaints (moving, standing, sitting, lymphoedema)"),
    "conflict-werkgever": _("My employer, bedrijfsarts and I expect different things"),
    "reintegratie-stagneert": _("My return to work has stalled"),
    "werkplek-aanpassing": _("Adjusting my work or workplace"),
    "financien": _("Money and income"),
    "nieuw-werk-zoeken": _("Finding (other) work"),
    "solliciteren": _("Applying for jobs"),
    "iva": _("Applying early for IVA"),
    "eigen-bedrijf": _("Keeping my own business going"),
    "thuissituatie": _("My situation at home"),
    "terugkeer-volledig": _("Will I fully return to work?"),
}
PARTY = {
    "werknemer": _("Employee"),
    "werkgever": _("Employer"),
    "bedrijfsarts": _("Bedrijfsarts"),
    "uwv": _("UWV"),
    "verzekeraar": _("Insurer"),
}
YES_NO_UNKNOWN = {"true": _("Yes"), "false": _("No"), "unknown": _("I don't know")}
