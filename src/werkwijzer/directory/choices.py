"""The codes a provider entry uses, with readable labels (translated through gettext).

Helper kinds are the helper slugs of vocabulary.yaml (a public contract), labelled in
`werkwijzer.vocabulary.labels`; the other lists belong to the directory and may grow.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkwijzer.vocabulary.labels import choices_for

KIND_CHOICES = choices_for("helpers")

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


# Who pays (an entry may name several); the free text costs_note says how much.
PAYER_CHOICES = [
    ("werkgever", _("The employer")),
    ("basisverzekering", _("Basic health insurance")),
    ("aanvullende-verzekering", _("Supplementary health insurance")),
    ("uwv", _("UWV")),
    ("gemeente", _("The municipality")),
    ("aov-verzekeraar", _("Disability insurer (AOV)")),
    ("zelf", _("You pay yourself")),
    ("gratis", _("Free of charge")),
]


class Register(models.TextChoices):
    """The registers whose numbers professionals sign up with (checked for form only:
    an editor looks the number up before an entry goes live)."""

    BIG = "big", _("BIG register (11 digits)")
    AGB = "agb", _("AGB code (8 digits)")
    KVK = "kvk", _("KvK number, Chamber of Commerce (8 digits)")


REGISTER_DIGITS = {Register.BIG: 11, Register.AGB: 8, Register.KVK: 8}

# The kinds of helper that can sign up, with the registers that fit each profession.
SIGNUP_REGISTERS: dict[str, tuple[str, ...]] = {
    "baco": (Register.BIG,),
    "kag": (Register.BIG,),
    "bedrijfsarts": (Register.BIG,),
    "arbeidsdeskundige": (Register.KVK,),
    "re-integratiecoach": (Register.KVK,),
    "jobcoach": (Register.KVK,),
    "bedrijfsmaatschappelijk-werker": (Register.AGB, Register.KVK),
    "maatschappelijk-werker": (Register.AGB, Register.KVK),
    "ondersteuningsconsulent-oncologie": (Register.BIG, Register.AGB),
    "ergotherapeut": (Register.AGB, Register.KVK),
    "fysiotherapeut-oncologie": (Register.BIG, Register.AGB),
    "psycholoog": (Register.BIG, Register.AGB),
    "psycho-oncologisch-centrum": (Register.KVK, Register.AGB),
    "ipso-centrum": (Register.KVK,),
}
# An organisation (a practice, a bureau, a centre) signs up with its KvK number or the
# AGB code of the care organisation.
ORGANISATION_REGISTERS = (Register.KVK, Register.AGB)
# Kinds that are always an organisation, never one person.
ORGANISATION_KINDS = frozenset({"psycho-oncologisch-centrum", "ipso-centrum"})
