import importlib
import time

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.core import mail
from django.test import Client, override_settings

from werkwijzer.accounts.models import User
from werkwijzer.accounts.session import LAST_ACTIVITY_KEY
from werkwijzer.accounts.testing import PASSWORD, force_login_verified, make_user

pytestmark = pytest.mark.django_db


def test_argon2_is_the_configured_hasher():
    with override_settings(
        PASSWORD_HASHERS=importlib.import_module("werkwijzer.settings.base").PASSWORD_HASHERS
    ):
        encoded = make_password("a long password")
        assert identify_hasher(encoded).algorithm == "argon2"


def test_password_validators_refuse_weak_passwords(client):
    response = client.post(
        "/registreren/",
        {"role": "person", "email": "a@example.org", "password1": "12345", "password2": "12345"},
    )
    assert response.status_code == 200
    assert not User.objects.exists()


def test_register_a_person_logs_in_and_sends_an_email(client):
    data = {
        "role": "person",
        "email": "Nieuw@Example.org",
        "first_name": "Noor",
        "password1": "een-lang-wachtwoord-42",
        "password2": "een-lang-wachtwoord-42",
    }
    response = client.post("/registreren/", data)
    user = User.objects.get()
    assert (user.username, user.email, user.role) == (
        "nieuw@example.org",
        "nieuw@example.org",
        "person",
    )
    assert response.status_code == 302 and response.url == "/mijn-werkwijzer/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert "een-lang-wachtwoord-42" not in mail.outbox[0].body


def test_register_an_employer_keeps_the_organisation(client):
    client.post(
        "/registreren/",
        {
            "role": "employer",
            "email": "baas@example.org",
            "organisation": "Bakkerij BV",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    user = User.objects.get()
    assert (user.role, user.organisation) == ("employer", "Bakkerij BV")


@pytest.mark.parametrize("role", ["professional", "admin", "editor", "bogus"])
def test_registration_cannot_make_privileged_roles(client, role):
    client.post(
        "/registreren/",
        {
            "role": role,
            "email": "x@example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert not User.objects.exists()


def test_register_refuses_a_taken_address_and_different_passwords(client):
    make_user("person", email="taken@example.org")
    response = client.post(
        "/registreren/",
        {
            "role": "person",
            "email": "TAKEN@example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-ander-wachtwoord-42",
        },
    )
    assert b"already an account" in response.content
    assert b"not the same" in response.content
    assert User.objects.count() == 1


def test_password_reset_by_email(client):
    user = make_user("person", email="reset@example.org")
    response = client.post("/wachtwoord-vergeten/", {"email": "reset@example.org"})
    assert response.url == "/wachtwoord-vergeten/verstuurd/"
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/wachtwoord-herstellen/" in line)
    path = link.split("testserver", 1)[1]
    token = path.rstrip("/").rsplit("/", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert b'name="new_password1"' in form_page.content
    set_url = form_page.redirect_chain[-1][0]
    # The token was swapped for the session: the page's own URL (and so the access log
    # for every request after the first, and any Referer) does not hold it.
    assert token not in set_url and set_url.endswith("/set-password/")
    done = client.post(
        set_url, {"new_password1": "nieuw-wachtwoord-123", "new_password2": "nieuw-wachtwoord-123"}
    )
    assert done.url == "/wachtwoord-herstellen/klaar/"
    user.refresh_from_db()
    assert user.check_password("nieuw-wachtwoord-123")


def test_a_new_password_ends_a_login_pause(client):
    user = make_user("person", email="paused@example.org")
    for _ in range(5):
        client.post("/inloggen/", {"username": user.username, "password": "wrong-password"})
    assert (
        client.post("/inloggen/", {"username": user.username, "password": PASSWORD}).status_code
        == 429
    )
    client.post("/wachtwoord-vergeten/", {"email": "paused@example.org"})
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/wachtwoord-herstellen/" in line
    )
    set_url = client.get(link.split("testserver", 1)[1], follow=True).redirect_chain[-1][0]
    new = {"new_password1": "nieuw-wachtwoord-123", "new_password2": "nieuw-wachtwoord-123"}
    assert client.post(set_url, new).status_code == 302
    login = client.post(
        "/inloggen/", {"username": user.username, "password": "nieuw-wachtwoord-123"}
    )
    assert login.status_code == 302


def test_password_reset_requests_are_limited_per_address(client, settings):
    settings.WERKWIJZER_RATE_LIMITS = {"password-reset": "2/h"}
    for _ in range(2):
        assert client.post("/wachtwoord-vergeten/", {"email": "x@example.org"}).status_code == 302
    refused = client.post("/wachtwoord-vergeten/", {"email": "x@example.org"})
    assert refused.status_code == 429
    assert b"Too many tries from your address" in refused.content
    other = client.post(
        "/wachtwoord-vergeten/", {"email": "x@example.org"}, REMOTE_ADDR="203.0.113.5"
    )
    assert other.status_code == 302


def test_registrations_are_limited_per_address(client, settings):
    settings.WERKWIJZER_RATE_LIMITS = {"register": "1/h"}

    def register(number, **extra):
        data = {
            "role": "person",
            "email": f"new{number}@example.org",
            "first_name": "Nieuw",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        }
        return Client(HTTP_ACCEPT_LANGUAGE="en", **extra).post("/registreren/", data)

    assert register(1).status_code == 302
    refused = register(2)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert b"Too many tries from your address" in refused.content
    assert register(3, REMOTE_ADDR="203.0.113.5").status_code == 302
    assert User.objects.count() == 2


def test_password_reset_for_unknown_address_looks_the_same(client):
    response = client.post("/wachtwoord-vergeten/", {"email": "nobody@example.org"})
    assert response.url == "/wachtwoord-vergeten/verstuurd/"
    assert not mail.outbox


def test_bad_reset_link_shows_a_message(client):
    response = client.get("/wachtwoord-herstellen/xx/bad-token/")
    assert response.status_code == 200
    assert b"does not work" in response.content


def test_account_page_and_password_change(client):
    user = make_user("person")
    force_login_verified(client, user)
    page = client.get("/account/")
    assert page.status_code == 200 and user.email.encode() in page.content
    response = client.post(
        "/account/wachtwoord/",
        {
            "old_password": PASSWORD,
            "new_password1": "nieuw-wachtwoord-123",
            "new_password2": "nieuw-wachtwoord-123",
        },
    )
    assert response.url == "/account/"
    user.refresh_from_db()
    assert user.check_password("nieuw-wachtwoord-123")
    assert client.get("/account/").status_code == 200  # still logged in


def test_header_shows_login_or_account_menu(client):
    assert b'href="/inloggen/"' in client.get("/").content
    force_login_verified(client, make_user("person"))
    html = client.get("/").content.decode()
    assert 'href="/mijn-werkwijzer/"' in html
    assert 'action="/uitloggen/"' in html


def test_idle_session_is_logged_out(client, settings):
    user = make_user("professional")
    force_login_verified(client, user)
    assert client.get("/account/").status_code == 200
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/account/")
    assert response.status_code == 302 and response.url.startswith("/inloggen/")
    assert "_auth_user_id" not in client.session


def test_a_person_has_a_longer_idle_timeout(client):
    force_login_verified(client, make_user("person"))
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - 31 * 60
    session.save()
    assert client.get("/account/").status_code == 200


def test_production_settings_are_secure(monkeypatch, tmp_path):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    # Production refuses to start without an audit key and anchor file (records/keys.py).
    monkeypatch.setenv("WERKWIJZER_AUDIT_KEYS", "test:" + "k" * 32)
    monkeypatch.setenv("WERKWIJZER_AUDIT_ANCHOR_FILE", str(tmp_path / "anchor.jsonl"))
    import sys

    # base too: it read the environment when the test settings were loaded.
    for name in ("werkwijzer.settings.production", "werkwijzer.settings.base"):
        sys.modules.pop(name, None)
    production = importlib.import_module("werkwijzer.settings.production")
    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_HTTPONLY
    assert production.SECURE_HSTS_SECONDS >= 60 * 60 * 24 * 180
    assert production.SECURE_SSL_REDIRECT
    assert production.X_FRAME_OPTIONS == "DENY"
    assert production.SESSION_COOKIE_AGE <= 60 * 60 * 12
    middleware = production.MIDDLEWARE
    assert "werkwijzer.accounts.middleware.SecondFactorMiddleware" in middleware
    assert "werkwijzer.accounts.middleware.IdleTimeoutMiddleware" in middleware
    assert middleware.index("werkwijzer.accounts.middleware.SecondFactorMiddleware") > (
        middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    )
    # Login throttling per account and address: axes checks before any password.
    assert production.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
    assert production.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_login_page_headers(client):
    response = client.get("/inloggen/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_make_user_defaults():
    admin = make_user("admin")
    assert admin.is_staff and admin.is_superuser and admin.check_password(PASSWORD)
    person = make_user("person", email="p@example.org")
    assert person.email == "p@example.org" and not person.is_staff
