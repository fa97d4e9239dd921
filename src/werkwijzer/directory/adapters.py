"""Adapters for the lists professional bodies and registers publish.

A list comes as CSV, JSON or Excel (xlsx) with its own column names. A mapping file per
source (YAML, see docs/directory.md and content/directory/sources/) says which column
is which field, which kind of helper a row is, and how its location is given. The
adapter turns every row into a record of the import format (transfer.COLUMNS), so a
mapped list is validated and saved exactly like a file in our own format.

    mapping = load_mapping(Path("content/directory/sources/nvab-baco.yaml"))
    records = read_source(Path("leden.csv"), mapping)   # [(line, record), ...]
"""

from __future__ import annotations

import datetime
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils.translation import gettext as _

from werkwijzer.core import yamlfile
from werkwijzer.directory.transfer import (
    COLUMNS,
    FORMATS,
    REJECTED,
    REQUIRED_COLUMNS,
    UnreadableFile,
    check_file,
    detect_format,
    read_csv_rows,
    read_text,
)

_ADDRESS_POSTCODE = re.compile(r"\b(\d{4})\s?([A-Za-z]{2})\b")
_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
_LIST_SPLIT = re.compile(r"\s*[|;,/]\s*")
# Fields a mapping may fill from a column or a constant (external_id comes from `id`).
MAPPABLE = frozenset(COLUMNS) - {"external_id", "kinds", "lat", "lon"}
LOCATION_KEYS = frozenset({"postcode", "street", "house_number", "city", "address", "lat", "lon"})


class MappingError(UnreadableFile):
    """The mapping file itself is wrong: nothing is imported."""


@dataclass(frozen=True)
class Mapping:
    source: str
    label: str
    id_column: str
    columns: dict[str, str] = field(default_factory=dict)
    kind: str = ""
    kind_column: str = ""
    kinds: dict[str, str] = field(default_factory=dict)
    location: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    format: str = ""
    sheet: str = ""
    records: str = ""
    retire: bool = True


def sources_dir() -> Path:
    return Path(settings.CONTENT_DIR) / "directory" / "sources"


def find_mapping(name_or_path: str) -> Path:
    """A path to a mapping file, or the name of one in content/directory/sources/."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return path
    named = sources_dir() / f"{name_or_path}.yaml"
    if named.is_file():
        return named
    raise MappingError(_("Mapping file not found: %(name)s") % {"name": name_or_path})


def available_mappings() -> list[tuple[str, str]]:
    """(name, label) of every mapping file in content/directory/sources/."""
    found = []
    for path in sorted(sources_dir().glob("*.yaml")):
        try:
            found.append((path.stem, load_mapping(path).label))
        except MappingError:
            continue
    return found


def load_mapping(path: Path) -> Mapping:
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise MappingError(
            _("The mapping file cannot be read: %(error)s") % {"error": error}
        ) from error
    if not isinstance(data, dict):
        raise MappingError(_("The mapping file must be a YAML mapping of keys."))
    source = str(data.get("source") or "")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,40}", source):
        raise MappingError(_("Give the mapping a `source`: lower-case letters, digits and dashes."))
    if not data.get("id"):
        raise MappingError(
            _("Give the mapping an `id`: the column with the source's own stable id.")
        )
    mapping = Mapping(
        source=source,
        label=str(data.get("name") or source),
        id_column=str(data["id"]),
        columns={str(k): str(v) for k, v in (data.get("columns") or {}).items()},
        kind=str(data.get("kind") or ""),
        kind_column=str(data.get("kind_column") or ""),
        kinds={str(k): str(v) for k, v in (data.get("kinds") or {}).items()},
        location={str(k): str(v) for k, v in (data.get("location") or {}).items()},
        defaults=dict(data.get("defaults") or {}),
        values={str(k): dict(v or {}) for k, v in (data.get("values") or {}).items()},
        format=str(data.get("format") or ""),
        sheet=str(data.get("sheet") or ""),
        records=str(data.get("records") or ""),
        retire=bool(data.get("retire", True)),
    )
    _check(mapping)
    return mapping


def _check(mapping: Mapping) -> None:
    problems = [
        _("unknown field “%(name)s”") % {"name": name}
        for name in [*mapping.columns.values(), *mapping.defaults]
        if name not in MAPPABLE
    ]
    problems += [
        _("unknown location key “%(name)s”") % {"name": name}
        for name in mapping.location
        if name not in LOCATION_KEYS
    ]
    if not (mapping.kind or mapping.kind_column):
        problems.append(_("give `kind` (one for every row) or `kind_column`"))
    if not (mapping.location.get("postcode") or mapping.location.get("address")):
        problems.append(_("give the location: `postcode` or `address` under `location`"))
    if mapping.format and mapping.format not in FORMATS:
        problems.append(_("`format` is csv, json or xlsx"))
    if problems:
        raise MappingError(
            _("The mapping file is not right: %(problems)s.") % {"problems": "; ".join(problems)}
        )


# --- reading the file -------------------------------------------------------------------


def read_rows(path: Path, fmt: str, mapping: Mapping | None = None) -> list[tuple[int, dict]]:
    """(line, {column: cell}) for every row; raises UnreadableFile for the whole file."""
    if fmt == "xlsx":
        check_file(path)
        return _read_xlsx(path, mapping.sheet if mapping else "")
    text = read_text(path)
    if fmt == "json":
        return _read_json(text, mapping.records if mapping else "")
    return read_csv_rows(text, required=() if mapping else REQUIRED_COLUMNS)


def _read_json(text: str, records: str) -> list[tuple[int, dict]]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("The JSON is not valid (line %(line)s, column %(column)s): %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from error
    for key in [part for part in records.split(".") if part]:
        data = data.get(key) if isinstance(data, dict) else None
    if isinstance(data, dict) and isinstance(data.get("providers"), list):
        data = data["providers"]
    if not isinstance(data, list):
        raise UnreadableFile(
            _("The JSON has no list of rows at “%(path)s”.") % {"path": records or "/"}
        )
    return list(enumerate(data, start=1))


def _cell_text(value: Any) -> Any:
    """Excel cells as the import expects them: 3511 -> '3511', dates in ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return (
            value.date().isoformat() if isinstance(value, datetime.datetime) else value.isoformat()
        )
    return str(value).strip()


def _read_xlsx(path: Path, sheet: str) -> list[tuple[int, dict]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, InvalidFileException) as error:
        # Not a workbook, or a damaged one.
        raise UnreadableFile(
            _("The Excel file cannot be read: %(error)s") % {"error": error}
        ) from error
    try:
        if sheet and sheet not in book.sheetnames:
            raise UnreadableFile(_("The Excel file has no sheet “%(sheet)s”.") % {"sheet": sheet})
        rows = (book[sheet] if sheet else book.worksheets[0]).iter_rows(values_only=True)
        header = [_cell_text(name).lower() for name in next(rows, ())]
        found = []
        for line, row in enumerate(rows, start=2):  # the header is row 1, as Excel shows
            cells = [_cell_text(value) for value in row]
            if any(cells):
                found.append((line, dict(zip(header, cells, strict=False))))
    finally:
        book.close()
    if not header:
        raise UnreadableFile(_("The file is empty."))
    return found


# --- mapping one row --------------------------------------------------------------------


def _get(row: dict, column: str) -> Any:
    """A cell by the mapping's column name (headers are compared in lower case)."""
    value = row.get(column.lower(), row.get(column, ""))
    return value if value is not None else ""


def _external_id(mapping: Mapping, raw: Any) -> str:
    key = _ID_CHARACTERS.sub("-", str(raw).strip()).strip("-.")
    return f"{mapping.source}:{key}"[:64] if key else ""


def _kinds(mapping: Mapping, row: dict) -> tuple[list[str], list[str]]:
    if not mapping.kind_column:
        return [mapping.kind], []
    kinds, problems = [], []
    for word in [w for w in _LIST_SPLIT.split(str(_get(row, mapping.kind_column))) if w]:
        kind = mapping.kinds.get(word) or mapping.kinds.get(word.lower())
        if kind is None:
            problems.append(
                _("kinds: unknown kind “%(value)s” in column %(column)s")
                % {"value": word, "column": mapping.kind_column}
            )
        else:
            kinds.append(kind)
    return kinds or ([mapping.kind] if mapping.kind else []), problems


def _location(mapping: Mapping, row: dict) -> dict[str, Any]:
    where = mapping.location
    found: dict[str, Any] = {}
    if "address" in where:
        address = str(_get(row, where["address"]))
        match = _ADDRESS_POSTCODE.search(address)
        if match:
            found["postcode"] = f"{match.group(1)} {match.group(2).upper()}"
            found["street"] = address[: match.start()].strip(" ,")
            found["city"] = address[match.end() :].strip(" ,")
        else:
            found["postcode"] = address  # rejected by the row check, with its value
    for key in ("postcode", "street", "city", "lat", "lon"):
        if key in where and _get(row, where[key]) != "":
            found[key] = _get(row, where[key])
    if "house_number" in where and found.get("street"):
        found["street"] = f"{found['street']} {_get(row, where['house_number'])}".strip()
    return found


def map_row(mapping: Mapping, row: Any) -> dict[str, Any]:
    """One row of the source as an import record (REJECTED holds mapping problems)."""
    if not isinstance(row, dict):
        return {REJECTED: [_("This item is not an object.")]}
    row = {str(k).lower(): v for k, v in row.items()}
    record: dict[str, Any] = {
        name: (value if value != "today" else datetime.date.today().isoformat())
        for name, value in mapping.defaults.items()
    }
    for column, name in mapping.columns.items():
        value = _get(row, column)
        if value != "":
            record[name] = mapping.values.get(name, {}).get(str(value), value)
    record.update(_location(mapping, row))
    record["kinds"], problems = _kinds(mapping, row)
    record["external_id"] = _external_id(mapping, _get(row, mapping.id_column))
    if not record["external_id"]:
        problems.append(
            _("external_id: the id column %(column)s is empty") % {"column": mapping.id_column}
        )
    if problems:
        record[REJECTED] = problems
    return record


def read_source(path: Path, mapping: Mapping, fmt: str | None = None) -> list[tuple[int, dict]]:
    """Every row of a source's file as (line, import record)."""
    fmt = detect_format(path, fmt or mapping.format)
    return [(line, map_row(mapping, row)) for line, row in read_rows(path, fmt, mapping)]
