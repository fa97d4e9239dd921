"""One decorator for pages that need an account: core.access.guard (issue 14). Only the
login flow itself (accounts: the second-factor steps) uses Django's login_required."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
LOGIN_FLOW = {"accounts/views.py"}


def test_no_page_outside_the_login_flow_uses_login_required():
    users = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and "login_required" in path.read_text(encoding="utf-8")
    ]
    assert set(users) <= LOGIN_FLOW, sorted(set(users) - LOGIN_FLOW)
