"""Accounts in the browser: register, log in, set up TOTP, log in with TOTP, lockout."""

from __future__ import annotations

import re
import time

import pyotp

from tests.browser.conftest import assert_accessible, screenshot
from werkwijzer.accounts.testing import PASSWORD, make_user


def _login(page, username, password):
    page.goto("/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")


def _fresh_code(secret: str) -> str:
    # Avoid a code that expires while typing, and a code already used this step.
    totp = pyotp.TOTP(secret)
    if 30 - time.time() % 30 < 3:
        time.sleep(3.5)
    return totp.now()


def test_register_and_log_out(page):
    page.goto("/registreren/")
    screenshot(page, "accounts-register")
    assert_accessible(page)
    page.check("input[value=person]")
    page.fill("#id_email", "browser@example.org")
    page.fill("#id_first_name", "Noor")
    page.fill("#id_password1", "een-lang-wachtwoord-42")
    page.fill("#id_password2", "een-lang-wachtwoord-42")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".account-menu").get_by_text("Mijn account").is_visible()
    page.goto("/account/")
    screenshot(page, "accounts-account")
    assert_accessible(page)
    page.locator(".account-menu__logout button").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_text("Je bent uitgelogd.").is_visible()


def test_professional_sets_up_totp_and_logs_in_with_it(page):
    user = make_user("professional", profession="baco")
    _login(page, user.username, PASSWORD)
    page.wait_for_url(re.compile(r"/inloggen/tweede-stap/instellen/"))
    screenshot(page, "accounts-totp-setup")
    assert_accessible(page)
    assert page.locator(".qr-code svg").is_visible()
    secret = page.locator(".totp-secret code").inner_text().replace(" ", "")
    page.fill("#id_code", _fresh_code(secret))
    page.click("main form.form-grid button[type=submit]")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    screenshot(page, "accounts-recovery-codes")
    assert_accessible(page)
    page.get_by_text("Ik heb mijn codes bewaard, verder").click()
    page.locator(".account-menu__logout button").click()

    _login(page, user.username, PASSWORD)
    page.wait_for_url(re.compile(r"/inloggen/tweede-stap/"))
    screenshot(page, "accounts-totp-verify")
    assert_accessible(page)
    time.sleep(max(0.0, 30 - time.time() % 30) + 0.5)  # the next step: a new code
    page.fill("#id_code", _fresh_code(secret))
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/zorgpad/verwijzingen/"))  # a professional's work
    assert page.get_by_role("heading", name="Mijn verwijzingen").is_visible()

    page.locator(".account-menu__logout button").click()
    _login(page, user.username, PASSWORD)
    page.get_by_text("Telefoon niet bij je? Gebruik een herstelcode").click()
    screenshot(page, "accounts-recovery")
    assert_accessible(page)
    page.fill("#id_code", codes[0])
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/zorgpad/verwijzingen/"))
    assert page.get_by_text("Je hebt nog 9 codes").is_visible()


def test_lockout_message(page):
    user = make_user("person")
    for _ in range(5):
        _login(page, user.username, "verkeerd-wachtwoord")
    page.wait_for_load_state()
    assert page.get_by_text("Te vaak geprobeerd zonder succes").is_visible()
    screenshot(page, "accounts-login-locked")
    assert_accessible(page)


def test_login_page_without_javascript(page_without_js):
    page = page_without_js
    user = make_user("employer")
    page.goto("/inloggen/")
    screenshot(page, "accounts-login")
    _login(page, user.username, PASSWORD)
    page.wait_for_url(re.compile(r"/zorgpad/werkgeversrapporten/"))  # an employer's work
    assert page.get_by_role("heading", name="Rapporten over je werknemers").is_visible()
