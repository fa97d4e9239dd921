"""GET /api/v1/search: one search over articles, helper kinds, providers and FAQ."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from werkwijzer.api.errors import ApiError
from werkwijzer.core.i18n import current_language
from werkwijzer.search.documents import TYPES
from werkwijzer.search.services import LANGUAGES, search

router = Router()
MAX_Q = 10_000  # longer queries are cut, not refused; beyond this the request is refused


class SearchParams(Schema):
    q: str = ""
    lang: str | None = None
    persona: str | None = None
    type: str | None = None
    limit: int = 10


class ResultOut(Schema):
    type: str
    slug: str
    title: str
    url: str
    topics: list[str]
    passage: str
    score: float
    language: str
    demo: bool = False


class SearchOut(Schema):
    query: str
    results: list[ResultOut]
    suggestion: str
    message: str


@router.get("/search", response=SearchOut, summary="Search articles, helpers, providers and FAQ")
def search_endpoint(request: HttpRequest, params: Query[SearchParams]):
    """`q` the question in any words; `lang` nl or en; `persona` role and/or employment
    slugs as `role:employment` (for example `werkende:zzp`); `type` article, helper,
    provider, faq (published questions of Vraag de specialist) or several separated by
    commas. The passage marks matches with <mark>."""
    errors = []
    language = params.lang or current_language()
    if language not in LANGUAGES:
        errors.append({"field": "lang", "message": _("Choose nl or en.")})
    kinds = [part for part in (params.type or "").replace(" ", ",").split(",") if part]
    if any(kind not in TYPES for kind in kinds):
        errors.append(
            {"field": "type", "message": _("Choose from: article, helper, provider, faq.")}
        )
    if not 1 <= params.limit <= 50:
        errors.append({"field": "limit", "message": _("Choose a number from 1 to 50.")})
    if len(params.q) > MAX_Q:
        errors.append({"field": "q", "message": _("The question is too long.")})
    if errors:
        raise ApiError(errors, status=422)
    return search(
        params.q, language=language, persona=params.persona, types=kinds, limit=params.limit
    ).as_dict()
