import re
import time

import pyotp
import pytest
from django.test import Client
from django.urls import reverse

from werkwijzer.accounts import twofactor
from werkwijzer.accounts.models import RecoveryCode, TOTPDevice
from werkwijzer.accounts.session import SECOND_FACTOR_KEY
from werkwijzer.accounts.testing import PASSWORD, force_login_verified, make_user

pytestmark = pytest.mark.django_db
SETUP = "/inloggen/tweede-stap/instellen/"
VERIFY = "/inloggen/tweede-stap/"
RECOVERY = "/inloggen/herstelcode/"


def login(client, user, **extra):
    return client.post("/inloggen/", {"username": user.username, "password": PASSWORD, **extra})


def with_device(user):
    device = TOTPDevice.objects.create(user=user, secret=pyotp.random_base32())
    twofactor.confirm_device(device)
    return device


def code_for(device, offset=0):
    return pyotp.TOTP(device.secret).at(time.time() + offset)


@pytest.mark.parametrize("role", ["professional", "editor", "expert", "privacy_officer", "admin"])
def test_roles_that_need_a_second_factor_are_sent_to_setup(client, role):
    user = make_user(role)
    response = login(client, user)
    assert response.url.startswith(SETUP)
    # Every other page sends them back to the setup.
    for path in ("/", "/wegwijzer/", "/account/", "/mijn-werkwijzer/"):
        page = client.get(path)
        assert page.status_code == 302 and page.url.startswith(SETUP), path


@pytest.mark.parametrize("role", ["person", "naaste", "employer"])
def test_other_roles_do_not_need_it(client, role):
    login(client, make_user(role))
    assert client.get("/account/").status_code == 200


def test_staff_accounts_need_it_whatever_their_role(client):
    login(client, make_user("person", is_staff=True))
    assert client.get("/").url.startswith(SETUP)


@pytest.mark.parametrize("path", ["/cms/", "/beheer/"])
def test_admin_sites_need_the_second_factor(client, path):
    user = make_user("admin")
    login(client, user)
    response = client.get(path)
    assert response.status_code == 302 and response.url.startswith(SETUP)
    with_device(user)
    response = client.get(path)
    assert response.status_code == 302 and response.url.startswith(VERIFY)


def test_admin_site_needs_it_even_for_a_person_with_access(client):
    login(client, make_user("person"))
    assert client.get("/cms/").url.startswith(SETUP)


def test_api_answers_401_in_the_error_shape(client):
    login(client, make_user("professional"))
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 401
    assert "errors" in response.json()


def test_open_pages_stay_open_before_the_second_factor(client):
    login(client, make_user("professional"))
    assert client.get(SETUP).status_code == 200
    response = client.post("/i18n/setlang/", {"language": "nl", "next": SETUP})
    assert response.status_code == 302 and response.url == SETUP
    assert client.post("/uitloggen/").status_code == 302


def test_setup_shows_qr_svg_and_secret_and_turns_on_with_a_valid_code(client):
    user = make_user("professional")
    login(client, user, next="/wegwijzer/")
    page = client.get(SETUP + "?next=/wegwijzer/")
    html = page.content.decode()
    assert '<svg role="img"' in html
    device = TOTPDevice.objects.get(user=user)
    assert device.secret[:4] in html
    assert "<script" not in html.split("<main", 1)[1]

    wrong = client.post(SETUP, {"code": "000000", "next": "/wegwijzer/"})
    assert b"This code is not correct" in wrong.content
    done = client.post(SETUP, {"code": code_for(device), "next": "/wegwijzer/"})
    assert done.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert RecoveryCode.objects.filter(user=user).count() == 10
    assert not RecoveryCode.objects.filter(code_hash__in=codes).exists()  # only hashes
    assert client.session[SECOND_FACTOR_KEY] == user.pk
    assert client.get("/wegwijzer/").status_code == 200


def test_setup_keeps_the_same_secret_until_confirmed(client):
    user = make_user("professional")
    login(client, user)
    client.get(SETUP)
    first = TOTPDevice.objects.get(user=user).secret
    client.get(SETUP)
    assert TOTPDevice.objects.get(user=user).secret == first


def test_login_with_totp(client):
    user = make_user("professional")
    device = with_device(user)
    response = login(client, user, next="/wegwijzer/")
    assert response.url.startswith(VERIFY)
    assert client.get("/wegwijzer/").url.startswith(VERIFY)
    wrong = client.post(VERIFY, {"code": "123456"})
    assert b"This code is not correct" in wrong.content
    ok = client.post(VERIFY, {"code": code_for(device), "next": "/wegwijzer/"})
    assert ok.status_code == 302 and ok.url == "/wegwijzer/"
    assert client.get("/wegwijzer/").status_code == 200


def test_a_code_works_only_once(client):
    user = make_user("professional")
    device = with_device(user)
    code = code_for(device)
    assert twofactor.verify_totp(device, code)
    device.refresh_from_db()
    assert not twofactor.verify_totp(device, code)


def test_clock_drift_of_one_step_is_allowed_but_not_more():
    device = with_device(make_user("professional"))
    assert twofactor.verify_totp(device, code_for(device, -30))
    assert not twofactor.verify_totp(device, code_for(device, -120))
    assert not twofactor.verify_totp(device, "abc")
    assert not twofactor.verify_totp(device, "")


def test_person_who_chose_a_second_factor_must_pass_it(client):
    user = make_user("person")
    with_device(user)
    assert login(client, user).url.startswith(VERIFY)
    assert client.get("/account/").url.startswith(VERIFY)


def test_recovery_code_works_once(client):
    user = make_user("professional")
    with_device(user)
    codes = twofactor.new_recovery_codes(user)
    login(client, user)
    response = client.post(RECOVERY, {"code": codes[0].upper().replace("-", " ")}, follow=True)
    assert b"You have 9 codes left" in response.content
    assert client.session[SECOND_FACTOR_KEY] == user.pk
    client.post("/uitloggen/")
    login(client, user)
    again = client.post(RECOVERY, {"code": codes[0]})
    assert b"not correct or was used before" in again.content
    assert SECOND_FACTOR_KEY not in client.session


def test_wrong_codes_lock_out_and_log_out(client):
    user = make_user("professional")
    with_device(user)
    login(client, user)
    for _ in range(4):
        assert client.post(VERIFY, {"code": "000000"}).status_code == 200
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 429
    assert b"paused for 15 minutes" in response.content
    assert "_auth_user_id" not in client.session
    assert login(client, user).status_code == 429


def test_logging_in_again_does_not_clear_wrong_codes(client):
    """Only a complete login clears the count: the password alone would hand out five
    fresh guesses at the code after every login."""
    user = make_user("professional")
    with_device(user)
    login(client, user)
    for _ in range(4):
        client.post(VERIFY, {"code": "000000"})
    client.post("/uitloggen/")
    assert login(client, user).status_code == 302
    assert client.post(VERIFY, {"code": "000000"}).status_code == 429


def test_wrong_codes_pause_only_this_address(client):
    user = make_user("professional")
    device = with_device(user)
    login(client, user)
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})
    elsewhere = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="203.0.113.20")
    assert login(elsewhere, user).status_code == 302
    response = elsewhere.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 302
    assert elsewhere.session[SECOND_FACTOR_KEY] == user.pk


def test_regenerate_recovery_codes_replaces_the_old_ones(client):
    user = make_user("professional")
    with_device(user)
    old = twofactor.new_recovery_codes(user)
    force_login_verified(client, user)
    response = client.post(reverse("accounts:regenerate_recovery_codes"))
    new = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert not twofactor.use_recovery_code(user, old[0])
    assert twofactor.use_recovery_code(user, new[0])
    assert client.get(reverse("accounts:regenerate_recovery_codes")).status_code == 405


def test_new_phone_needs_the_password_and_then_setup(client):
    user = make_user("professional")
    with_device(user)
    force_login_verified(client, user)
    url = reverse("accounts:remove_second_factor")
    assert client.post(url, {"password": "wrong"}).status_code == 400
    assert TOTPDevice.objects.filter(user=user).exists()
    response = client.post(url, {"password": PASSWORD})
    assert response.url == SETUP
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get("/account/").url.startswith(SETUP)


def test_person_can_switch_it_off(client):
    user = make_user("person")
    with_device(user)
    force_login_verified(client, user)
    response = client.post(reverse("accounts:remove_second_factor"), {"password": PASSWORD})
    assert response.url == "/account/"
    assert client.get("/account/").status_code == 200


def test_force_login_verified_passes_the_middleware(client):
    force_login_verified(client, make_user("professional", profession="baco"))
    assert client.get("/account/").status_code == 200


def test_verify_and_recovery_pages_without_a_device_go_to_setup(client):
    login(client, make_user("professional"))
    assert client.get(VERIFY).url.startswith(SETUP)
    assert client.get(RECOVERY).url.startswith(SETUP)


def test_second_factor_pages_need_a_login(client):
    for path in (SETUP, VERIFY, RECOVERY, "/account/"):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/inloggen/"), path
