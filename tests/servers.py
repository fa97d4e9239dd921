"""Real processes for tests of the deployed shape: a PostgreSQL database of their own,
the `werkwijzer` command and gunicorn, started as an operator would start them.

Used by the production smoke test and the multi-server tests. Each database gets a
unique name and is dropped afterwards, so parallel runs do not collide.
"""

from __future__ import annotations

import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

BIN = Path(sys.executable).parent
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def postgres_server_url() -> str | None:
    """A URL to the PostgreSQL server's maintenance database, or None if none answers.

    CI's DATABASE_URL names the server to use; without it the local server is tried."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured and not configured.startswith("postgres"):
        configured = ""
    url = configured.rsplit("/", 1)[0] + "/postgres" if configured else DEFAULT_SERVER
    try:
        with psycopg.connect(url, connect_timeout=3):
            return url
    except psycopg.OperationalError:
        return None


@contextmanager
def temporary_database(server_url: str, prefix: str = "ww_test") -> Iterator[str]:
    """Create an empty database; yield its URL; drop it afterwards."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def werkwijzer(*arguments: str, env: dict[str, str], timeout: int = 600) -> str:
    """Run `werkwijzer <arguments>`; fail with its output when it fails."""
    result = subprocess.run(
        [str(BIN / "werkwijzer"), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"werkwijzer {' '.join(arguments)} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, log: Path, seconds: int) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"The server stopped at start:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise AssertionError(f"The server did not answer {url} in {seconds} s")


def stop(process: subprocess.Popen, seconds: int = 30) -> None:
    """Stop a server as systemd would: TERM, then KILL when it does not end in time."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def gunicorn(
    env: dict[str, str], log: Path, *, workers: int = 2, access_log: bool = True
) -> Iterator[str]:
    """Serve werkwijzer.wsgi with gunicorn on a free port; yield its base URL."""
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "werkwijzer.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                "--timeout=120",
                # The proxy in front of us is the test itself, on 127.0.0.1.
                "--forwarded-allow-ips=127.0.0.1",
                *(["--access-logfile=-"] if access_log else []),
                # gunicorn 27 opens a control socket in ~/.gunicorn; two servers would share it.
                "--no-control-socket",
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        # Liveness needs no database, so a server without one still starts.
        wait_until_answering(f"{base}/api/v1/live", process, log, seconds=90)
        yield base
    finally:
        stop(process)


REDIS_URL = "redis://127.0.0.1:6379"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def production_environment(folder: Path, database_url: str) -> dict[str, str]:
    """The variables docs/operations.md asks an operator to set, with the static files and
    the audit anchor in `folder`; Redis as the shared cache when one answers."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WERKWIJZER_", "DATABASE_", "REDIS_", "CACHE_"))
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="werkwijzer.settings.production",
        DJANGO_SECRET_KEY="production-smoke-test-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=database_url,
        WERKWIJZER_PROXY_COUNT="1",
        WERKWIJZER_AUDIT_KEYS="smoke:production-smoke-audit-key",
        WERKWIJZER_AUDIT_KEY="production-smoke-audit-key",
        WERKWIJZER_AUDIT_ANCHOR_FILE=str(folder / "audit-anchor.jsonl"),
        WAGTAILADMIN_BASE_URL="https://127.0.0.1",
        WERKWIJZER_SITE_URL="https://127.0.0.1",
    )
    if redis_answers():
        # Production runs with a shared cache; a prefix of its own keeps parallel runs apart.
        environ.update(
            CACHE_URL=f"{REDIS_URL}/0",
            WERKWIJZER_CACHE_PREFIX=f"ww-production-{uuid.uuid4().hex[:8]}",
        )
    return environ


class SmtpSink:
    """A mail server on 127.0.0.1 that keeps every message it is given (no relay).

    Speaks just enough SMTP for Django's smtp backend: EHLO/HELO, MAIL, RCPT, DATA,
    RSET, NOOP and QUIT."""

    def __init__(self) -> None:
        self.messages: list[dict[str, object]] = []
        self._lock = threading.Lock()
        sink = self

        class Session(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                sink._converse(self.rfile, self.wfile)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]

    def __enter__(self) -> SmtpSink:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def count(self) -> int:
        with self._lock:
            return len(self.messages)

    def _converse(self, rfile, wfile) -> None:
        wfile.write(b"220 sink ready\r\n")
        sender, recipients = "", []
        for raw in rfile:
            command = raw.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                wfile.write(b"250 sink\r\n")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip("<> "), []
                wfile.write(b"250 ok\r\n")
            elif verb == "RCPT":
                recipients.append(command[8:].strip("<> "))
                wfile.write(b"250 ok\r\n")
            elif verb == "DATA":
                wfile.write(b"354 end with .\r\n")
                body = b"".join(iter(lambda: rfile.readline(), b".\r\n"))
                with self._lock:
                    self.messages.append(
                        {
                            "from": sender,
                            "to": list(recipients),
                            "data": body.decode("utf-8", "replace"),
                        }
                    )
                wfile.write(b"250 queued\r\n")
            elif verb == "QUIT":
                wfile.write(b"221 bye\r\n")
                return
            else:  # RSET, NOOP and anything else
                wfile.write(b"250 ok\r\n")


def smtp_environment(sink: SmtpSink) -> dict[str, str]:
    return {
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(sink.port),
    }


@contextmanager
def worker(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """`werkwijzer worker` as a deployment runs it, beside the app servers."""
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(BIN / "werkwijzer"), "worker", "--interval=0.5"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        stop(process)
