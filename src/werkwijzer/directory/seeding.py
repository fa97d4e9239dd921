"""Demo content: the postcode table and a clearly fictional set of providers.

The providers are generated from a fixed random seed, so every `werkwijzer seed` gives
the same set. Every name is an invented word (Verzinsma, Voorbeeldink, ...), every
e-mail and website uses the reserved `.example` domain, and phone numbers start with
0123, an area code that does not exist. They go through the same import path as a real
file, so the demo data is validated like any import.
"""

from __future__ import annotations

import csv
import datetime
import random
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError

from werkwijzer.core.seeding import SeedContext
from werkwijzer.directory.models import Postcode, Provider
from werkwijzer.directory.transfer import import_records

DEMO_COUNT = 320
DEMO_SEED = 20261123
# Verification dates are spread over the 600 days before the day of seeding, so the demo
# always shows current, year-old and (about 1 in 12) 18-month-old entries; none is old
# enough to be hidden (24 months).
DEMO_MAX_AGE_DAYS = 600

FIRST_NAMES = (
    "Anna", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanna", "Ilse", "Jesse",
    "Karim", "Lotte", "Mila", "Noor", "Olaf", "Pien", "Quinten", "Rosa", "Sem", "Tess",
    "Umut", "Vera", "Wouter", "Yara", "Zoë", "Fatima", "Joris", "Linde", "Maarten", "Sanne",
)  # fmt: skip
# Invented surnames: every one is a made-up word, so no real person is meant.
SURNAMES = (
    "Verzinsma", "Voorbeeldink", "Fictiefstra", "Bedachtsma", "Proefhuizen", "Demodijk",
    "Testerink", "Nepveld", "Denkbeeldig", "Droomsma", "Fantasiema", "Schijnvoort",
    "Verzonnenberg", "Probeersma", "Zogenaamdink", "Oefenkamp", "Bedenkhuis", "Nietbestaand",
)  # fmt: skip
STREETS = (
    "Voorbeeldstraat", "Demolaan", "Fictieweg", "Verzinselplein", "Proefsingel", "Oefenkade",
)  # fmt: skip
CENTRE_NAMES = (
    "De Verzonnen Vlinder", "Het Bedachte Anker", "De Denkbeeldige Linde", "Het Fictieve Licht",
    "De Voorbeeldhaven", "Het Nepkompas",
)  # fmt: skip
POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"

# kind(s): (weight, work settings, organisation pattern, self-referral chance, costs note)
PROFILES: dict[tuple[str, ...], tuple[int, tuple[str, ...], str, float, str]] = {
    ("baco",): (
        14, ("own-practice", "arbodienst"), "BACO-praktijk {surname}", 0.9,
        "Vaak betaalt de werkgever. Zonder werkgever: vraag je verzekeraar of gemeente.",
    ),
    ("kag", "baco"): (
        5, ("hospital",), "Demoziekenhuis {place}", 0.3,
        "Via het ziekenhuis; de zorgverzekering betaalt meestal.",
    ),
    ("re-integratiecoach",): (
        14, ("own-practice", "arbodienst"), "Re-integratiebureau {surname}", 0.7,
        "Meestal betaalt de werkgever of UWV.",
    ),
    ("fysiotherapeut-oncologie",): (
        17, ("own-practice", "rehabilitation-centre"), "Fysiotherapie {surname}", 1.0,
        "Aanvullende verzekering nodig; vraag je zorgverzekeraar.",
    ),
    ("ergotherapeut",): (
        8, ("own-practice", "rehabilitation-centre"), "Ergotherapie {surname}", 1.0,
        "10 uur per jaar uit de basisverzekering (eigen risico geldt).",
    ),
    ("psycholoog",): (
        11, ("own-practice",), "Psychologenpraktijk {surname}", 0.4,
        "Met verwijzing van de huisarts vaak uit de basisverzekering.",
    ),
    ("psycho-oncologisch-centrum",): (
        6, ("care-centre",), "Psycho-oncologisch centrum {centre}", 0.8,
        "Vaak vergoed met verwijzing; soms een eigen bijdrage.",
    ),
    ("ipso-centrum",): (
        4, ("care-centre",), "Inloophuis {centre}", 1.0, "Gratis binnenlopen."
    ),
    ("jobcoach",): (
        5, ("own-practice",), "Jobcoaching {surname}", 0.5, "UWV of de werkgever betaalt."
    ),
    ("arbeidsdeskundige",): (
        6, ("own-practice", "arbodienst"), "Arbeidsdeskundig advies {surname}", 0.5,
        "Meestal betaalt de werkgever of de verzekeraar.",
    ),
    ("bedrijfsmaatschappelijk-werker",): (
        4, ("arbodienst",), "Arbodienst {surname} & Partners", 0.4,
        "De werkgever betaalt.",
    ),
    ("maatschappelijk-werker",): (
        3, ("hospital", "care-centre"), "Demoziekenhuis {place}", 0.6,
        "Gratis voor patiënten.",
    ),
    ("ondersteuningsconsulent-oncologie",): (
        3, ("hospital", "diagnostic-centre"), "Demoziekenhuis {place}", 0.5,
        "Vaak uit de basisverzekering.",
    ),
}  # fmt: skip
EXTRA_LANGUAGES = ("de", "fr", "pl", "tr", "ar", "zgh", "pap", "uk", "es")
SPECIALISATIONS = (
    "borstkanker", "darmkanker", "longkanker", "prostaatkanker", "hematologie",
    "hoofd-halskanker", "gynaecologische-kanker", "huidkanker", "hersentumor",
    "aya", "zzp", "palliatief",
)  # fmt: skip


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def generate_providers(
    count: int,
    areas: Sequence[tuple[str, float, float, str]],
    seed: int = DEMO_SEED,
    prefix: str = "demo",
    today: datetime.date | None = None,
) -> Iterator[dict[str, Any]]:
    """`count` invented providers as import records, spread over the given PC4 areas."""
    rng = random.Random(seed)
    today = today or datetime.date.today()
    profiles = list(PROFILES.items())
    weights = [profile[0] for _kinds, profile in profiles]
    for index in range(1, count + 1):
        kinds, (_w, settings_, pattern, self_chance, costs) = rng.choices(profiles, weights)[0]
        pc4, lat, lon, place = areas[rng.randrange(len(areas))]
        first, surname = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        organisation = pattern.format(surname=surname, place=place, centre=rng.choice(CENTRE_NAMES))
        is_centre = kinds[0] in ("psycho-oncologisch-centrum", "ipso-centrum")
        name = organisation if is_centre else f"{first} {surname}"
        languages = ["nl"]
        if rng.random() < 0.6:
            languages.append("en")
        if rng.random() < 0.2:
            languages.append(rng.choice(EXTRA_LANGUAGES))
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        # randrange(500) scaled, not randrange(600): the same draws as before, so the
        # rest of every demo entry stays the same.
        age = rng.randrange(500) * DEMO_MAX_AGE_DAYS // 500
        verified = today - datetime.timedelta(days=age)
        web = _slug(organisation)[:40]
        yield {
            "external_id": f"{prefix}-{index:06d}" if count > 9999 else f"{prefix}-{index:04d}",
            "name": name,
            "organisation": "" if is_centre else organisation,
            "kinds": list(kinds),
            "work_setting": rng.choice(settings_),
            "street": f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
            "postcode": f"{pc4} {letters}",
            "city": place,
            "lat": round(lat + rng.uniform(-0.006, 0.006), 5),
            "lon": round(lon + rng.uniform(-0.009, 0.009), 5),
            "phone": f"0123 {rng.randint(100, 999)} {rng.randint(100, 999)}",
            "email": f"{_slug(first)}.{_slug(surname)}@{web}.example",
            "website": f"https://www.{web}.example",
            "languages": languages,
            "specialisations": rng.sample(SPECIALISATIONS, rng.randint(0, 3)),
            "self_referral": rng.random() < self_chance,
            "intercollegial_consultation": kinds[0] in ("baco", "kag") or rng.random() < 0.2,
            "costs_note": costs,
            "verified_on": verified.isoformat(),
            "verified_by": "Redactie Werkwijzer (demo)",
            "active": rng.random() > 0.03,
        }


def postcode_file() -> Path:
    return Path(settings.DATA_DIR) / "pc4_centroids.csv"


def load_postcodes(path: Path | None = None) -> int:
    """Fill the postcode table from the CSV; does nothing when it is already complete."""
    with (path or postcode_file()).open(encoding="utf-8", newline="") as handle:
        rows = [
            Postcode(
                pc4=row["pc4"].zfill(4),
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                municipality=row["municipality"],
            )
            for row in csv.DictReader(handle)
        ]
    if Postcode.objects.count() == len(rows):
        return 0
    with transaction.atomic():
        Postcode.objects.all().delete()
        Postcode.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def postcode_areas() -> list[tuple[str, float, float, str]]:
    return list(Postcode.objects.order_by("pc4").values_list("pc4", "lat", "lon", "municipality"))


def demo_enabled() -> bool:
    """Demo providers only on a demo site (settings.WERKWIJZER_DEMO_CONTENT), never in
    production: a real guide starts empty and is filled by professionals and imports."""
    return bool(getattr(settings, "WERKWIJZER_DEMO_CONTENT", False))


def seed(context: SeedContext) -> None:
    loaded = load_postcodes()  # real data (GeoNames): every site needs it
    if not demo_enabled():
        left = Provider.objects.filter(is_demo=True).count()
        context.write(
            f"directory: {loaded or 'no new'} postcodes, no demo providers "
            "(set WERKWIJZER_DEMO_CONTENT=true, or run with DEBUG on)"
            + (
                f"; {left} old demo providers remain: `werkwijzer providers remove-demo`"
                if left
                else ""
            )
        )
        return
    records = list(generate_providers(DEMO_COUNT, postcode_areas()))
    report = import_records(enumerate(records, start=1))
    if report.rejected:  # a bug in the generator, not in anyone's data
        raise ValueError(f"Demo providers rejected: {report.rejected[:3]}")
    # update(), not save(): the flag is no change of the entry (search rows, updated_at).
    ids = [record["external_id"] for record in records]
    Provider.objects.filter(external_id__in=ids, is_demo=False).update(is_demo=True)
    linked = _link_demo_professionals()
    context.write(
        f"directory: {loaded or 'no new'} postcodes, {report.created} new and "
        f"{report.updated} updated demo providers, {len(report.rejected)} rejected, "
        f"{linked} demo professionals linked to their entry"
    )


def _link_demo_professionals() -> int:
    """The demo BACO and KAG accounts work as the first demo entry of their kind, so a
    referral to that entry reaches them."""
    User = get_user_model()  # the account model, as Django lets other apps name it
    from werkwijzer.accounts.seeding import demo_accounts_by_provider_kind

    linked = 0
    for kind, usernames in demo_accounts_by_provider_kind().items():
        entry = Provider.objects.filter(kinds__has=kind, is_demo=True).order_by("external_id")
        first = entry.first()
        if first is not None:
            linked += User.objects.filter(username__in=usernames).update(provider=first)
    return linked


def remove_demo_providers() -> tuple[int, int]:
    """For a site that was a demo once: delete the demo entries, and hide (make inactive)
    those that referrals or questions still point at. Returns (deleted, hidden)."""
    deleted = hidden = 0
    for provider in list(Provider.objects.filter(is_demo=True)):
        try:
            with transaction.atomic():
                provider.delete()
            deleted += 1
        except ProtectedError:
            provider.active = False
            provider.save()
            hidden += 1
    return deleted, hidden
