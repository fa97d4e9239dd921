"""The second factor: TOTP (RFC 6238) with an authenticator app, and recovery codes."""

from __future__ import annotations

import secrets
import time

import pyotp
import segno
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from pyotp.utils import strings_equal

from werkwijzer.accounts.models import RecoveryCode, TOTPDevice, User
from werkwijzer.core import roles

ISSUER = "Werkwijzer"
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to copy


def required_for(user: User) -> bool:
    """Whether this user must use a second factor (core.roles: the roles that see other
    people's data or change content, and every staff account)."""
    return roles.needs_second_factor(user)


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def pending_device(user: User) -> TOTPDevice:
    """The device being set up (a new secret), or the confirmed one if there is one."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, defaults={"secret": pyotp.random_base32()}
    )
    return device


def provisioning_uri(device: TOTPDevice) -> str:
    name = device.user.email or device.user.get_username()
    return pyotp.TOTP(device.secret).provisioning_uri(name=name, issuer_name=ISSUER)


def qr_svg(uri: str, title: str) -> str:
    """The QR code as inline SVG markup (no JavaScript, no image request)."""
    qr = segno.make(uri, error="m")
    svg = qr.svg_inline(scale=5, border=2, title=title, omitsize=True)
    return svg.replace("<svg ", '<svg role="img" ', 1)


def grouped_secret(secret: str) -> str:
    """The secret in groups of four, easier to type by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _clean_code(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())


def verify_totp(device: TOTPDevice, code: str, now: float | None = None) -> bool:
    """Check a 6-digit code (one step of clock drift allowed); a code works once."""
    code = _clean_code(code)
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(device.secret)
    now = time.time() if now is None else now
    step_now = int(now // totp.interval)
    for step in (step_now - 1, step_now, step_now + 1):
        if step <= device.last_used_step:
            continue
        if strings_equal(totp.at(step * totp.interval), code):
            # Atomically claim the step, so two requests cannot use the same code.
            claimed = TOTPDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(
                last_used_step=step
            )
            if claimed:
                device.last_used_step = step
                return True
    return False


def confirm_device(device: TOTPDevice) -> None:
    device.confirmed_at = timezone.now()
    device.save(update_fields=["confirmed_at"])


def remove_second_factor(user: User) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()


def _new_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _normalise_code(code: str) -> str:
    raw = "".join(ch for ch in (code or "").lower() if ch.isalnum())
    return f"{raw[:5]}-{raw[5:]}" if len(raw) == 10 else raw


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes by ten new ones; the plain codes are returned once."""
    codes = [_new_code() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, code_hash=make_password(code)) for code in codes
        )
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """Use up a recovery code; True if it was valid and unused."""
    code = _normalise_code(code)
    if len(code) != 11:
        return False
    for candidate in RecoveryCode.objects.filter(user=user, used_at__isnull=True):
        if check_password(code, candidate.code_hash):
            used = RecoveryCode.objects.filter(pk=candidate.pk, used_at__isnull=True).update(
                used_at=timezone.now()
            )
            return bool(used)
    return False


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
