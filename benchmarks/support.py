"""Shared pieces of the benchmarks: the database, a real server, a load generator."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def ensure_database() -> str:
    """Create the benchmark database when missing and migrate it; returns its vendor."""
    database = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        import psycopg

        params = {
            "host": database.get("HOST") or "127.0.0.1",
            "port": database.get("PORT") or 5432,
            "user": database.get("USER") or "postgres",
            "dbname": "postgres",
            "autocommit": True,
        }
        with psycopg.connect(**params) as admin:
            exists = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
            ).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{database["NAME"]}"')
    call_command("migrate", verbosity=0, interactive=False)
    return connection.vendor


@contextlib.contextmanager
def gunicorn(workers: int = 2) -> Iterator[str]:
    """A gunicorn server of this project on 127.0.0.1 with the benchmark settings."""
    from tests.servers import gunicorn as serve

    with (
        tempfile.TemporaryDirectory() as folder,
        serve(
            dict(os.environ), Path(folder) / "gunicorn.log", workers=workers, access_log=False
        ) as base,
    ):
        yield base


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk(
    url: str,
    seconds: int = 10,
    connections: int = 8,
    bodies: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> float:
    """Requests per second that `wrk` reaches on a URL.

    With `bodies`, every request is a POST of the next JSON body in the list (round robin),
    so a server cannot answer from one remembered result. `headers` go with every request
    (say Accept-Encoding, as browsers send it).
    """
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    script = None
    if bodies:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115
        script.write("bodies = {" + ",".join(_lua_string(body) for body in bodies) + "}\n")
        script.write(
            "counter = 0\n"
            'wrk.method = "POST"\n'
            'wrk.headers["Content-Type"] = "application/json"\n'
            "request = function()\n"
            "  counter = counter + 1\n"
            "  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])\n"
            "end\n"
        )
        script.close()
        command += ["-s", script.name]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    if script:
        Path(script.name).unlink()
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{errors.group(1)} failed responses from {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
