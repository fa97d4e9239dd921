"""Import and export of providers: the file format of docs/directory.md.

Import validates every row on its own: valid rows are saved, rejected rows are reported
with their row number and reasons. Rows are matched on `external_id`, so importing the
same file again changes nothing. A file that cannot be read at all raises
UnreadableFile (the command turns that into exit code 2).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django import forms
from django.db import transaction
from django.db.models import Exists, OuterRef
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
from werkwijzer.directory.models import (
    Ownership,
    Postcode,
    Provider,
    ProviderChange,
    sync_search_rows,
)

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
FORMATS = ("csv", "json", "xlsx")
EXPORT_FORMATS = ("csv", "json")

_TOO_MANY_CELLS = "__too_many_cells__"
# A record an adapter could not map: the reasons (adapters.map_row).
REJECTED = "__rejected__"
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
    # Entries an owner keeps (directory.moderation): an import does not overwrite them.
    kept_by_owner: int = 0
    # External ids of the source's entries no longer in its list, marked for review.
    retired: list[str] = field(default_factory=list)
    dry_run: bool = False
    # Every external_id in the file, rejected rows too (they are not gone from the source).
    seen: set[str] = field(default_factory=set, repr=False)

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged + self.kept_by_owner


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


def _check_record(
    number: int, record: Any, postcodes: dict[str, Postcode], report: ImportReport
) -> dict[str, Any] | None:
    """The cleaned values of one record, or None after adding it to report.rejected."""
    if not isinstance(record, dict):
        report.rejected.append(RejectedRow(number, "", [_("This item is not an object.")]))
        return None
    if record.get(_TOO_MANY_CELLS):
        reason = _("This row has more cells than the header has columns.")
        report.rejected.append(RejectedRow(number, "", [reason]))
        return None
    external_id = str(record.get("external_id") or "").strip()[:64]
    if external_id:
        report.seen.add(external_id)
    if record.get(REJECTED):
        report.rejected.append(RejectedRow(number, external_id, list(record[REJECTED])))
        return None
    nested = [
        key
        for key in COLUMNS
        if isinstance(record.get(key), list | dict)
        and (key not in LIST_COLUMNS or isinstance(record.get(key), dict))
    ]
    if nested:
        reasons = [f"{key}: {_('Give one value here, not a list.')}" for key in nested]
        report.rejected.append(RejectedRow(number, external_id, reasons))
        return None
    form = ProviderRowForm({key: _cell(record.get(key)) for key in COLUMNS}, postcodes=postcodes)
    if not form.is_valid():
        reasons = [
            f"{name}: {message}" if name != "__all__" else str(message)
            for name, messages in form.errors.items()
            for message in messages
        ]
        report.rejected.append(RejectedRow(number, external_id, reasons))
        return None
    return form.cleaned_data


def import_records(
    records: Iterable[tuple[int, dict[str, Any]]],
    progress: Callable[[int], None] | None = None,
    *,
    source: str = "",
    label: str = "",
) -> ImportReport:
    """Validate and save (row number, record) pairs; returns what happened to each.

    `source` (a mapping's key) is stored on the entries; `label` names the import in
    their history."""
    report = ImportReport()
    postcodes = _postcode_table()
    first_row: dict[str, int] = {}
    batch: list[tuple[int, dict[str, Any]]] = []
    for number, record in records:
        data = _check_record(number, record, postcodes, report)
        if data is not None and data["external_id"] in first_row:
            reason = _("The same external_id is already in row %(row)s.") % {
                "row": first_row[data["external_id"]]
            }
            report.rejected.append(RejectedRow(number, data["external_id"], [reason]))
        elif data is not None:
            first_row[data["external_id"]] = number
            batch.append((number, data))
        if len(batch) >= BATCH_SIZE:
            _save_batch(batch, report, source, label)
            batch = []
        if progress:
            progress(1)
    if batch:
        _save_batch(batch, report, source, label)
    return report


def _history_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


@transaction.atomic
def _save_batch(
    batch: list[tuple[int, dict[str, Any]]], report: ImportReport, source: str, label: str
) -> None:
    """Create new providers, update changed ones, leave identical ones untouched; an
    entry its owner keeps is left as the owner and the editors made it."""
    ids = [data["external_id"] for _number, data in batch]
    owned = Ownership.objects.filter(provider_id=OuterRef("pk"))
    found = Provider.objects.filter(external_id__in=ids).annotate(owned=Exists(owned))
    existing = {p.external_id: p for p in found}
    new, changed, history = [], [], []
    now = timezone.now()
    for _number, data in batch:
        values = _model_values(data)
        if source:  # back in its list: no longer "gone from the source"
            values |= {"source": source, "needs_review": False, "review_note": ""}
        provider = existing.get(data["external_id"])
        if provider is None:
            provider = Provider(external_id=data["external_id"], **values)
            provider.set_derived_fields()
            new.append(provider)
            continue
        if provider.owned:
            report.kept_by_owner += 1
            continue
        diff = {
            name: [_history_value(getattr(provider, name)), _history_value(value)]
            for name, value in values.items()
            if getattr(provider, name) != value and name != "pc4"
        }
        if not diff:
            report.unchanged += 1
            continue
        for name, value in values.items():
            setattr(provider, name, value)
        provider.set_derived_fields()
        provider.updated_at = now
        changed.append(provider)
        history.append((provider, diff))
    Provider.objects.bulk_create(new)
    if changed:
        fields = [*_model_values(batch[0][1]).keys(), "x", "y", "z", "checked_on", "updated_at"]
        fields += ["source", "needs_review", "review_note"] if source else []
        Provider.objects.bulk_update(changed, fields)
    if new and new[0].pk is None:  # a database that does not return ids from bulk inserts
        new = list(Provider.objects.filter(external_id__in=[p.external_id for p in new]))
    sync_search_rows(new + changed)
    _write_history(new, history, label)
    report.created += len(new)
    report.updated += len(changed)


def _write_history(new: list[Provider], changed: list[tuple[Provider, dict]], label: str) -> None:
    by = label or _("import")
    ProviderChange.objects.bulk_create(
        [ProviderChange(provider=p, action="created", by_label=by) for p in new]
        + [
            ProviderChange(provider=p, action="imported", changes=diff, by_label=by)
            for p, diff in changed
        ]
    )


# More than this share of a source's entries missing from its new list: more likely a
# cut-off file than a real change, so nothing is marked (unless the editor insists).
MASS_RETIRE_SHARE = 0.2


def mark_gone(source: str, report: ImportReport, label: str, insist: bool = False) -> None:
    """Entries of `source` missing from the imported list: marked for review, kept
    (visible, unchanged) until an editor decides. Never deleted."""
    current = dict(
        Provider.objects.filter(source=source, needs_review=False).values_list("external_id", "pk")
    )
    gone = sorted(ext for ext in current if ext not in report.seen)
    total = Provider.objects.filter(source=source).count()
    if not gone:
        return
    if not insist and len(gone) > 5 and len(gone) > MASS_RETIRE_SHARE * total:
        report.warnings.append(
            _(
                "%(count)s of %(total)s entries of this source are not in the file. That "
                "looks like an incomplete file, so none was marked for review. Import the "
                "whole list, or use --mark-missing-anyway."
            )
            % {"count": len(gone), "total": total}
        )
        return
    note = _("Not in the list of %(source)s of %(date)s.") % {
        "source": label or source,
        "date": timezone.localdate().isoformat(),
    }
    pks = [current[ext] for ext in gone]
    for start in range(0, len(pks), BATCH_SIZE):
        chunk = pks[start : start + BATCH_SIZE]
        Provider.objects.filter(pk__in=chunk).update(needs_review=True, review_note=note)
    ProviderChange.objects.bulk_create(
        ProviderChange(provider_id=pk, action="gone", by_label=label or source) for pk in pks
    )
    report.retired = gone


def run_import(
    records: list[tuple[int, dict[str, Any]]],
    progress: Callable[[int], None] | None = None,
    *,
    source: str = "",
    label: str = "",
    dry_run: bool = False,
    mark_missing: bool = True,
    insist: bool = False,
) -> ImportReport:
    """An import as one transaction: a failure half-way leaves the guide as it was, and
    a dry run is the real import rolled back (so its counts are exact)."""
    with transaction.atomic():
        report = import_records(records, progress, source=source, label=label)
        if source and mark_missing:
            mark_gone(source, report, label, insist)
        report.dry_run = dry_run
        if dry_run:
            transaction.set_rollback(True)
    return report


def detect_format(path: Path, given: str | None = None) -> str:
    fmt = (given or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UnreadableFile(
            _("Use a .csv, .json or .xlsx file (or give --format), not “%(name)s”.")
            % {"name": path.name}
        )
    return fmt


def read_records(path: Path, fmt: str | None = None) -> list[tuple[int, dict[str, Any]]]:
    """Read a whole import file into (row number, record) pairs, or raise UnreadableFile.

    Row numbers are what a person sees: the line in a spreadsheet (the header is line 1)
    or the position in the JSON list (the first item is 1).
    """
    fmt = detect_format(path, fmt)
    if fmt == "xlsx":
        from werkwijzer.directory.adapters import read_rows

        check_file(path)
        records = read_rows(path, "xlsx")
        if records and not set(REQUIRED_COLUMNS) <= set(records[0][1]):
            missing = sorted(set(REQUIRED_COLUMNS) - set(records[0][1]))
            raise UnreadableFile(
                _("The header misses the column(s): %(columns)s.") % {"columns": ", ".join(missing)}
            )
        return records
    text = read_text(path)
    return _read_json(text) if fmt == "json" else read_csv_rows(text)


def check_file(path: Path) -> None:
    """The file exists and is not too large (else UnreadableFile)."""
    if not path.is_file():
        raise UnreadableFile(_("File not found: %(path)s") % {"path": path})
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UnreadableFile(
            _("The file is larger than %(mb)s MB. Split it into smaller files.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
        )


def read_text(path: Path) -> str:
    """A text file (CSV, JSON) as UTF-8, or UnreadableFile saying what is wrong."""
    try:
        check_file(path)
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(_("The file is not UTF-8 text. Save it as UTF-8.")) from error
    except OSError as error:
        raise UnreadableFile(
            _("The file cannot be read: %(error)s") % {"error": error.strerror or error}
        ) from error
    if not text.strip():
        raise UnreadableFile(_("The file is empty."))
    return text


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


def read_csv_rows(
    text: str, required: tuple[str, ...] = REQUIRED_COLUMNS
) -> list[tuple[int, dict[str, Any]]]:
    """(line, {column: cell}) of a CSV; `required` columns must be in the header."""
    header_line = text.splitlines()[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in required if name not in header]
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
