"""Reads of the verwijsgids: where is a postcode, and who is near it.

Other apps use these functions, never the models. The distance search is one code path
for SQLite and PostgreSQL (see docs/decisions/0003-distance-search.md):

1. the database narrows the providers to a bounding box on indexed lat/lon columns
   (with the kind first in the index when a kind is asked for) plus the filters;
2. the same query compares exact great-circle distances (as unit-vector dot products,
   see geo.unit_vector), drops what lies outside the circle, sorts nearest first and
   returns one page of ids with the total count;
3. only the providers on that page are loaded in full; Python gives their distance in
   km with the haversine formula.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import logging
import math
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connections
from django.db.models import Avg, Count, ExpressionWrapper, F, FloatField, QuerySet, Window
from django.db.models.expressions import Combinable

from werkwijzer.core.versions import DIRECTORY, content_version
from werkwijzer.directory.choices import DEFAULT_RADIUS_KM, MAX_RADIUS_KM
from werkwijzer.directory.geo import bounding_box, haversine_km, min_dot_product, unit_vector
from werkwijzer.directory.models import (
    Postcode,
    Provider,
    ProviderKindLocation,
    hidden_before,
    out_of_plan_before,
)
from werkwijzer.vocabulary.slugs import slug_set

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
# Nearby results in the shared cache, per kind and postcode area. The key carries the
# directory's content version, so a provider change is seen at once; this only bounds
# how long unused entries stay.
NEARBY_CACHE_SECONDS = 6 * 60 * 60
# Part of every nearby key; tests start a new one (forget_nearby_for_tests), because a
# rolled-back test moves the version back and the next test would read its results.
_nearby_generation = {"value": "1"}
# Stands for the kind in the one part of the nearby query the ORM builds.
_ANY_KIND = "(kind)"
_POSTCODE = re.compile(r"^\s*(\d{4})\s*([a-zA-Z]{2})?\s*$")
_DIGITS = re.compile(r"^\s*\d{1,6}\s*[a-zA-Z]{0,2}\s*$")

# Names people use for a municipality that the postcode table spells differently.
PLACE_ALIASES = {
    "den haag": "'s-Gravenhage",
    "the hague": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "s hertogenbosch": "'s-Hertogenbosch",
    "hertogenbosch": "'s-Hertogenbosch",
    "bergen": "Bergen (NH.)",
    "nuenen": "Nuenen, Gerwen en Nederwetten",
}


@dataclass(frozen=True)
class Location:
    """The centre of a search: a PC4 area or a municipality."""

    label: str
    lat: float
    lon: float
    pc4: str = ""


class UnknownLocation(ValueError):
    """The postcode or place is not in the postcode table; `suggestions` may help."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions


def normalise_postcode(raw: str) -> str | None:
    """'6525 ab', '6525AB' or '6525' -> '6525'; anything else -> None."""
    match = _POSTCODE.match(raw or "")
    return match.group(1) if match else None


def _place_key(text: str) -> str:
    """Lower case, without accents and punctuation: "'s-Hertogenbosch" -> "s hertogenbosch"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = re.sub(r"^gemeente\s+", "", plain.casefold().strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def nearest_postcodes(number: int, count: int = 4) -> list[str]:
    """The existing PC4 codes numerically closest to `number` (a PC4 that does not exist)."""
    code = f"{max(0, min(number, 9999)):04d}"
    below = Postcode.objects.filter(pc4__lt=code).order_by("-pc4").values_list("pc4", flat=True)
    above = Postcode.objects.filter(pc4__gt=code).order_by("pc4").values_list("pc4", flat=True)
    found = [*below[:count], *above[:count]]
    found.sort(key=lambda pc4: (abs(int(pc4) - number), pc4))
    return sorted(found[:count])


def municipality_names() -> list[str]:
    """Every municipality the postcode table knows, once each."""
    return list(Postcode.objects.values_list("municipality", flat=True).distinct())


def _municipalities() -> dict[str, str]:
    return {_place_key(name): name for name in municipality_names()}


def resolve_location(query: str) -> Location:
    """Find the centre point of a postcode (PC4 or PC6) or a municipality name.

    Raises UnknownLocation with suggestions: the nearest existing PC4 codes for a
    number, similar municipality names for a word.
    """
    query = (query or "").strip()
    if not query:
        raise UnknownLocation(query, [])
    pc4 = normalise_postcode(query)
    if pc4:
        row = Postcode.objects.filter(pc4=pc4).first()
        if row:
            return Location(f"{row.pc4} {row.municipality}", row.lat, row.lon, row.pc4)
        raise UnknownLocation(query, nearest_postcodes(int(pc4)))
    if _DIGITS.match(query):
        digits = re.sub(r"\D", "", query)[:4].ljust(4, "0")
        raise UnknownLocation(query, nearest_postcodes(int(digits)))
    key = _place_key(query)
    municipalities = _municipalities()
    name = municipalities.get(key) or PLACE_ALIASES.get(key)
    if name:
        centre = Postcode.objects.filter(municipality=name).aggregate(
            lat=Avg("lat"), lon=Avg("lon")
        )
        if centre["lat"] is not None:
            return Location(name, centre["lat"], centre["lon"])
    candidates = {**municipalities, **{alias: alias.title() for alias in PLACE_ALIASES}}
    close = difflib.get_close_matches(key, list(candidates), n=4, cutoff=0.75)
    raise UnknownLocation(query, [candidates[match] for match in close])


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""
    language: str = ""
    specialisation: str = ""
    self_referral: bool = False
    # Only entries checked (or listed) on or after this date; entries not checked for 24
    # months are never found (models.hidden_before), the plan asks for 18 (nearby).
    checked_since: datetime.date | None = None


@dataclass(frozen=True)
class ProviderHit:
    provider: Provider
    distance_km: float


@dataclass(frozen=True)
class SearchResult:
    location: Location
    radius_km: float
    filters: SearchFilters
    count: int
    page: int
    page_size: int
    hits: list[ProviderHit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def first_number(self) -> int:
        """The number of the first hit on this page, for `<ol start>`."""
        return (self.page - 1) * self.page_size + 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _closeness(location: Location) -> Combinable:
    """Dot product of the row's unit vector with the location's: larger is nearer.

    See geo.unit_vector: an exact great-circle comparison with arithmetic only, so it is
    the same cheap SQL on SQLite and PostgreSQL.
    """
    x0, y0, z0 = unit_vector(location.lat, location.lon)
    return ExpressionWrapper(F("x") * x0 + F("y") * y0 + F("z") * z0, output_field=FloatField())


def _matches(location: Location, radius_km: float, filters: SearchFilters) -> tuple[QuerySet, str]:
    """Active providers within the radius that pass the filters, nearest first.

    Returns the queryset (annotated with `closeness`, see _closeness) and its provider-id
    field. The bounding box lets the database use an index; the exact great-circle test
    then removes the box's corners and orders the rows. With a kind, the search-row table
    is read through its (kind, lat, lon, ...) index and other filters join the provider;
    without a kind, the provider's own (lat, lon) index is used.
    """
    box = bounding_box(location.lat, location.lon, radius_km)
    since = max(hidden_before(), filters.checked_since or datetime.date.min)
    in_box = {
        "lat__gte": box.min_lat,
        "lat__lte": box.max_lat,
        "lon__gte": box.min_lon,
        "lon__lte": box.max_lon,
        # From the same index entry as the box (the search rows carry checked_on).
        "checked_on__gte": since,
    }
    queryset: QuerySet
    if filters.kind:
        queryset = ProviderKindLocation.objects.filter(kind=filters.kind, **in_box)
        prefix, id_field = "provider__", "provider_id"
    else:
        queryset = Provider.objects.filter(active=True, **in_box)
        prefix, id_field = "", "id"
    if filters.language:
        queryset = queryset.filter(**{f"{prefix}languages__has": filters.language})
    if filters.specialisation:
        queryset = queryset.filter(**{f"{prefix}specialisations__has": filters.specialisation})
    if filters.self_referral:
        queryset = queryset.filter(**{f"{prefix}self_referral": True})
    queryset = (
        queryset.annotate(closeness=_closeness(location))
        .filter(closeness__gte=min_dot_product(radius_km))
        .order_by("-closeness", id_field)
    )
    return queryset, id_field


def candidate_query(
    location: Location, radius_km: float, filters: SearchFilters = SearchFilters()
) -> QuerySet:
    """(provider id, lat, lon) of every match, nearest first; also for EXPLAIN."""
    queryset, id_field = _matches(location, radius_km, filters)
    return queryset.values_list(id_field, "lat", "lon")


def _distance(location: Location, lat: float, lon: float) -> float:
    return round(haversine_km(location.lat, location.lon, lat, lon), 1)


def page_query(
    location: Location,
    radius_km: float,
    filters: SearchFilters = SearchFilters(),
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> QuerySet:
    """One page of (provider id, lat, lon, total matches), nearest first."""
    matches, id_field = _matches(location, radius_km, filters)
    start = (page - 1) * page_size
    with_total = matches.annotate(total=Window(Count("*")))
    return with_total.values_list(id_field, "lat", "lon", "total")[start : start + page_size]


def search(
    location: Location,
    radius_km: float = DEFAULT_RADIUS_KM,
    filters: SearchFilters = SearchFilters(),
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> SearchResult:
    """Providers within radius_km of the location, nearest first, one page of them.

    Two queries: the page of (id, lat, lon) with the total count alongside (a window
    function, so no second pass for the count), then the providers on that page.
    """
    radius_km = min(float(radius_km), MAX_RADIUS_KM)
    page_rows = list(page_query(location, radius_km, filters, page, page_size))
    count = page_rows[0][3] if page_rows else candidate_query(location, radius_km, filters).count()
    providers = Provider.objects.in_bulk([row[0] for row in page_rows])
    hits = [
        ProviderHit(providers[provider_id], _distance(location, lat, lon))
        for provider_id, lat, lon, _total in page_rows
        if provider_id in providers
    ]
    return SearchResult(location, radius_km, filters, count, page, page_size, hits)


def nearby(kind: str, postcode: str, limit: int = 3, radius_km: float = 50) -> list[dict]:
    """Up to `limit` active providers of one helper kind near a postcode, nearest first.

    An empty list for anything it cannot use (unknown postcode or kind, a bad number),
    never an error. For several kinds at once, use nearby_for_kinds.
    """
    return nearby_for_kinds([kind], postcode, limit, radius_km)[kind]


# What nearby results say of how to reach a provider, besides its page (url).
CONTACT_FIELDS = ("phone", "email", "street", "postcode", "city")


def nearby_for_kinds(
    kinds: Iterable[str], postcode: str, limit: int = 3, radius_km: float = 50
) -> dict[str, list[dict]]:
    """For each kind, up to `limit` active providers near a postcode or place, nearest first.

    Made for the wegwijzer plan, which asks for all its helpers at once. Each kind's list
    is kept in the shared cache per postcode area, under the directory's content version
    (core.versions: every provider save, delete, import or verification moves it). What
    is not cached costs three queries for all kinds together: the location, the nearest
    search rows of every kind (one UNION ALL), the providers found. Leaves out entries
    not checked for 18 months. A kind it cannot use, an unknown postcode or a bad number
    gives an empty list, never an error.
    """
    kinds = tuple(dict.fromkeys(kinds))
    found: dict[str, list[dict]] = {kind: [] for kind in kinds}
    try:
        limit, radius = int(limit), min(float(radius_km), MAX_RADIUS_KM)
    except (TypeError, ValueError):
        return found
    wanted = [kind for kind in kinds if kind in slug_set("helpers")]
    if limit < 1 or not radius > 0 or not wanted:
        return found
    since = out_of_plan_before()
    prefix = _nearby_prefix(str(postcode), limit, radius, since)
    cached = _read_cache([prefix + kind for kind in wanted])
    missing = [kind for kind in wanted if prefix + kind not in cached]
    if missing:
        try:
            location = resolve_location(str(postcode))
        except ValueError:  # UnknownLocation: nothing to cache for a postcode that is not
            return found
        fresh = _nearest_of_kinds(location, missing, limit, radius, since)
        new = {prefix + kind: fresh[kind] for kind in missing}
        _write_cache(new)
        cached.update(new)
    found.update({kind: cached[prefix + kind] for kind in wanted})
    return found


def _nearby_prefix(query: str, limit: int, radius: float, since: datetime.date) -> str:
    """The cache key of a nearby list without its kind: the PC4 area of a postcode (every
    PC6 of an area has the PC4's centre), or a digest of a place name (short and safe)."""
    area = normalise_postcode(query) or hashlib.sha256(_place_key(query).encode()).hexdigest()
    version = content_version(DIRECTORY)
    generation = _nearby_generation["value"]
    return f"directory.nearby:{generation}:{version}:{since:%Y%m%d}:{area[:16]}:{limit}:{radius:g}:"


def _read_cache(keys: list[str]) -> dict[str, list[dict]]:
    try:
        return cache.get_many(keys)
    except Exception:  # the cache server is down (a Redis error of any kind)
        # A plan must not fail with the cache: the database answers, only slower.
        logger.warning("Nearby providers not read from the cache: it did not answer")
        return {}


def _write_cache(entries: dict[str, list[dict]]) -> None:
    try:
        cache.set_many(entries, NEARBY_CACHE_SECONDS)
    except Exception:  # the cache server is down
        logger.warning("Nearby providers not written to the cache: it did not answer")


def forget_nearby_for_tests() -> None:
    """Start from an empty nearby cache (new keys; old ones expire on their own)."""
    _nearby_generation["value"] = str(time.monotonic_ns())


def _nearest_of_kinds(
    location: Location, kinds: list[str], limit: int, radius: float, since: datetime.date
) -> dict[str, list[dict]]:
    """The nearest `limit` providers of each kind: one query of every kind's nearest search
    rows (each part reads its kind from the covering index, as a search does), one for
    the providers. The parts differ only in the kind, so the ORM builds one of them and
    the others repeat its SQL with their own kind among the parameters."""
    matches, _id_field = _matches(
        location, radius, SearchFilters(kind=_ANY_KIND, checked_since=since)
    )
    part = matches.values_list("kind", "provider_id", "lat", "lon")[:limit]
    sql, template = part.query.get_compiler(using=part.db).as_sql()
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS nearest_{i}" for i in range(len(kinds)))
    params = [kind if value == _ANY_KIND else value for kind in kinds for value in template]
    with connections[part.db].cursor() as cursor:
        cursor.execute(union, params)
        nearest = cursor.fetchall()
    fields = ("pk", "name", "organisation", "self_referral", "is_demo", *CONTACT_FIELDS)
    details = Provider.objects.only(*fields).in_bulk({row[1] for row in nearest})
    results: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for kind, provider_id, lat, lon in nearest:
        provider = details.get(provider_id)
        if provider is None:  # deleted between the two queries
            continue
        results[kind].append(
            {
                "id": provider.pk,
                "name": provider.name,
                "organisation": provider.organisation,
                "kind": kind,
                "distance_km": _distance(location, lat, lon),
                "url": provider.get_absolute_url(),
                "self_referral": provider.self_referral,
                "demo": provider.is_demo,
                # How to reach them: the plan shows this of the nearest provider.
                **{name: getattr(provider, name) for name in CONTACT_FIELDS},
            }
        )
    return results
