import pytest


@pytest.mark.django_db
def test_home_page_renders_in_dutch_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


@pytest.mark.django_db
def test_unknown_page_gets_a_friendly_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_security_headers_are_set(client):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_site_has_an_icon_and_favicon_ico_finds_it(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/werkwijzer/icon.svg" type="image/svg+xml">' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/werkwijzer/icon.svg"
