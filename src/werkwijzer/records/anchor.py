"""Anchors of the audit chain: the verified head (counter and hash) kept outside the
database, so a chain cut short and given a matching head is still found out.

`werkwijzer audit verify` appends one JSON line per run to WERKWIJZER_AUDIT_ANCHOR_FILE;
an operator copies those lines elsewhere (backups, another system, a notary) and can check
against one with `--anchor`. A line is `{"time": ..., "counter": N, "hash": ...}`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

_HASH = re.compile(r"^[0-9a-f]{64}$")


class AnchorError(ValueError):
    """An anchor that cannot be read: treated as a break, never skipped."""


@dataclass(frozen=True)
class Anchor:
    counter: int
    hash: str
    time: str = ""
    source: str = ""  # where it came from, for the report ("anchor file line 3")


def _checked(counter: object, hash_value: object, time: object, source: str) -> Anchor:
    if not isinstance(counter, int) or isinstance(counter, bool) or counter < 0:
        raise AnchorError(f"{source}: the counter must be a whole number >= 0")
    if not isinstance(hash_value, str) or not _HASH.match(hash_value):
        raise AnchorError(f"{source}: the hash must be 64 lowercase hexadecimal characters")
    return Anchor(counter, hash_value, str(time or ""), source)


def parse(value: str, source: str = "--anchor") -> Anchor:
    """An anchor as written to the file (a JSON line) or as `counter:hash`."""
    value = value.strip()
    if value.startswith("{"):
        try:
            data = json.loads(value)
        except json.JSONDecodeError as error:
            raise AnchorError(f"{source}: not valid JSON ({error.msg})") from error
        if not isinstance(data, dict):
            raise AnchorError(f"{source}: expected a JSON object")
        return _checked(data.get("counter"), data.get("hash"), data.get("time"), source)
    counter, separator, hash_value = value.partition(":")
    if not separator or not counter.strip().isdigit():
        raise AnchorError(f"{source}: expected counter:hash or a JSON line from the anchor file")
    return _checked(int(counter), hash_value.strip().lower(), "", source)


def read(path: str | os.PathLike[str]) -> list[Anchor]:
    """Every anchor in the file, oldest first; [] when there is no file yet."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [
        parse(line, f"anchor file {path} line {number}")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def append(path: str | os.PathLike[str], counter: int, hash_value: str) -> Anchor:
    """Add the verified head as one line; flushed to disk before verify reports success."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    line = json.dumps({"time": when, "counter": counter, "hash": hash_value}, sort_keys=True)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # One write of one short line in append mode: lines of concurrent runs never interleave.
    with target.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return Anchor(counter, hash_value, when, str(target))
