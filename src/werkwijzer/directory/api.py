"""JSON API of the verwijsgids: GET /api/v1/providers and /api/v1/providers/{id}."""

from __future__ import annotations

import datetime
from enum import StrEnum

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from werkwijzer.api.errors import ApiError, ErrorsOut
from werkwijzer.directory.choices import (
    DEFAULT_RADIUS_KM,
    LANGUAGE_CHOICES,
    MAX_RADIUS_KM,
    SPECIALISATION_CHOICES,
    WorkSetting,
)
from werkwijzer.directory.models import Provider
from werkwijzer.directory.services import (
    PAGE_SIZE,
    SearchFilters,
    UnknownLocation,
    resolve_location,
    search,
)
from werkwijzer.vocabulary.slugs import Helper

router = Router()

Language = StrEnum("Language", {code.upper(): code for code, _label in LANGUAGE_CHOICES})
Specialisation = StrEnum(
    "Specialisation",
    {code.upper().replace("-", "_"): code for code, _label in SPECIALISATION_CHOICES},
)


class ProviderQuery(Schema):
    postcode: str = Field(
        ...,
        min_length=1,
        max_length=64,
        description="Dutch postcode (1234 or 1234 AB) or a municipality name.",
    )
    kind: Helper | None = Field(None, description="Helper slug from the vocabulary.")
    radius_km: float = Field(DEFAULT_RADIUS_KM, gt=0, le=MAX_RADIUS_KM)
    language: Language | None = Field(None, description="Language spoken (ISO 639 code).")
    specialisation: Specialisation | None = None
    self_referral: bool = Field(False, description="Only providers you can go to directly.")
    page: int = Field(1, ge=1, le=10_000)


class LocationOut(Schema):
    label: str
    lat: float
    lon: float
    pc4: str


class ProviderSummary(Schema):
    id: int
    name: str
    organisation: str
    kinds: list[str]
    city: str
    distance_km: float
    self_referral: bool
    stale: bool = Field(..., description="Not verified for more than 12 months.")
    out_of_plan: bool = Field(
        ..., description="Not verified for more than 18 months: left out of personal plans."
    )
    demo: bool = Field(..., description="An invented example entry (demo content): not real.")
    url: str


class ProviderPage(Schema):
    location: LocationOut
    radius_km: float
    count: int
    page: int
    pages: int
    page_size: int
    results: list[ProviderSummary]


class ProviderOut(Schema):
    id: int
    external_id: str
    name: str
    organisation: str
    kinds: list[str]
    work_setting: WorkSetting
    street: str
    postcode: str
    city: str
    lat: float
    lon: float
    phone: str
    email: str
    website: str
    languages: list[str]
    specialisations: list[str]
    self_referral: bool
    intercollegial_consultation: bool
    costs_note: str
    verified_on: datetime.date | None
    verified_by: str
    stale: bool
    out_of_plan: bool = Field(
        ..., description="Not verified for more than 18 months: left out of personal plans."
    )
    demo: bool = Field(..., description="An invented example entry (demo content): not real.")
    url: str
    folder_url: str | None


def _unknown_location_message(unknown: UnknownLocation) -> str:
    if not unknown.query:
        return _("Fill in a postcode or place.")
    message = _("We do not know the postcode or place “%(query)s”.") % {"query": unknown.query}
    if unknown.suggestions:
        message += " " + _("Did you mean: %(options)s?") % {
            "options": ", ".join(unknown.suggestions)
        }
    return message


@router.get(
    "/providers",
    response={200: ProviderPage, 422: ErrorsOut},
    summary="Providers near a postcode, nearest first",
    description=(
        f"Paginated, {PAGE_SIZE} per page. Only active providers checked in the last 24 "
        "months (older ones are hidden until verified)."
    ),
)
def list_providers(request: HttpRequest, filters: Query[ProviderQuery]) -> dict:
    try:
        location = resolve_location(filters.postcode)
    except UnknownLocation as unknown:
        raise ApiError(
            [{"field": "postcode", "message": _unknown_location_message(unknown)}]
        ) from unknown
    result = search(
        location,
        filters.radius_km,
        SearchFilters(
            kind=filters.kind or "",
            language=filters.language or "",
            specialisation=filters.specialisation or "",
            self_referral=filters.self_referral,
        ),
        page=filters.page,
    )
    return {
        "location": location.__dict__,
        "radius_km": result.radius_km,
        "count": result.count,
        "page": result.page,
        "pages": result.pages,
        "page_size": result.page_size,
        "results": [
            {
                "id": hit.provider.pk,
                "name": hit.provider.name,
                "organisation": hit.provider.organisation,
                "kinds": hit.provider.kinds,
                "city": hit.provider.city,
                "distance_km": hit.distance_km,
                "self_referral": hit.provider.self_referral,
                "stale": hit.provider.is_stale,
                "out_of_plan": hit.provider.is_out_of_plan,
                "demo": hit.provider.is_demo,
                "url": hit.provider.get_absolute_url(),
            }
            for hit in result.hits
        ],
    }


@router.get(
    "/providers/{provider_id}",
    response={200: ProviderOut, 404: ErrorsOut},
    summary="One provider with everything needed to make contact",
)
def get_provider(request: HttpRequest, provider_id: int) -> dict:
    provider = Provider.objects.listed().filter(pk=provider_id).first()
    if provider is None:
        raise Http404
    data = {
        name: getattr(provider, name)
        for name in ProviderOut.model_fields
        if hasattr(provider, name)
    }
    data |= {
        "id": provider.pk,
        "stale": provider.is_stale,
        "out_of_plan": provider.is_out_of_plan,
        "demo": provider.is_demo,
        "url": provider.get_absolute_url(),
        "folder_url": f"{provider.get_absolute_url()}folder.pdf" if provider.has_folder else None,
    }
    return data
