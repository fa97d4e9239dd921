"""Readable, translated labels of the vocabulary slugs: the one place that names them.

Every app shows a helper kind, work situation, phase, work status, role or concern with
these labels (forms, model choices, pages, PDFs), so a slug reads the same everywhere.
Message ids are plain English (B1); the Dutch lives in this app's catalogue. Labels of
an app's own codes (timeline routes, parties in a plan) stay in that app.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.slugs import slugs

HELPERS = {
    "bedrijfsarts": _("Occupational physician (bedrijfsarts)"),
    "baco": _("BACO: occupational physician specialised in cancer"),
    "kag": _("KAG: clinical occupational physician in the hospital"),
    "arbeidsdeskundige": _("Labour expert (arbeidsdeskundige)"),
    "verzekeringsarts": _("Insurance physician"),
    "re-integratiecoach": _("Re-integration coach"),
    "jobcoach": _("Job coach"),
    "bedrijfsmaatschappelijk-werker": _("Company social worker"),
    "huisarts": _("GP (huisarts)"),
    "medisch-specialist": _("Medical specialist"),
    "verpleegkundige": _("Nurse or nurse specialist"),
    "aya-verpleegkundige": _("AYA nurse (18 to 39 years)"),
    "ondersteuningsconsulent-oncologie": _("Oncology support consultant"),
    "ergotherapeut": _("Occupational therapist (ergotherapeut)"),
    "fysiotherapeut-oncologie": _("Oncology physiotherapist"),
    "poh-ggz": _("Mental health practice nurse (poh-ggz)"),
    "maatschappelijk-werker": _("Social worker"),
    "psycholoog": _("Psychologist"),
    "psycho-oncologisch-centrum": _("Psycho-oncology centre"),
    "ipso-centrum": _("IPSO walk-in centre"),
    "patientenorganisatie": _("Patient organisation"),
    "uwv": _("UWV"),
    "arbeidsongeschiktheidsverzekeraar": _("Disability insurer"),
    "werkgever": _("Employer"),
}
EMPLOYMENT = {
    "loondienst-vast": _("Employee with a permanent contract"),
    "loondienst-tijdelijk": _("Employee with a temporary contract"),
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
    "na-behandeling": _("After treatment"),
    "uitgezaaid": _("Living with metastatic or incurable cancer"),
}
# Also said of someone else (a loved one, an employee), so no "I" in these.
WORKING = {
    "volledig": _("As much as before"),
    "gedeeltelijk": _("Partly"),
    "niet": _("Not at the moment"),
}
ROLE = {
    "werkende": _("I have or had cancer and I work (or want to work)"),
    "naaste": _("Someone close to me has cancer, and I work"),
    "werkgever": _("I am an employer, manager or HR adviser"),
    "professional": _("I am a professional (doctor, nurse, bedrijfsarts)"),
}
# The same roles as the people something is for (an event's audience), in words for a list.
ROLE_AS_AUDIENCE = {
    "werkende": _("People with or after cancer"),
    "naaste": _("Loved ones"),
    "werkgever": _("Employers and HR"),
    "professional": _("Professionals"),
}
CONCERNS = {
    "werken-tijdens-behandeling": _("Can I work during treatment?"),
    "vermoeidheid": _("Fatigue"),
    "concentratie-geheugen": _("Concentration or memory"),
    "psychische-klachten": _("Fear, gloom, anger or stress"),
    "lichamelijke-klachten": _("Physical complaints (moving, standing, sitting, lymphoedema)"),
    "conflict-werkgever": _("My employer, bedrijfsarts and I expect different things"),
    "reintegratie-stagneert": _("Return to work is stuck"),
    "werkplek-aanpassing": _("Adjusting my work or workplace"),
    "financien": _("Money and income"),
    "nieuw-werk-zoeken": _("Finding new work"),
    "solliciteren": _("Applying for jobs"),
    "iva": _("Applying early for IVA"),
    "eigen-bedrijf": _("Keeping my own business going"),
    "thuissituatie": _("My situation at home"),
    "terugkeer-volledig": _("Will I fully return to work?"),
}
# Optional and private in the wegwijzer (never stored without saving, never shown to an
# employer): the groups patient organisations use, and the treatments.
CANCER_TYPE = {
    "borstkanker": _("Breast cancer"),
    "darmkanker": _("Bowel cancer (colon or rectum)"),
    "longkanker": _("Lung cancer"),
    "prostaatkanker": _("Prostate cancer"),
    "bloed-en-lymfeklierkanker": _("Blood or lymph node cancer"),
    "huidkanker-melanoom": _("Skin cancer or melanoma"),
    "hoofd-halskanker": _("Head and neck cancer"),
    "gynaecologische-kanker": _("Gynaecological cancer"),
    "zaadbalkanker": _("Testicular cancer"),
    "hersentumor": _("Brain tumour"),
    "andere-kanker": _("Another kind of cancer"),
}
TREATMENT = {
    "operatie": _("Surgery"),
    "chemotherapie": _("Chemotherapy"),
    "radiotherapie": _("Radiotherapy"),
    "hormoontherapie": _("Hormone therapy"),
    "immuno-en-doelgerichte-therapie": _("Immunotherapy or targeted therapy"),
    "stamceltransplantatie": _("Stem cell transplant"),
}

LABELS: dict[str, dict[str, Promise]] = {
    "helpers": HELPERS,
    "employment": EMPLOYMENT,
    "phase": PHASE,
    "working": WORKING,
    "role": ROLE,
    "concerns": CONCERNS,
    "cancer_type": CANCER_TYPE,
    "treatment": TREATMENT,
}


def choices_for(section: str) -> list[tuple[str, Promise | str]]:
    """(slug, label) pairs of a section in the order of vocabulary.yaml, for form and
    model choices. A slug without a label yet shows as itself (a test guards this)."""
    labels = LABELS[section]
    return [(slug, labels.get(slug, slug)) for slug in slugs(section)]
