import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from werkwijzer.accounts import lockout
from werkwijzer.accounts.models import LoginAttempt
from werkwijzer.accounts.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOGIN = "/inloggen/"


def post_login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_login_page_renders(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert b'autocomplete="current-password"' in response.content


def test_login_page_is_dutch_by_default():
    from django.test import Client

    response = Client().get(LOGIN)
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()


def test_person_logs_in_with_email_and_lands_on_mijn_werkwijzer(client):
    user = make_user("person", email="Anna@Example.org")
    response = post_login(client, "anna@example.org", PASSWORD)
    assert response.status_code == 302
    assert response.url == "/mijn-werkwijzer/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_with_username_and_safe_next(client):
    user = make_user("employer")
    response = post_login(client, user.username, PASSWORD, next="/wegwijzer/")
    assert response.url == "/wegwijzer/"


def test_login_ignores_next_to_other_site(client):
    user = make_user("employer")
    response = post_login(client, user.username, PASSWORD, next="https://evil.example/")
    assert response.url == reverse("accounts:account")


def test_wrong_password_gives_the_same_message_as_unknown_account(client):
    user = make_user("person")
    wrong = post_login(client, user.username, "not-the-password")
    unknown = post_login(client, "nobody@example.org", "not-the-password")
    assert wrong.status_code == unknown.status_code == 200
    assert b"The e-mail address or the password is not correct" in wrong.content
    assert b"The e-mail address or the password is not correct" in unknown.content
    assert "_auth_user_id" not in client.session


def test_empty_or_huge_input_is_no_server_error(client):
    assert client.post(LOGIN, {}).status_code == 200
    assert post_login(client, "x" * 5000, "y" * 5000).status_code == 200
    assert client.post(LOGIN, {"username": ["a", "b"], "password": "\x00"}).status_code == 200


def test_five_failures_lock_the_account_even_with_the_right_password(client):
    user = make_user("person")
    for _ in range(4):
        assert post_login(client, user.username, "wrong-password").status_code == 200
    fifth = post_login(client, user.username, "wrong-password")
    assert fifth.status_code == 429
    assert b"blocked for 15 minutes" in fifth.content
    locked = post_login(client, user.username, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_message_is_the_same_for_unknown_accounts(client):
    for _ in range(5):
        response = post_login(client, "ghost@example.org", "wrong-password")
    assert response.status_code == 429
    assert b"blocked for 15 minutes" in response.content


def test_lock_ends_after_fifteen_minutes(client):
    user = make_user("person")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            post_login(client, user.username, "wrong-password")
        assert post_login(client, user.username, PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=14), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 302


def test_failures_spread_over_more_than_the_window_do_not_lock(client):
    user = make_user("person")
    start = timezone.now()
    for minute in (0, 5, 10, 16, 21):
        with time_machine.travel(start + dt.timedelta(minutes=minute), tick=False):
            post_login(client, user.username, "wrong-password")
    with time_machine.travel(start + dt.timedelta(minutes=22), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 302


def test_success_resets_the_count(client):
    user = make_user("person")
    for _ in range(4):
        post_login(client, user.username, "wrong-password")
    assert post_login(client, user.username, PASSWORD).status_code == 302
    client.post("/uitloggen/")
    for _ in range(4):
        assert post_login(client, user.username, "wrong-password").status_code == 200


def test_one_ip_address_is_limited_across_accounts(client, settings):
    settings.ACCOUNTS_LOGIN_MAX_FAILURES_PER_IP = 6
    for number in range(6):
        post_login(client, f"user{number}@example.org", "wrong-password")
    user = make_user("person")
    assert post_login(client, user.username, PASSWORD).status_code == 429


def test_attempts_are_stored_without_the_password(client):
    post_login(client, "Someone@Example.org", "secret-password-123")
    attempt = LoginAttempt.objects.get()
    assert attempt.username == "someone@example.org"
    assert attempt.ip_address == "127.0.0.1"
    assert not attempt.succeeded
    assert "secret-password-123" not in str(LoginAttempt.objects.values().first())


def test_failure_is_logged_without_personal_data(client, caplog):
    post_login(client, "private@example.org", "wrong-password")
    assert "Login failed" in caplog.text
    assert "private@example.org" not in caplog.text
    assert "127.0.0.1" not in caplog.text


def test_purge_old_attempts():
    LoginAttempt.objects.create(username="a", stage="password")
    LoginAttempt.objects.filter(username="a").update(
        created_at=timezone.now() - dt.timedelta(days=40)
    )
    LoginAttempt.objects.create(username="b", stage="password")
    assert lockout.purge_old_attempts() == 1
    assert LoginAttempt.objects.count() == 1


def test_logged_in_user_visiting_login_is_sent_on(client):
    from werkwijzer.accounts.testing import force_login_verified

    force_login_verified(client, make_user("employer"))
    assert client.get(LOGIN).status_code == 302


def test_logout_needs_post_and_logs_out(client):
    from werkwijzer.accounts.testing import force_login_verified

    force_login_verified(client, make_user("person"))
    assert client.get("/uitloggen/").status_code == 405
    response = client.post("/uitloggen/", follow=True)
    assert b"You are logged out" in response.content
    assert "_auth_user_id" not in client.session
