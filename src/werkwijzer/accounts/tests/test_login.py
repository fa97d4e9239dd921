import datetime as dt
import logging

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from werkwijzer.accounts import services, throttling
from werkwijzer.accounts.testing import PASSWORD, make_user
from werkwijzer.accounts.views import home_for

pytestmark = pytest.mark.django_db
LOGIN = "/inloggen/"
PROXY = "10.0.0.1"
ADDRESS_A = "198.51.100.7"
ADDRESS_B = "203.0.113.20"


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
    assert response.url == reverse("care:employer_reports")


@pytest.mark.parametrize(
    ("role", "home"),
    [
        ("person", "records:overview"),
        ("naaste", "records:overview"),
        ("employer", "care:employer_reports"),
        ("professional", "care:worklist"),
        ("editor", "wagtailadmin_home"),
        ("expert", "wagtailadmin_home"),
        ("privacy_officer", "records:privacy_log"),
        ("admin", "admin:index"),
    ],
)
def test_each_role_lands_where_its_work_is(role, home):
    assert home_for(make_user(role)) == reverse(home)


def test_an_employer_logging_in_lands_on_the_reports(client):
    user = make_user("employer")
    response = post_login(client, user.username, PASSWORD)
    assert response.url == reverse("care:employer_reports")
    assert client.get(response.url).status_code == 200


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


def test_five_failures_pause_the_pair_even_with_the_right_password(client):
    user = make_user("person")
    for _ in range(4):
        assert post_login(client, user.username, "wrong-password").status_code == 200
    fifth = post_login(client, user.username, "wrong-password")
    assert fifth.status_code == 429
    assert b"paused for 15 minutes" in fifth.content
    paused = post_login(client, user.username, PASSWORD)
    assert paused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_attack_fails_behind_a_proxy(settings):
    """Five wrong passwords from address A; the right one from address B still logs in."""
    settings.WERKWIJZER_PROXY_COUNT = 1
    user = make_user("person")
    attacker = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ADDRESS_A)
    for _ in range(5):
        last = post_login(attacker, user.username, "wrong-password")
    assert last.status_code == 429
    owner = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ADDRESS_B)
    response = post_login(owner, user.username, PASSWORD)
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(user.pk)
    # Address A stays paused, also for the right password.
    assert post_login(attacker, user.username, PASSWORD).status_code == 429
    # The address is the client's: a forged entry in front of the real one changes nothing.
    forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{ADDRESS_B}, {ADDRESS_A}")
    assert post_login(forged, user.username, PASSWORD).status_code == 429


def test_without_proxies_x_forwarded_for_is_ignored(settings):
    """WERKWIJZER_PROXY_COUNT = 0: a new X-Forwarded-For per try does not escape the pause."""
    settings.WERKWIJZER_PROXY_COUNT = 0
    user = make_user("person")
    for number in range(5):
        spoofing = Client(REMOTE_ADDR=ADDRESS_A, HTTP_X_FORWARDED_FOR=f"192.0.2.{number + 1}")
        last = post_login(spoofing, user.username, "wrong-password")
    assert last.status_code == 429
    spoofing = Client(REMOTE_ADDR=ADDRESS_A, HTTP_X_FORWARDED_FOR=ADDRESS_B)
    assert post_login(spoofing, user.username, PASSWORD).status_code == 429
    # The right password from another real address works.
    assert post_login(Client(REMOTE_ADDR=ADDRESS_B), user.username, PASSWORD).status_code == 302


def test_the_pause_is_explained_in_dutch():
    user = make_user("person")
    dutch = Client()
    for _ in range(5):
        response = post_login(dutch, user.username, "verkeerd-wachtwoord")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Te vaak geprobeerd zonder succes" in page
    assert "15 minuten" in page
    assert 'name="username"' in page  # the login form is still there


def test_pause_message_is_the_same_for_unknown_accounts(client):
    for _ in range(5):
        response = post_login(client, "ghost@example.org", "wrong-password")
    assert response.status_code == 429
    assert b"paused for 15 minutes" in response.content


def test_pause_ends_after_fifteen_minutes(client):
    user = make_user("person")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            post_login(client, user.username, "wrong-password")
    with time_machine.travel(start + dt.timedelta(minutes=14), tick=False):
        assert Client().get(LOGIN).status_code == 200  # looking is no try
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 302


def test_every_try_while_paused_doubles_the_pause(client):
    user = make_user("person")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            post_login(client, user.username, "wrong-password")
    with time_machine.travel(start + dt.timedelta(minutes=1), tick=False):
        sixth = post_login(client, user.username, PASSWORD)  # counts, even when right
        assert sixth.status_code == 429
        assert b"paused for 30 minutes" in sixth.content
    with time_machine.travel(start + dt.timedelta(minutes=2), tick=False):
        assert b"paused for 60 minutes" in post_login(client, user.username, "x").content
    # 60 minutes after the last try, not 15 after the fifth.
    with time_machine.travel(start + dt.timedelta(minutes=50), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=50 + 121), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 302


def test_failures_far_apart_do_not_pause(client):
    user = make_user("person")
    start = timezone.now()
    for minute in (0, 16, 32, 48, 64):
        with time_machine.travel(start + dt.timedelta(minutes=minute), tick=False):
            post_login(client, user.username, "wrong-password")
    with time_machine.travel(start + dt.timedelta(minutes=65), tick=False):
        assert post_login(client, user.username, PASSWORD).status_code == 302


def test_success_resets_the_count(client):
    user = make_user("person")
    for _ in range(4):
        post_login(client, user.username, "wrong-password")
    assert post_login(client, user.username, PASSWORD).status_code == 302
    client.post("/uitloggen/")
    for _ in range(4):
        assert post_login(client, user.username, "wrong-password").status_code == 200


def test_email_and_username_count_as_one_account(client):
    user = make_user("person", email="Bea@Example.org")
    for typed in ("bea@example.org", user.username, "BEA@example.org", user.username.upper()):
        post_login(client, typed, "wrong-password")
    assert post_login(client, "Bea@Example.org", "wrong-password").status_code == 429


def test_one_address_is_limited_across_accounts(client, settings):
    settings.WERKWIJZER_RATE_LIMITS = {"login-failures": "6/h"}
    for number in range(6):
        post_login(client, f"user{number}@example.org", "wrong-password")
    user = make_user("person")
    refused = post_login(client, user.username, PASSWORD)
    assert refused.status_code == 429
    assert b"Too many tries from your address" in refused.content
    assert "_auth_user_id" not in client.session
    other = Client(REMOTE_ADDR=ADDRESS_B)
    assert post_login(other, user.username, PASSWORD).status_code == 302


@pytest.mark.parametrize("path", ["/beheer/login/", "/cms/login/"])
def test_admin_logins_are_paused_with_the_same_page(client, path):
    admin = make_user("admin")
    for _ in range(5):
        response = client.post(path, {"username": admin.username, "password": "wrong-password"})
    assert response.status_code == 429
    assert b"paused for 15 minutes" in response.content
    assert post_login(client, admin.username, PASSWORD).status_code == 429
    assert post_login(Client(REMOTE_ADDR=ADDRESS_B), admin.username, PASSWORD).status_code == 302


def test_a_new_password_ends_the_pause(client):
    user = make_user("person")
    for _ in range(5):
        post_login(client, user.username, "wrong-password")
    throttling.forget_account(user.username)  # what setting a new password does
    assert post_login(client, user.username, PASSWORD).status_code == 302


def test_an_operator_can_end_a_pause(client):
    from django.core.management import call_command

    user = make_user("person")
    for _ in range(5):
        post_login(client, user.username, "wrong-password")
    call_command("axes_reset_username", user.username)
    assert post_login(client, user.username, PASSWORD).status_code == 302


def test_attempts_are_stored_without_the_password(client):
    post_login(client, "Someone@Example.org", "secret-password-123")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "someone@example.org"
    assert attempt.ip_address == "127.0.0.1"
    assert attempt.failures_since_start == 1
    assert "secret-password-123" not in str(AccessAttempt.objects.values().first())


def test_failure_is_logged_without_personal_data(client, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(5):
        post_login(client, "private@example.org", "wrong-password")
    assert "Login failed" in caplog.text
    assert "private@example.org" not in caplog.text
    assert "127.0.0.1" not in caplog.text


def test_purge_old_login_attempts(client):
    post_login(client, "a@example.org", "wrong-password")
    AccessLog.objects.create(
        username="b", ip_address="192.0.2.1", user_agent="x", http_accept="x", path_info="/"
    )
    AccessLog.objects.update(attempt_time=timezone.now() - dt.timedelta(days=40))
    assert services.purge_old_login_attempts() == 1  # the old log line; the try is recent
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        assert services.purge_old_login_attempts() == 2  # the expired try and its expiry
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()


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
