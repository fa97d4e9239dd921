"""Real processes for tests of the deployed shape: a PostgreSQL database of their own,
the `werkwijzer` command and gunicorn, started as an operator would start them.

Used by the production smoke test and the multi-server tests. Each database gets a
unique name and is dropped afterwards, so parallel runs do not collide.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
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


@contextmanager
def gunicorn(env: dict[str, str], log: Path, *, workers: int = 2) -> Iterator[str]:
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
                "--access-logfile=-",
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
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
