"""Import and export: good, bad, duplicate, huge and malformed files; the round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import Provider
from werkwijzer.directory.seeding import generate_providers, postcode_areas
from werkwijzer.directory.transfer import COLUMNS, export_records, import_records

pytestmark = pytest.mark.django_db

GOOD = {
    "external_id": "nvab-0001",
    "name": "Anna Verzinsma",
    "organisation": "BACO-praktijk Verzinsma",
    "kinds": "baco|kag",
    "work_setting": "own-practice",
    "street": "Voorbeeldstraat 1",
    "postcode": "6525ab",
    "city": "",
    "lat": "",
    "lon": "",
    "phone": "0123 456 789",
    "email": "anna@verzinsma.example",
    "website": "www.verzinsma.example",
    "languages": "nl;en",
    "specialisations": "aya",
    "self_referral": "ja",
    "intercollegial_consultation": "true",
    "costs_note": "Werkgever betaalt.",
    "verified_on": "2026-01-15",
    "verified_by": "Redactie",
    "active": "",
}


def write_csv(path: Path, rows: list[dict], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("providers", *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), str(error)
    return 0, out.getvalue(), err.getvalue()


def test_good_csv_fills_postcode_data_and_normalises(postcodes, tmp_path):
    code, out, _err = run("import", str(write_csv(tmp_path / "p.csv", [GOOD])))
    assert code == 0, out
    provider = Provider.objects.get(external_id="nvab-0001")
    assert provider.kinds == ["baco", "kag"]
    assert provider.languages == ["en", "nl"]
    assert provider.postcode == "6525 AB" and provider.pc4 == "6525"
    assert provider.city == "Nijmegen"
    assert (provider.lat, provider.lon) == (51.8212, 5.8672)
    assert provider.website == "https://www.verzinsma.example"
    assert provider.self_referral and provider.intercollegial_consultation and provider.active


def test_semicolon_csv_from_a_spreadsheet(postcodes, tmp_path):
    path = write_csv(tmp_path / "p.csv", [GOOD | {"kinds": "baco,kag"}], delimiter=";")
    assert run("import", str(path))[0] == 0
    assert Provider.objects.get().kinds == ["baco", "kag"]


def test_bad_rows_are_reported_and_good_rows_kept(postcodes, tmp_path):
    rows = [
        GOOD,
        GOOD | {"external_id": "b-1", "kinds": "tovenaar", "email": "geen-mail"},
        GOOD | {"external_id": "b-2", "postcode": "0999 ZZ", "lat": "", "city": ""},
        GOOD | {"external_id": "b-3", "lat": "40.1", "lon": "5.1", "verified_on": "15-01-2026"},
        GOOD | {"external_id": "", "name": ""},
        GOOD | {"external_id": "ok-2", "self_referral": "misschien"},
    ]
    code, out, error = run("import", str(write_csv(tmp_path / "p.csv", rows)))
    assert code == 1 and "5" in error
    assert list(Provider.objects.values_list("external_id", flat=True)) == ["nvab-0001"]
    assert "Rij / row 3 (b-1): kinds:" in out and "email:" in out
    assert "Rij / row 4 (b-2): postcode:" in out
    assert "Rij / row 5 (b-3): lat:" in out and "verified_on:" in out
    assert "Rij / row 6: external_id:" in out
    assert "Rij / row 7 (ok-2): self_referral:" in out


def test_reasons_follow_the_chosen_language(postcodes, tmp_path):
    path = write_csv(tmp_path / "p.csv", [GOOD | {"email": "geen-mail"}])
    assert "Voer een geldig e-mailadres in" in run("import", str(path))[1]
    assert "Enter a valid email address" in run("import", str(path), "--language", "en")[1]


def test_duplicate_ids_in_one_file_are_rejected(postcodes, tmp_path):
    rows = [GOOD, GOOD | {"name": "Other"}]
    code, out, _error = run("import", str(write_csv(tmp_path / "p.csv", rows)))
    assert code == 1
    assert "row 3 (nvab-0001)" in out and "2" in out.split("row 3")[1]
    assert Provider.objects.get().name == "Anna Verzinsma"


def test_reimport_changes_nothing_and_changed_rows_update(postcodes, tmp_path):
    path = write_csv(tmp_path / "p.csv", [GOOD])
    run("import", str(path))
    stamp = Provider.objects.get().updated_at
    code, out, _err = run("import", str(path))
    assert code == 0 and "ongewijzigd / unchanged: 1" in out
    assert Provider.objects.get().updated_at == stamp
    write_csv(path, [GOOD | {"phone": "0123 000 000"}])
    assert "bijgewerkt / updated: 1" in run("import", str(path))[1]
    assert Provider.objects.get().phone == "0123 000 000"
    assert Provider.objects.count() == 1


def test_json_list_and_object_forms(postcodes, tmp_path):
    record = GOOD | {"kinds": ["baco"], "self_referral": True, "lat": 51.82, "lon": 5.86}
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"providers": [record, "not an object"]}), encoding="utf-8")
    code, out, _error = run("import", str(path))
    assert code == 1 and "Rij / row 2:" in out
    assert Provider.objects.get().lat == 51.82


def test_huge_file_is_imported_in_batches_with_a_progress_bar(postcodes, tmp_path):
    records = list(generate_providers(3000, postcode_areas(), seed=7, prefix="huge"))
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    code, out, err = run("import", str(path))
    assert code == 0, out
    assert Provider.objects.count() == 3000
    assert "Importeren / importing" in err and "3000/3000" in err
    assert "ongewijzigd / unchanged: 3000" in run("import", str(path), "--no-progress")[1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "not found"),
        ("empty.csv", b"", "empty"),
        ("latin.csv", "external_id,name,kinds,work_setting,postcode\nx,Jos\xe9".encode("latin-1"),
         "UTF-8"),
        ("binary.csv", bytes(range(256)) * 10, "UTF-8"),
        ("bad.json", b'[{"external_id": "x",}', "JSON"),
        ("scalar.json", b'"hello"', "list"),
        ("header.csv", b"id,naam\n1,Jos\n", "external_id"),
        ("quotes.csv", b'external_id,name,kinds,work_setting,postcode\n"x,"y\n', "line"),
        ("notes.txt", b"hello", ".csv"),
    ],
)  # fmt: skip
def test_malformed_files_exit_with_code_2(postcodes, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    translation_free = run("import", str(path), "--language", "en")
    assert translation_free[0] == 2
    assert message.lower() in translation_free[2].lower()
    assert Provider.objects.count() == 0


def test_row_with_too_many_cells_is_rejected(postcodes, tmp_path):
    path = tmp_path / "p.csv"
    header = ",".join(GOOD)
    path.write_text(f"{header}\n{','.join(['x'] * (len(GOOD) + 2))}\n", encoding="utf-8")
    code, out, _error = run("import", str(path))
    assert code == 1 and "Rij / row 2" in out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_import_round_trip(postcodes, tmp_path, fmt):
    ProviderFactory.create_batch(3)
    ProviderFactory(
        name="Zoë ‘quoted’, name",
        kinds=["kag", "baco"],
        languages=["nl", "ar"],
        specialisations=["aya", "palliatief"],
        costs_note='Line one\nline "two"; three',
        verified_on=None,
        verified_by="",
        active=False,
        lat=51.123456789,
        website="",
        email="",
    )
    before = list(export_records())
    path = tmp_path / f"export.{fmt}"
    assert run("export", "--format", fmt, "--output", str(path))[0] == 0
    Provider.objects.all().delete()
    code, out, _err = run("import", str(path))
    assert code == 0, out
    assert list(export_records()) == before
    again = tmp_path / f"again.{fmt}"
    run("export", "--format", fmt, "--output", str(again))
    assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_export_to_stdout_has_every_column(postcodes):
    ProviderFactory()
    code, out, _err = run("export")
    assert code == 0
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert len(out.splitlines()) == 2


def test_import_records_reports_counts(postcodes):
    report = import_records([(1, GOOD), (2, GOOD | {"external_id": "two"})])
    assert (report.created, report.updated, report.unchanged, report.rejected) == (2, 0, 0, [])


def test_a_list_where_one_value_belongs_is_rejected(postcodes):
    record = GOOD | {"name": ["a", "b"], "verified_on": [""], "kinds": {"x": 1}}
    report = import_records([(1, record)])
    reasons = " ".join(report.rejected[0].reasons)
    assert "name:" in reasons and "verified_on:" in reasons and "kinds:" in reasons
