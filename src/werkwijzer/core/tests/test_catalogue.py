"""One translation catalogue per language, complete, and what makemessages makes of the
code (docs/i18n.md)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUES = {
    lang: PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("nl", "en")
}
_CREATED = re.compile(r'^"POT-Creation-Date: .*\\n"$', re.M)


def test_there_is_one_catalogue_per_language():
    app_catalogues = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.glob("*/locale"))
    assert app_catalogues == [], "translations belong in src/werkwijzer/locale, not in an app"


@pytest.mark.parametrize("language", CATALOGUES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    catalogue = polib.pofile(str(CATALOGUES[language]))
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"
    assert not untranslated, f"untranslated in {language}: {untranslated[:10]}"


@pytest.mark.parametrize("language", CATALOGUES)
def test_the_catalogue_compiles_with_its_placeholders_intact(language, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOGUES[language])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_makemessages_changes_nothing(tmp_path):
    """A string added to the code without its translation fails here."""
    copy = tmp_path / "werkwijzer"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    locale = copy / "locale"
    here = Path.cwd()
    try:
        os.chdir(copy)
        with override_settings(LOCALE_PATHS=[locale]):
            call_command(
                "makemessages",
                locale=["nl", "en"],
                no_obsolete=True,
                add_location="file",
                verbosity=0,
            )
    finally:
        os.chdir(here)
    for language, original in CATALOGUES.items():
        made = (locale / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
        kept = original.read_text(encoding="utf-8")
        assert _CREATED.sub("", made) == _CREATED.sub("", kept), (
            f"run makemessages in src/werkwijzer and translate the new strings ({language})"
        )
