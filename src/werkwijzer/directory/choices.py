"""The codes a provider entry uses, with readable labels (translated through gettext).

Helper kinds are the helper slugs of vocabulary.yaml (a public contract); the other
lists belong to the directory and may grow.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.slugs import slugs

KIND_LABELS = {
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

KIND_CHOICES = [(slug, KIND_LABELS.get(slug, slug)) for slug in slugs("helpers")]

# Kinds that can print the personal BACO folder.
FOLDER_KINDS = frozenset({"baco", "kag"})


class WorkSetting(models.TextChoices):
    HOSPITAL = "hospital", _("Hospital")
    ARBODIENST = "arbodienst", _("Occupational health service (arbodienst)")
    OWN_PRACTICE = "own-practice", _("Own practice")
    DIAGNOSTIC_CENTRE = "diagnostic-centre", _("Diagnostic centre")
    REHABILITATION_CENTRE = "rehabilitation-centre", _("Rehabilitation centre")
    CARE_CENTRE = "care-centre", _("Centre for support in cancer")


LANGUAGE_CHOICES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("zgh", _("Tamazight (Berber)")),
    ("pap", _("Papiamento")),
    ("fy", _("Frisian")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("fa", _("Persian")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("zh", _("Chinese")),
]

SPECIALISATION_CHOICES = [
    ("borstkanker", _("Breast cancer")),
    ("darmkanker", _("Bowel cancer")),
    ("longkanker", _("Lung cancer")),
    ("prostaatkanker", _("Prostate cancer")),
    ("hematologie", _("Blood and lymph cancers")),
    ("hoofd-halskanker", _("Head and neck cancer")),
    ("gynaecologische-kanker", _("Gynaecological cancer")),
    ("huidkanker", _("Skin cancer and melanoma")),
    ("hersentumor", _("Brain tumour")),
    ("aya", _("Young adults (AYA, 18 to 39)")),
    ("zzp", _("Self-employed people (zzp)")),
    ("palliatief", _("Incurable cancer (palliative phase)")),
]

RADIUS_CHOICES = [5, 10, 25, 50, 100]
DEFAULT_RADIUS_KM = 25
MAX_RADIUS_KM = 250


def labels_in_order(choices: list[tuple[str, object]], values: list[str]) -> list[str]:
    """Readable labels of the values, in the order of the choices (Dutch before English)."""
    position = {code: index for index, (code, _label) in enumerate(choices)}
    ordered = sorted(values, key=lambda value: (position.get(value, len(position)), value))
    labels = dict(choices)
    return [str(labels.get(value, value)) for value in ordered]
