"""Search over the real kennisbank (SQLite here, PostgreSQL with DATABASE_URL)."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from werkwijzer.search.services import search

pytestmark = pytest.mark.django_db


def top(q: str, n: int = 3, **options) -> list[str]:
    return [result.slug for result in search(q, **options).results[:n]]


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("baas", "gesprek-met-werkgever"),
        ("chemo en werken", "werken-tijdens-behandeling"),
        ("ziek melden", "ziekmelding-en-verzuim"),
        ("moe", "vermoeidheid-en-werk"),
        ("geld als ik ziek ben", "loondoorbetaling"),
        ("ontslag", "rechten-en-plichten"),
        ("mag mijn werkgever vragen wat ik heb?", "wat-mag-werkgever-vragen"),
        ("vermoiedheid", "vermoeidheid-en-werk"),
        ("can my employer ask about my diagnosis", "wat-mag-werkgever-vragen"),
        ("zorgverlof voor mijn partner", "naasten-en-werk"),
        ("zieke zzp'er", "zzp-en-kanker"),
    ],
)
def test_people_find_what_they_mean(kennisbank, q, slug):
    assert slug in top(q)


def test_result_shape_and_highlighted_passage(kennisbank):
    result = search("moe").results[0]
    assert result.type == "article"
    assert result.url == "/kennisbank/vermoeidheid-en-werk/"
    assert "vermoeidheid-en-werk" in result.topics
    assert "<mark>" in result.passage
    assert result.score > 0


def test_english_reader_gets_english_articles(kennisbank):
    results = search("tired at work", language="en").results
    assert results[0].slug == "vermoeidheid-en-werk"
    assert results[0].language == "en"
    assert len({r.url for r in results}) == len(results)


def test_did_you_mean(kennisbank):
    assert search("vermoiedheid op werk").suggestion == "vermoeidheid op werk"
    assert search("ontslag").suggestion == ""


def test_persona_puts_matching_articles_first(kennisbank):
    plain = top("inkomen als ik ziek ben", 5)
    zzp = top("inkomen als ik ziek ben", 5, persona="werkende:zzp")
    assert zzp.index("zzp-en-kanker") < plain.index("zzp-en-kanker")
    assert zzp[0] == "zzp-en-kanker"


def test_type_filter(kennisbank):
    assert all(r.type == "helper" for r in search("baco", types=["helper"]).results)


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "?!?!...",
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert(1)</script>",
        "%",
        "\x00\x01",
        "ééé ççç",
    ],
)
def test_bad_queries_never_fail(kennisbank, client, q):
    response = search(q)
    assert response.results == [] or response.results[0].score > 0
    page = client.get("/zoeken/", {"q": q})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.content.decode()
    api = client.get("/api/v1/search", {"q": q})
    assert api.status_code == 200
    body = api.json()
    assert set(body) == {"query", "results", "suggestion", "message"}


def test_empty_query_gets_a_clear_message(kennisbank, client):
    assert "Type" in search("").message or "Typ" in search("").message
    assert client.get("/api/v1/search", {"q": "!!!"}).json()["message"]


def test_api_refuses_bad_parameters(kennisbank, client):
    response = client.get("/api/v1/search", {"q": "moe", "lang": "xx", "type": "boek", "limit": 0})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"lang", "type", "limit"}
    too_long = client.get("/api/v1/search", {"q": "a" * 10_001})
    assert too_long.status_code == 422


def test_api_results(kennisbank, client):
    body = client.get("/api/v1/search", {"q": "baas", "type": "article"}).json()
    first = body["results"][0]
    assert set(first) == {
        "type", "slug", "title", "url", "topics", "passage", "score", "language", "demo",
    }  # fmt: skip
    assert first["slug"] == "gesprek-met-werkgever"


def test_search_page_and_empty_results(kennisbank, client):
    html = client.get("/zoeken/", {"q": "moe"}).content.decode()
    assert "Moe door kanker en toch werken" in html
    assert "<mark>" in html
    empty = client.get("/zoeken/", {"q": "qwxzqwxz"}).content.decode()
    assert "/wegwijzer/" in empty and "/wie-kan-helpen/" in empty


def test_command_line_json(kennisbank, capsys):
    call_command("search", "ziek melden", "--json")
    body = json.loads(capsys.readouterr().out)
    assert body["results"][0]["slug"] == "ziekmelding-en-verzuim"
    with pytest.raises(CommandError):
        call_command("search", "moe", "--lang", "xx")


def test_new_publication_is_found_at_once(kennisbank):
    from werkwijzer.knowledge.models import ArticlePage

    page = ArticlePage.objects.get(slug="iva", locale__language_code="nl")
    page.title = "IVA en vervroegde IVA: de zebraregeling"
    page.save_revision().publish()
    assert top("zebraregeling", 1) == ["iva"]


def test_the_engine_gets_only_words_the_index_knows(kennisbank, monkeypatch):
    from werkwijzer.search import documents

    asked = []
    real = documents.article_candidates

    def spy(words, locales, limit):
        asked.append(list(words))
        return real(words, locales, limit)

    monkeypatch.setattr(documents, "article_candidates", spy)
    search("xqzwv vermoeidheid")
    search("xqzwv")
    assert asked[0] and "xqzwv" not in asked[0]
    assert asked[1] == []


def test_engine_candidates_are_article_ids_in_the_asked_locales(kennisbank):
    from wagtail.models import Locale

    from werkwijzer.knowledge.models import ArticlePage
    from werkwijzer.search.documents import article_candidates

    dutch = Locale.objects.get(language_code="nl")
    ids = article_candidates(["vermoeidheid", "moe"], [dutch.pk], 80)
    assert ids and all(isinstance(pk, int) for pk in ids)
    pages = ArticlePage.objects.filter(pk__in=ids)
    assert {page.locale_id for page in pages} == {dutch.pk}
    assert len(article_candidates(["vermoeidheid", "moe"], [dutch.pk], 2)) == 2


def test_engine_candidates_take_the_locales_in_order_up_to_the_limit(kennisbank):
    from wagtail.models import Locale

    from werkwijzer.search.documents import article_candidates

    first, second = sorted(
        Locale.objects.filter(language_code__in=["nl", "en"]).values_list("pk", flat=True)
    )
    words = ["vermoeidheid", "moe", "fatigue", "tired"]
    each = {pk: article_candidates(words, [pk], 80) for pk in (first, second)}
    assert each[first] and each[second]
    # The locales in the order of their ids, whatever order they are asked in.
    both = article_candidates(words, [second, first], 80)
    assert set(both[: len(each[first])]) == set(each[first])
    assert set(both[len(each[first]) :]) == set(each[second])
    # The limit counts over all locales together.
    some = article_candidates(words, [second, first], len(each[first]) + 1)
    assert len(some) == len(each[first]) + 1 and some[-1] in each[second]
    assert set(article_candidates(words, [first, second], 1)) <= set(each[first])
