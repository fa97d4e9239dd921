"""Import and export of providers: the file format of docs/directory.md.

Import validates every row on its own: valid rows are saved, rejected rows are reported
with their row number and reasons. Rows are matched on `external_id`, so importing the
same file again changes nothing. A file that cannot be read at all raises
UnreadableFile (the command turns that into exit code 2).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkwijzer.directory.choices import (
    KIND_CHOICES,
    LANGUAGE_CHOICES,
    PAYER_CHOICES,
    SPECIALISATION_CHOICES,
    WorkSetting,
)
from werkwijzer.directory.models import Postcode, Provider, sync_search_rows

COLUMNS = (
    "external_id",
    "name",
    "organisation",
    "kinds",
    "work_setting",
    "street",
    "postcode",
    "city",
    "lat",
    "lon",
    "phone",
    "email",
    "website",
    "languages",
    "specialisations",
    "self_referral",
    "intercollegial_consultation",
    "costs_note",
    "payers",
    "how_to_refer",
    "consultation_hours",
    "video_consults",
    "other_locations",
    "verified_on",
    "verified_by",
    "active",
)
REQUIRED_COLUMNS = ("external_id", "name", "kinds", "work_setting", "postcode")
LIST_COLUMNS = ("kinds", "languages", "specialisations", "payers")
BOOLEAN_COLUMNS = ("self_referral", "intercollegial_consultation", "video_consults", "active")
LIST_SEPARATOR = "|"
MAX_FILE_BYTES = 100 * 1024 * 1024
BATCH_SIZE = 500
FORMATS = ("csv", "json")

_TOO_MANY_CELLS = "__too_many_cells__"
_LIST_SPLIT = re.compile(r"[|;,]")
_TRUE = {"true", "1", "yes", "ja", "j", "y", "waar"}
_FALSE = {"false", "0", "no", "nee", "n", "onwaar"}
# The Netherlands with a margin: coordinates outside this are a typo.
_LAT_RANGE = (50.5, 53.8)
_LON_RANGE = (3.0, 7.5)


class UnreadableFile(Exception):
    """The file as a whole cannot be imported (missing, not UTF-8, bad CSV/JSON, ...)."""


@dataclass(frozen=True)
class RejectedRow:
    row: int
    external_id: str
    reasons: list[str]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged


class _Boolean(forms.Field):
    """true/false, yes/no, ja/nee, 1/0; empty gives the default."""

    def __init__(self, *, default: bool, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.default = default

    def to_python(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if not text:
            return self.default
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise forms.ValidationError(gettext_lazy("Use true or false."), code="invalid")


class _SlugList(forms.MultipleChoiceField):
    """A list in JSON, or one cell with slugs separated by | ; or , in CSV."""

    def to_python(self, value: Any) -> list[str]:
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = _LIST_SPLIT.split(value)
        if not isinstance(value, list | tuple):
            raise forms.ValidationError(gettext_lazy("Give a list of codes."), code="invalid_list")
        return sorted({str(item).strip() for item in value if str(item).strip()})


class ProviderRowForm(forms.Form):
    """One row of an import file. Django forms give translated messages for free."""

    external_id = forms.RegexField(
        regex=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$",
        max_length=64,
        error_messages={"invalid": gettext_lazy("Use letters, digits, dots, dashes or colons.")},
    )
    name = forms.CharField(max_length=200)
    organisation = forms.CharField(max_length=200, required=False)
    kinds = _SlugList(choices=KIND_CHOICES)
    work_setting = forms.ChoiceField(choices=WorkSetting.choices)
    street = forms.CharField(max_length=200, required=False)
    postcode = forms.RegexField(
        regex=r"^\s*\d{4}\s*([A-Za-z]{2})?\s*$",
        error_messages={"invalid": gettext_lazy("Give a postcode like 1234 or 1234 AB.")},
    )
    city = forms.CharField(max_length=100, required=False)
    lat = forms.FloatField(required=False, min_value=_LAT_RANGE[0], max_value=_LAT_RANGE[1])
    lon = forms.FloatField(required=False, min_value=_LON_RANGE[0], max_value=_LON_RANGE[1])
    phone = forms.CharField(max_length=32, required=False)
    email = forms.EmailField(required=False)
    website = forms.URLField(required=False, max_length=200, assume_scheme="https")
    languages = _SlugList(choices=LANGUAGE_CHOICES, required=False)
    specialisations = _SlugList(choices=SPECIALISATION_CHOICES, required=False)
    self_referral = _Boolean(default=False)
    intercollegial_consultation = _Boolean(default=False)
    costs_note = forms.CharField(max_length=2000, required=False)
    payers = _SlugList(choices=PAYER_CHOICES, required=False)
    how_to_refer = forms.CharField(max_length=2000, required=False)
    consultation_hours = forms.CharField(max_length=1000, required=False)
    video_consults = _Boolean(default=False)
    other_locations = forms.CharField(max_length=2000, required=False)
    verified_on = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    verified_by = forms.CharField(max_length=200, required=False)
    active = _Boolean(default=True)

    def __init__(self, *args: Any, postcodes: dict[str, Postcode], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.postcodes = postcodes

    def clean_postcode(self) -> str:
        compact = re.sub(r"\s+", "", self.cleaned_data["postcode"]).upper()
        return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else compact

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        postcode = data.get("postcode")
        if not postcode:
            return data
        area = self.postcodes.get(postcode[:4])
        if data.get("lat") is None or data.get("lon") is None:
            if area is None:
                self.add_error(
                    "postcode",
                    _("Postcode %(pc4)s is unknown, and no lat and lon are given.")
                    % {"pc4": postcode[:4]},
                )
                return data
            data["lat"], data["lon"] = area.lat, area.lon
        if not data.get("city"):
            if area is None:
                self.add_error("city", _("Give the place."))
            else:
                data["city"] = area.municipality
        return data


def _cell(value: Any) -> Any:
    """JSON values as the form expects them; CSV cells stay strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return value if value is not None else ""


def _model_values(data: dict[str, Any]) -> dict[str, Any]:
    values = {column: data[column] for column in COLUMNS if column != "external_id"}
    for column in (
        "organisation",
        "street",
        "phone",
        "email",
        "website",
        "costs_note",
        "how_to_refer",
        "consultation_hours",
        "other_locations",
    ):
        values[column] = values[column] or ""
    values["verified_by"] = values["verified_by"] or ""
    values["pc4"] = data["postcode"][:4]
    return values


def _postcode_table() -> dict[str, Postcode]:
    return {row.pc4: row for row in Postcode.objects.all()}


def import_records(
    records: Iterable[tuple[int, dict[str, Any]]],
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate and save (row number, record) pairs; returns what happened to each."""
    report = ImportReport()
    postcodes = _postcode_table()
    seen: dict[str, int] = {}
    batch: list[tuple[int, dict[str, Any]]] = []
    for number, record in records:
        if not isinstance(record, dict):
            report.rejected.append(RejectedRow(number, "", [_("This item is not an object.")]))
            continue
        if record.get(_TOO_MANY_CELLS):
            reason = _("This row has more cells than the header has columns.")
            report.rejected.append(RejectedRow(number, "", [reason]))
            continue
        external_id = str(record.get("external_id") or "").strip()[:64]
        nested = [
            key
            for key in COLUMNS
            if isinstance(record.get(key), list | dict)
            and (key not in LIST_COLUMNS or isinstance(record.get(key), dict))
        ]
        if nested:
            reasons = [f"{key}: {_('Give one value here, not a list.')}" for key in nested]
            report.rejected.append(RejectedRow(number, external_id, reasons))
            continue
        form = ProviderRowForm(
            {key: _cell(record.get(key)) for key in COLUMNS}, postcodes=postcodes
        )
        if not form.is_valid():
            reasons = [
                f"{name}: {message}" if name != "__all__" else str(message)
                for name, messages in form.errors.items()
                for message in messages
            ]
            report.rejected.append(RejectedRow(number, external_id, reasons))
        elif form.cleaned_data["external_id"] in seen:
            first = seen[form.cleaned_data["external_id"]]
            reason = _("The same external_id is already in row %(row)s.") % {"row": first}
            report.rejected.append(RejectedRow(number, external_id, [reason]))
        else:
            seen[form.cleaned_data["external_id"]] = number
            batch.append((number, form.cleaned_data))
        if len(batch) >= BATCH_SIZE:
            _save_batch(batch, report)
            batch = []
        if progress:
            progress(1)
    if batch:
        _save_batch(batch, report)
    return report


@transaction.atomic
def _save_batch(batch: list[tuple[int, dict[str, Any]]], report: ImportReport) -> None:
    """Create new providers, update changed ones, leave identical ones untouched."""
    ids = [data["external_id"] for _number, data in batch]
    existing = {p.external_id: p for p in Provider.objects.filter(external_id__in=ids)}
    new, changed = [], []
    now = timezone.now()
    for _number, data in batch:
        values = _model_values(data)
        provider = existing.get(data["external_id"])
        if provider is None:
            provider = Provider(external_id=data["external_id"], **values)
            provider.set_derived_fields()
            new.append(provider)
            continue
        if all(getattr(provider, name) == value for name, value in values.items()):
            report.unchanged += 1
            continue
        for name, value in values.items():
            setattr(provider, name, value)
        provider.set_derived_fields()
        provider.updated_at = now
        changed.append(provider)
    Provider.objects.bulk_create(new)
    if changed:
        fields = [*_model_values(batch[0][1]).keys(), "x", "y", "z", "checked_on", "updated_at"]
        Provider.objects.bulk_update(changed, fields)
    if new and new[0].pk is None:  # a database that does not return ids from bulk inserts
        new = list(Provider.objects.filter(external_id__in=[p.external_id for p in new]))
    sync_search_rows(new + changed)
    report.created += len(new)
    report.updated += len(changed)


def detect_format(path: Path, given: str | None = None) -> str:
    fmt = (given or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UnreadableFile(
            _("Use a .csv or .json file (or give --format csv|json), not “%(name)s”.")
            % {"name": path.name}
        )
    return fmt


def read_records(path: Path, fmt: str | None = None) -> list[tuple[int, dict[str, Any]]]:
    """Read a whole import file into (row number, record) pairs, or raise UnreadableFile.

    Row numbers are what a person sees: the line in a spreadsheet (the header is line 1)
    or the position in the JSON list (the first item is 1).
    """
    fmt = detect_format(path, fmt)
    try:
        if not path.is_file():
            raise UnreadableFile(_("File not found: %(path)s") % {"path": path})
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableFile(
                _("The file is larger than %(mb)s MB. Split it into smaller files.")
                % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
            )
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(_("The file is not UTF-8 text. Save it as UTF-8.")) from error
    except OSError as error:
        raise UnreadableFile(
            _("The file cannot be read: %(error)s") % {"error": error.strerror or error}
        ) from error
    if not text.strip():
        raise UnreadableFile(_("The file is empty."))
    return _read_json(text) if fmt == "json" else _read_csv(text)


def _read_json(text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("The JSON is not valid (line %(line)s, column %(column)s): %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from error
    if isinstance(data, dict) and isinstance(data.get("providers"), list):
        data = data["providers"]
    if not isinstance(data, list):
        raise UnreadableFile(
            _("The JSON must be a list of providers, or an object with a list “providers”.")
        )
    return list(enumerate(data, start=1))


def _read_csv(text: str) -> list[tuple[int, dict[str, Any]]]:
    header_line = text.splitlines()[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise UnreadableFile(
                _("The CSV header misses the column(s): %(columns)s.")
                % {"columns": ", ".join(missing)}
            )
        records = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            if len(row) > len(header):
                records.append((line, {_TOO_MANY_CELLS: True}))
                continue
            records.append((line, dict(zip(header, row, strict=False))))
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV cannot be read at line %(line)s: %(message)s")
            % {"line": reader.line_num, "message": error}
        ) from error
    return records


def unknown_columns(records: list[tuple[int, dict[str, Any]]]) -> list[str]:
    found: set[str] = set()
    for _number, record in records[:1000]:
        if isinstance(record, dict):
            found.update(str(key) for key in record if key not in COLUMNS)
    return sorted(found - {_TOO_MANY_CELLS})


def export_records(queryset: Iterable[Provider] | None = None) -> Iterator[dict[str, Any]]:
    """Every provider as a plain record (JSON types), ordered by external_id."""
    providers = queryset if queryset is not None else Provider.objects.order_by("external_id")
    for provider in providers:
        record: dict[str, Any] = {}
        for column in COLUMNS:
            value = getattr(provider, column)
            if column == "verified_on":
                value = value.isoformat() if value else None
            record[column] = value
        yield record


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return "" if value is None else str(value)


def write_export(handle: io.TextIOBase, fmt: str = "csv") -> int:
    """Write every provider to an open text file; returns the number written."""
    records = list(export_records())
    if fmt == "json":
        json.dump(records, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    else:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for record in records:
            writer.writerow([_csv_cell(record[column]) for column in COLUMNS])
    return len(records)
