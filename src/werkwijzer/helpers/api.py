"""The helper catalogue as JSON: GET /api/v1/helpers and /api/v1/helpers/{slug}."""

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema

from werkwijzer.api.schemas import SourceOut
from werkwijzer.helpers.services import helper_as_dict, helpers_with_texts

router = Router()


class AccessOut(Schema):
    text: str
    routes: list[str]
    self_referral: bool


class CostsOut(Schema):
    text: str
    kind: str


class AgeOut(Schema):
    min: int | None
    max: int | None


class FactOut(Schema):
    text: str
    source: SourceOut


class HelperOut(Schema):
    slug: str
    language: str
    group: str
    title: str
    summary: str
    what: str
    when: list[str]
    access: AccessOut
    costs: CostsOut
    applies_to: list[str]
    age: AgeOut
    topics: list[str]
    facts: list[FactOut]
    sources: list[SourceOut]


class LanguageQuery(Schema):
    lang: str = "nl"


@router.get("/helpers", response=list[HelperOut], summary="Every kind of helper (wie kan helpen)")
def list_helpers(request: HttpRequest, query: Query[LanguageQuery]) -> list[dict]:
    return [helper_as_dict(helper, query.lang) for helper in helpers_with_texts()]


@router.get("/helpers/{slug}", response=HelperOut, summary="One kind of helper")
def get_helper(request: HttpRequest, slug: str, query: Query[LanguageQuery]) -> dict:
    helper = helpers_with_texts().filter(slug=slug).first()
    if helper is None:
        raise Http404
    return helper_as_dict(helper, query.lang)
