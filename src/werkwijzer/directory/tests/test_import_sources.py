"""Importing the lists of professional bodies: adapters with a mapping file per source,
dry runs, bad rows with their line numbers, entries gone from a source marked for review,
and nothing lost by a failing import (issue 17 §5). One sample file per format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from werkwijzer.accounts.testing import make_user
from werkwijzer.directory import transfer
from werkwijzer.directory.adapters import MappingError, find_mapping, load_mapping, read_source
from werkwijzer.directory.factories import ProviderFactory
from werkwijzer.directory.models import Ownership, Provider, ProviderChange
from werkwijzer.directory.transfer import run_import

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.CONTENT_DIR) / "directory" / "samples"
CSV_SOURCE = "voorbeeld-baco-register"
JSON_SOURCE = "voorbeeld-paramedici-register"
XLSX_SOURCE = "voorbeeld-ipso-centra"


def sample(name: str, ext: str) -> Path:
    return SAMPLES / f"{name}.{ext}"


def import_sample(name: str, ext: str, **options):
    mapping = load_mapping(find_mapping(name))
    records = read_source(sample(name, ext), mapping)
    return run_import(records, source=mapping.source, label=mapping.label, **options)


def reasons_by_row(report) -> dict[int, str]:
    return {row.row: "; ".join(row.reasons) for row in report.rejected}


def test_csv_sample_maps_columns_kind_and_location(postcodes):
    report = import_sample(CSV_SOURCE, "csv")
    assert (report.created, report.updated) == (2, 0)
    rejected = reasons_by_row(report)
    assert set(rejected) == {4, 5}  # spreadsheet lines: the header is line 1
    assert "0000" in rejected[4]  # a postcode that does not exist
    assert "rij 3" in rejected[5] or "row 3" in rejected[5]  # the same BIG number twice
    anna = Provider.objects.get(external_id="voorbeeld-baco-register:19012345601")
    assert anna.kinds == ["baco"] and anna.languages == ["en", "nl"]
    assert anna.postcode == "6525 AB" and anna.city == "Nijmegen" and anna.self_referral
    assert anna.website == "https://www.voorbeeldink.example"
    assert anna.source == CSV_SOURCE and anna.intercollegial_consultation
    bram = Provider.objects.get(external_id="voorbeeld-baco-register:19012345602")
    assert not bram.self_referral and bram.street == "Demolaan 4"
    assert (
        ProviderChange.objects.filter(action="created", by_label="Voorbeeld BACO-register").count()
        == 2
    )


def test_json_sample_takes_the_kind_from_a_column_and_splits_the_address(postcodes):
    report = import_sample(JSON_SOURCE, "json")
    assert report.created == 2
    assert list(reasons_by_row(report)) == [3]
    assert "Tovenaar" in reasons_by_row(report)[3]  # an unknown kind, named
    esra = Provider.objects.get(external_id="voorbeeld-paramedici-register:04123401")
    assert esra.kinds == ["fysiotherapeut-oncologie"] and esra.video_consults
    assert (esra.street, esra.postcode, esra.city) == ("Oefenkade 3", "5611 AB", "Eindhoven")
    assert esra.specialisations == ["borstkanker", "darmkanker"]
    assert esra.payers == ["aanvullende-verzekering"]
    fleur = Provider.objects.get(external_id="voorbeeld-paramedici-register:04123402")
    assert fleur.kinds == ["ergotherapeut"] and not fleur.video_consults


def test_xlsx_sample_with_coordinates_and_house_numbers(postcodes):
    report = import_sample(XLSX_SOURCE, "xlsx")
    assert report.created == 2
    assert list(reasons_by_row(report)) == [4]  # the row without a KvK number
    haag = Provider.objects.get(external_id="voorbeeld-ipso-centra:90123401")
    assert (haag.lat, haag.lon) == (52.0799, 4.3113)
    assert haag.street == "Voorbeeldstraat 20" and haag.postcode == "2511 AB"
    assert haag.payers == ["gratis"] and haag.kinds == ["ipso-centrum"]
    groningen = Provider.objects.get(external_id="voorbeeld-ipso-centra:90123402")
    assert groningen.postcode == "9711" and groningen.street == "Fictieweg 7a"


def test_our_own_format_also_comes_as_excel(postcodes, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["external_id", "name", "kinds", "work_setting", "postcode"])
    book.active.append(["x-1", "Anna Verzinsma", "baco", "own-practice", 3511])
    book.save(tmp_path / "eigen.xlsx")
    call_command("providers", "import", str(tmp_path / "eigen.xlsx"), "--no-progress")
    assert Provider.objects.get(external_id="x-1").postcode == "3511"


def test_a_dry_run_reports_but_saves_nothing(postcodes):
    report = import_sample(CSV_SOURCE, "csv", dry_run=True)
    assert report.dry_run and report.created == 2 and len(report.rejected) == 2
    assert not Provider.objects.exists() and not ProviderChange.objects.exists()


def test_dry_run_from_the_command_line(postcodes, capsys):
    with pytest.raises(CommandError) as error:  # rejected rows: exit code 1
        call_command(
            "providers", "import", str(sample(CSV_SOURCE, "csv")), "--source", CSV_SOURCE,
            "--dry-run", "--no-progress",
        )  # fmt: skip
    assert error.value.returncode == 1
    out = capsys.readouterr().out
    assert "dry run: nothing saved" in out and "created: 2" in out and "row 4" in out
    assert not Provider.objects.exists()


def test_reimport_changes_nothing_and_a_change_is_in_the_history(postcodes, tmp_path):
    import_sample(CSV_SOURCE, "csv")
    again = import_sample(CSV_SOURCE, "csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = tmp_path / "baco.csv"
    text = sample(CSV_SOURCE, "csv").read_text(encoding="utf-8")
    changed.write_text(text.replace("0123 456 701", "0123 999 701"), encoding="utf-8")
    mapping = load_mapping(find_mapping(CSV_SOURCE))
    report = run_import(read_source(changed, mapping), source=mapping.source, label=mapping.label)
    assert report.updated == 1
    history = ProviderChange.objects.get(action="imported")
    assert history.changes["phone"] == ["0123 456 701", "0123 999 701"]


def test_entries_gone_from_the_source_are_marked_for_review_not_deleted(postcodes, tmp_path):
    import_sample(CSV_SOURCE, "csv")
    shorter = tmp_path / "baco.csv"
    lines = sample(CSV_SOURCE, "csv").read_text(encoding="utf-8").splitlines()
    shorter.write_text("\n".join([lines[0], lines[1]]) + "\n", encoding="utf-8")
    mapping = load_mapping(find_mapping(CSV_SOURCE))
    report = run_import(read_source(shorter, mapping), source=mapping.source, label=mapping.label)
    assert report.retired == ["voorbeeld-baco-register:19012345602"]
    gone = Provider.objects.get(external_id="voorbeeld-baco-register:19012345602")
    assert gone.active and gone.needs_review and "Voorbeeld BACO-register" in gone.review_note
    assert ProviderChange.objects.filter(provider=gone, action="gone").exists()
    # Back in the list: no longer marked.
    report = import_sample(CSV_SOURCE, "csv")
    gone.refresh_from_db()
    assert not gone.needs_review and report.retired == []


def test_a_rejected_row_is_not_gone_from_its_source(postcodes, tmp_path):
    import_sample(CSV_SOURCE, "csv")
    broken = tmp_path / "baco.csv"
    text = sample(CSV_SOURCE, "csv").read_text(encoding="utf-8")
    broken.write_text(text.replace("3511 CD", "0000 CD"), encoding="utf-8")
    mapping = load_mapping(find_mapping(CSV_SOURCE))
    report = run_import(read_source(broken, mapping), source=mapping.source)
    assert report.retired == [] and 3 in reasons_by_row(report)


def test_a_cut_off_list_marks_nothing_unless_the_editor_insists(postcodes, tmp_path):
    for number in range(10):
        ProviderFactory(external_id=f"{CSV_SOURCE}:{number}", source=CSV_SOURCE)
    mapping = load_mapping(find_mapping(CSV_SOURCE))
    records = read_source(sample(CSV_SOURCE, "csv"), mapping)
    report = run_import(records, source=mapping.source)
    assert report.retired == []
    assert "--mark-missing-anyway" in " ".join(report.warnings)
    assert not Provider.objects.filter(needs_review=True).exists()
    report = run_import(records, source=mapping.source, insist=True)
    assert len(report.retired) == 10


def test_an_import_that_fails_half_way_changes_nothing(postcodes, monkeypatch, tmp_path):
    existing = ProviderFactory(external_id="keep-1", name="Blijft Verzinsma")
    rows = [
        (n + 2, {"external_id": f"new-{n}", "name": f"N {n}", "kinds": "baco",
                 "work_setting": "own-practice", "postcode": "3511"})
        for n in range(transfer.BATCH_SIZE + 10)
    ] + [(9999, {"external_id": "keep-1", "name": "Overschreven", "kinds": "baco",
                 "work_setting": "own-practice", "postcode": "3511"})]  # fmt: skip
    calls = {"count": 0}
    real = transfer.sync_search_rows

    def fail_on_second_batch(providers):
        calls["count"] += 1
        if calls["count"] == 2:
            raise RuntimeError("disk full")
        real(providers)

    monkeypatch.setattr(transfer, "sync_search_rows", fail_on_second_batch)
    with pytest.raises(RuntimeError):
        run_import(rows)
    assert list(Provider.objects.values_list("external_id", flat=True)) == ["keep-1"]
    existing.refresh_from_db()
    assert existing.name == "Blijft Verzinsma"


def test_an_entry_its_owner_keeps_is_not_overwritten(postcodes):
    import_sample(CSV_SOURCE, "csv")
    anna = Provider.objects.get(external_id="voorbeeld-baco-register:19012345601")
    anna.phone = "0123 000 000"
    anna.save()
    Ownership.objects.create(provider=anna, user=make_user("professional", profession="baco"))
    report = import_sample(CSV_SOURCE, "csv")
    anna.refresh_from_db()
    assert report.kept_by_owner == 1 and anna.phone == "0123 000 000"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("source: Fout Met Spaties\nid: x\nkind: baco\nlocation: {postcode: P}\n", "source"),
        ("source: ok\nkind: baco\nlocation: {postcode: P}\n", "id"),
        ("source: ok\nid: x\nlocation: {postcode: P}\n", "kind"),
        ("source: ok\nid: x\nkind: baco\n", "location"),
        (
            "source: ok\nid: x\nkind: baco\nlocation: {postcode: P}\ncolumns: {A: salaris}\n",
            "salaris",
        ),
        ("- a list\n", "YAML"),
    ],
)
def test_a_wrong_mapping_file_stops_the_import(postcodes, tmp_path, content, message):
    mapping = tmp_path / "bron.yaml"
    mapping.write_text(content, encoding="utf-8")
    with pytest.raises(MappingError, match=message):
        load_mapping(mapping)
    with pytest.raises(CommandError) as error:
        call_command(
            "providers", "import", str(sample(CSV_SOURCE, "csv")), "--source", str(mapping)
        )
    assert error.value.returncode == 2
    assert not Provider.objects.exists()


def test_a_broken_json_or_excel_file_is_unreadable(postcodes, tmp_path):
    bad_json = tmp_path / "lijst.json"
    bad_json.write_text(json.dumps({"data": {"anders": []}}), encoding="utf-8")
    bad_xlsx = tmp_path / "lijst.xlsx"
    bad_xlsx.write_bytes(b"not a workbook")
    for path, name in ((bad_json, JSON_SOURCE), (bad_xlsx, XLSX_SOURCE)):
        with pytest.raises(CommandError) as error:
            call_command("providers", "import", str(path), "--source", name)
        assert error.value.returncode == 2


def test_the_admin_import_reads_a_source_and_does_a_dry_run(admin_client, postcodes):
    """The editors' upload in /beheer/ runs the same adapters (the task runs at once here)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from werkwijzer.core.models import Job

    page = admin_client.get("/beheer/directory/provider/import/").content.decode()
    assert CSV_SOURCE in page  # the mapping files are offered
    upload = SimpleUploadedFile(
        "leden.csv", sample(CSV_SOURCE, "csv").read_bytes(), content_type="text/csv"
    )
    response = admin_client.post(
        "/beheer/directory/provider/import/",
        {"file": upload, "format": "", "source": CSV_SOURCE, "dry_run": "on"},
    )
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.status == "done", job.error
    assert job.result["dry_run"] and job.result["created"] == 2
    assert [row["row"] for row in job.result["rejected"]] == [4, 5]
    assert not Provider.objects.exists()
    assert "Proefdraai" in admin_client.get(response["Location"]).content.decode()
