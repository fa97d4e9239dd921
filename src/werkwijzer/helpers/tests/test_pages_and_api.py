import pytest

from werkwijzer.vocabulary.slugs import slugs

pytestmark = pytest.mark.usefixtures("helper_catalogue")


def test_catalogue_page_lists_every_helper(client):
    html = client.get("/wie-kan-helpen/").content.decode()
    for slug in slugs("helpers"):
        assert f"/wie-kan-helpen/{slug}/" in html


@pytest.mark.parametrize("slug", slugs("helpers"))
def test_every_helper_has_a_page_and_json(client, slug):
    page = client.get(f"/wie-kan-helpen/{slug}/")
    assert page.status_code == 200
    data = client.get(f"/api/v1/helpers/{slug}").json()
    assert data["slug"] == slug
    assert data["title"] and data["what"] and data["when"] and data["access"]["text"]
    assert data["costs"]["text"] and data["applies_to"]
    # A page to open, or a document cited by the place in it.
    assert all(fact["source"]["url"] or fact["source"]["locator"] for fact in data["facts"])


def test_english_json(client):
    data = client.get("/api/v1/helpers/baco?lang=en").json()
    assert data["language"] == "en"
    assert "occupational physician" in data["title"].lower()


def test_unknown_language_falls_back_to_dutch(client):
    assert client.get("/api/v1/helpers/baco?lang=tr").json()["language"] == "nl"


def test_unknown_helper_is_a_404_with_a_message(client):
    response = client.get("/api/v1/helpers/tandarts")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"] == "Niet gevonden."
    assert client.get("/wie-kan-helpen/tandarts/").status_code == 404


def test_list_endpoint_has_all_helpers(client):
    assert len(client.get("/api/v1/helpers").json()) == len(slugs("helpers"))


def test_a_helper_page_links_to_articles_of_its_topics(client):
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"knowledge"})
    html = client.get("/wie-kan-helpen/baco/").content.decode()
    assert "Lees meer in de kennisbank" in html
    assert "/kennisbank/" in html
