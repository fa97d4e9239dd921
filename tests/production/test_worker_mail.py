"""A request queues an e-mail; `werkwijzer worker`, a process of its own, sends it to a
mail server. Here: a forgotten password asked on the production server, delivered to a
local SMTP sink, and the link in it works without leaving its token in the address bar.
"""

from __future__ import annotations

import re
import time

from tests.production.conftest import ProxiedClient
from tests.servers import SmtpSink, smtp_environment, worker


def _wait_for_mail(sink: SmtpSink, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sink.count():
            return sink.messages[0]
        time.sleep(0.2)
    raise AssertionError(f"the worker sent no e-mail within {seconds} s")


def test_the_worker_sends_the_mail_a_request_queued(production_site):
    base, environ, folder = production_site
    visitor = ProxiedClient(base)
    asked = visitor.post_form("/wachtwoord-vergeten/", {"email": "demo-persoon@werkwijzer.example"})
    assert asked.status == 302, asked.text[:500]
    with SmtpSink() as sink, worker({**environ, **smtp_environment(sink)}, folder / "worker.log"):
        mail = _wait_for_mail(sink)
    assert mail["to"] == ["demo-persoon@werkwijzer.example"]
    link = re.search(r"https://127\.0\.0\.1:\d+(/\S+/)", str(mail["data"]))
    assert link, mail["data"]
    token = link.group(1).rstrip("/").rsplit("/", 1)[-1]
    opened = visitor.request(link.group(1))
    # Django swaps the token for a session and sends the browser to a token-free address.
    assert opened.status == 302
    target = opened.headers["Location"]
    assert target.endswith("/set-password/") and token not in target
    form = visitor.request(target)
    assert form.status == 200
    assert 'name="new_password1"' in form.text
