"""`werkwijzer rules export`: the rules as a table an expert can read (issue 13)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from werkwijzer.navigator.rules import default_rules
from werkwijzer.navigator.rules_export import CSV_COLUMNS, applies_to, csv_text, markdown

DOCS_RULES = Path(settings.BASE_DIR) / "docs" / "rules.md"


def test_docs_rules_md_is_the_export_of_the_rules_file():
    assert DOCS_RULES.read_text(encoding="utf-8") == markdown("nl"), (
        "docs/rules.md is out of date: run werkwijzer rules export --output docs/rules.md"
    )


def test_every_rule_is_one_row_in_markdown_and_csv():
    ids = [rule.id for rule in default_rules()]
    table = markdown("nl")
    assert [line.split("`")[1] for line in table.splitlines() if line.startswith("| `")] == ids
    rows = list(csv.DictReader(io.StringIO(csv_text("en"))))
    assert [row["rule"] for row in rows] == ids
    assert tuple(rows[0]) == CSV_COLUMNS
    assert all(row["source"] and row["source_url"].startswith("https://") for row in rows)


def test_every_flag_of_the_engine_has_words():
    from werkwijzer.navigator import rules
    from werkwijzer.navigator.rules_export import FLAG_NAMES

    for language, names in FLAG_NAMES.items():
        assert set(rules.FLAG_NAMES) <= set(names), (language, set(rules.FLAG_NAMES) - set(names))


def test_the_situation_reads_as_words():
    when = {
        "role": ["werkende"],
        "employment": ["zzp"],
        "has_aov": False,
        "concerns": ["vermoeidheid"],
        "flags": ["sick"],
        "not_flags": ["employee"],
    }
    text = applies_to(when, "nl")
    assert text.startswith("rol: werkende met of na kanker; werk: ")
    assert "heeft AOV: nee" in text and "ziek of werkt minder" in text
    assert "niet in loondienst" in text
    assert applies_to({"role": ["werkgever"]}, "en") == "role: employer (everyone in this role)"


def test_each_helper_has_its_own_reason_in_the_table():
    row = next(line for line in markdown("nl").splitlines() if "`ALL-08-vermoeidheid`" in line)
    assert "(3): Een oncologisch fysiotherapeut helpt" in row
    assert "(2): Vermoeidheid komt veel voor" in row
    assert "week 93" in markdown("nl") and "{{" not in markdown("nl")


def test_the_command_writes_markdown_or_csv(tmp_path):
    target = tmp_path / "rules.csv"
    call_command(
        "rules", "export", "--format", "csv", "--output", str(target), stdout=io.StringIO()
    )
    assert target.read_text(encoding="utf-8").startswith(",".join(CSV_COLUMNS))
    out = io.StringIO()
    call_command("rules", "export", stdout=out)
    assert out.getvalue() == markdown("nl")


@pytest.mark.parametrize("args", [("--language", "fr"), ("--output", "/does/not/exist/rules.md")])
def test_bad_input_exits_with_2(args):
    with pytest.raises(CommandError) as raised:
        call_command("rules", "export", *args, stdout=io.StringIO())
    assert raised.value.returncode == 2
