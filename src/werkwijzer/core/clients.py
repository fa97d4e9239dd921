"""The address of the person behind a request, past the proxies we trust.

Every part of Werkwijzer that needs a client address (login throttling, the limits on
anonymous forms and the API) asks `client_address(request)`; nothing else reads
REMOTE_ADDR or X-Forwarded-For.

WERKWIJZER_PROXY_COUNT says how many proxies of our own stand in front of the app
server. Each of them appends the address it saw to X-Forwarded-For, so the client is the
N-th entry from the right. Entries further left come from the client itself and are
never trusted. With 0 (the default) X-Forwarded-For is ignored: anyone can send it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


def proxy_count() -> int:
    return max(0, int(getattr(settings, "WERKWIJZER_PROXY_COUNT", 0)))


def _normalised(address: str | None) -> str | None:
    """The address in its canonical spelling, or None when it is no IP address (a value
    the database's address column would refuse)."""
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, or None when the request carries no usable one."""
    remote = _normalised(request.META.get("REMOTE_ADDR"))
    proxies = proxy_count()
    if proxies == 0:
        return remote
    # ipware counts the proxies *inside* the header (the last proxy is REMOTE_ADDR), and
    # non-strict accepts extra entries on the left: those are the client's own claims.
    address, _routable = get_client_ip(
        request,
        proxy_count=proxies - 1,
        request_header_order=(FORWARDED_HEADER,),
        strict=False,
    )
    # A shorter chain did not pass all our proxies (a probe straight to the app server):
    # then the nearest hop is all we know.
    return _normalised(address) or remote
