"""The audit keys come from the environment; production does not start without one (but
builds its static files without any secret)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from werkwijzer.records.keys import (
    DEVELOPMENT_KEY,
    AuditKey,
    configured_keys,
    parse_keys,
    require_production,
)

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


def _production(*arguments: str, **environ: str) -> subprocess.CompletedProcess:
    """`werkwijzer <arguments>` with the production settings and only `environ` set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WERKWIJZER_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="werkwijzer.settings.production",
        DJANGO_SECRET_KEY="production-settings-test-" + "x" * 40,
        **environ,
    )
    command = [str(Path(sys.executable).with_name("werkwijzer")), *arguments]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def test_production_refuses_to_start_without_a_key():
    """migrate, the worker and `werkwijzer check` run the system checks: they refuse."""
    refused = _production("check")
    assert refused.returncode != 0
    assert "records.E001" in refused.stderr and "Set WERKWIJZER_AUDIT_KEYS" in refused.stderr
    started = _production(
        "check",
        WERKWIJZER_AUDIT_KEYS="smoke:production-smoke-audit-key",
        WERKWIJZER_AUDIT_KEY="production-smoke-audit-key",
        WERKWIJZER_SITE_URL="https://werkwijzer.example",  # core.E001 wants it too
    )
    assert started.returncode == 0, started.stderr


def test_a_build_without_secrets_can_collect_the_static_files(tmp_path):
    """collectstatic needs no audit key: a build step has no secrets."""
    built = _production("collectstatic", "--no-input", "-v", "0", DJANGO_STATIC_ROOT=str(tmp_path))
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "staticfiles.json").exists()


def test_without_a_real_key_production_writes_no_audit_event(settings):
    settings.WERKWIJZER_AUDIT_KEY_REQUIRED = True
    settings.WERKWIJZER_AUDIT_KEYS = [DEVELOPMENT_KEY]
    with pytest.raises(ImproperlyConfigured):
        configured_keys()
