"""The keys of the audit log's hash chain: read from the environment, never stored in the
database (an attacker who can write the database must not be able to recompute the chain).

`WERKWIJZER_AUDIT_KEYS` holds comma-separated `id:secret` pairs, the current key first;
older keys stay in the list so events sealed with them still verify after a rotation.
`WERKWIJZER_AUDIT_KEY` is the shorthand for one key (id `default`).

Imported by the settings, so this module must not import Django models.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

KEYS_VARIABLE = "WERKWIJZER_AUDIT_KEYS"
KEY_VARIABLE = "WERKWIJZER_AUDIT_KEY"
SHORTHAND_KEY_ID = "default"
MIN_SECRET_LENGTH = 16
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")

# Development and tests only: production refuses to start with it (see require_production).
DEVELOPMENT_KEY = ("development", "werkwijzer-development-audit-key-not-secret")


@dataclass(frozen=True)
class AuditKey:
    id: str
    secret: str

    def __repr__(self) -> str:  # never print the secret in a traceback or log
        return f"AuditKey(id={self.id!r})"


def _parse_pair(pair: str) -> tuple[str, str]:
    key_id, separator, secret = pair.partition(":")
    key_id, secret = key_id.strip(), secret.strip()
    if not separator or not _KEY_ID.match(key_id):
        raise ImproperlyConfigured(
            f"{KEYS_VARIABLE}: every entry is id:secret with an id of 1-32 letters, digits, "
            f"'.', '_' or '-' (got an entry starting {pair[:8]!r})."
        )
    if len(secret) < MIN_SECRET_LENGTH:
        raise ImproperlyConfigured(
            f"{KEYS_VARIABLE}: the secret of key {key_id!r} is shorter than "
            f"{MIN_SECRET_LENGTH} characters."
        )
    return key_id, secret


def parse_keys(keys_value: str | None, key_value: str | None) -> list[tuple[str, str]]:
    """The configured keys as (id, secret) pairs, current first; [] when none is set."""
    pairs = [_parse_pair(item) for item in (keys_value or "").split(",") if item.strip()]
    ids = [key_id for key_id, _secret in pairs]
    if len(set(ids)) != len(ids):
        raise ImproperlyConfigured(f"{KEYS_VARIABLE}: a key id appears twice.")
    shorthand = (key_value or "").strip()
    if not shorthand:
        return pairs
    if not pairs:
        return [_parse_pair(f"{SHORTHAND_KEY_ID}:{shorthand}")]
    if shorthand != pairs[0][1]:
        # Two different "current" keys: refuse rather than guess which one seals.
        raise ImproperlyConfigured(
            f"{KEY_VARIABLE} and the first key of {KEYS_VARIABLE} differ; set only "
            f"{KEYS_VARIABLE}, or make {KEY_VARIABLE} its current (first) secret."
        )
    return pairs


def keys_from_environment() -> list[tuple[str, str]]:
    return parse_keys(os.environ.get(KEYS_VARIABLE), os.environ.get(KEY_VARIABLE))


def require_production(keys: list[tuple[str, str]], anchor_file: str) -> None:
    """In production no key, the development key or no anchor file means the audit log
    could be rewritten unnoticed: the system check (records.checks) and every use of the
    keys (configured_keys) refuse then."""
    if not keys:
        raise ImproperlyConfigured(
            f"Set {KEYS_VARIABLE} (id:secret, current first) or {KEY_VARIABLE}: production "
            "seals the audit log with a secret key (see docs/operations.md, 'Audit log')."
        )
    if any(secret == DEVELOPMENT_KEY[1] for _id, secret in keys):
        raise ImproperlyConfigured(
            f"{KEYS_VARIABLE} holds the development key; production needs its own secret."
        )
    if not anchor_file:
        raise ImproperlyConfigured(
            "WERKWIJZER_AUDIT_ANCHOR_FILE is empty; production writes the verified chain head "
            "there on every `werkwijzer audit verify`."
        )


def configured_keys() -> list[AuditKey]:
    """The keys from the settings (so tests can override them), current first."""
    from django.conf import settings

    if getattr(settings, "WERKWIJZER_AUDIT_KEY_REQUIRED", False):
        require_production(settings.WERKWIJZER_AUDIT_KEYS, settings.WERKWIJZER_AUDIT_ANCHOR_FILE)
    keys = [AuditKey(key_id, secret) for key_id, secret in settings.WERKWIJZER_AUDIT_KEYS]
    if not keys:
        raise ImproperlyConfigured(
            f"No audit key configured: set {KEYS_VARIABLE} (see docs/operations.md)."
        )
    return keys
