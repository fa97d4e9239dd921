"""The audit keys come from the environment; production does not start without one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from werkwijzer.records.keys import DEVELOPMENT_KEY, AuditKey, parse_keys, require_production

SECRET = "a-secret-of-sufficient-length"


def test_pairs_current_first():
    assert parse_keys(f"new:{SECRET}2, old:{SECRET}1", None) == [
        ("new", f"{SECRET}2"),
        ("old", f"{SECRET}1"),
    ]


def test_the_shorthand_is_one_key_named_default():
    assert parse_keys(None, SECRET) == [("default", SECRET)]
    assert parse_keys("", "") == []


def test_both_variables_must_agree_on_the_current_key():
    # As the production smoke test sets them: the shorthand repeats the current secret.
    assert parse_keys(f"smoke:{SECRET}", SECRET) == [("smoke", SECRET)]
    with pytest.raises(ImproperlyConfigured, match="differ"):
        parse_keys(f"smoke:{SECRET}", SECRET + "-other")


@pytest.mark.parametrize(
    "value",
    [SECRET, f"bad id:{SECRET}", "short:tiny", f"a:{SECRET},a:{SECRET}x", f":{SECRET}"],
)
def test_malformed_keys_are_refused(value):
    with pytest.raises(ImproperlyConfigured):
        parse_keys(value, None)


def test_production_needs_a_real_key_and_an_anchor_file():
    require_production([("k", SECRET)], "/var/lib/werkwijzer/audit-anchor.jsonl")
    for keys, anchor in (
        ([], "/anchor"),
        ([DEVELOPMENT_KEY], "/anchor"),
        ([("k", SECRET)], ""),
    ):
        with pytest.raises(ImproperlyConfigured):
            require_production(keys, anchor)


def test_a_key_never_shows_its_secret():
    assert SECRET not in repr(AuditKey("k", SECRET))


def _production_settings(**environ: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WERKWIJZER_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="werkwijzer.settings.production",
        DJANGO_SECRET_KEY="production-settings-test-" + "x" * 40,
        **environ,
    )
    code = "from django.conf import settings; print(settings.WERKWIJZER_AUDIT_KEYS[0][0])"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_settings_refuse_to_start_without_a_key():
    refused = _production_settings()
    assert refused.returncode != 0
    assert "ImproperlyConfigured: Set WERKWIJZER_AUDIT_KEYS" in refused.stderr
    started = _production_settings(
        WERKWIJZER_AUDIT_KEYS="smoke:production-smoke-audit-key",
        WERKWIJZER_AUDIT_KEY="production-smoke-audit-key",
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "smoke"
