"""Sources point at the page that says it and carry their own checked date; `werkwijzer
sources check --offline` lists the stale ones with the claims using them (issue 13)."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from urllib.parse import urlparse

import pytest
import time_machine
from django.core.management import CommandError, call_command

from werkwijzer.core import sources as register
from werkwijzer.core.sources import sources

# Sources that still point at a homepage or a section: an editor has to find the page
# that says it. They carry no checked date, so `sources check` lists them. This list may
# only get shorter.
PENDING_PAGES = {
    "arboportaal-verzuim",
    "iknl-lastmeter",
    "iknl-nkr",
}

# Pages that say it, where the stored copy did not show our figure (an older amount, no
# matching cell): never checked, so `sources check` lists them. This list may only get shorter.
NOT_YET_CHECKED = {"cbs-lonen", "uwv-maximumdagloon"}

# Addresses with one path part that names no document but that a person read and found to
# be the page that says it, not a section (the site keeps its pages one level deep).
# Add an address only after reading the page; a section page never belongs here.
ONE_PART_PAGES = {
    "https://ayazorgnetwerk.nl/over-aya-zorgnetwerk/",
    "https://www.hematon.nl/richtlijn-kanker-en-werk",
    # Issues 19 and 22: each compared with its stored copy (see the comment in sources.yaml).
    "https://www.middendelfland.nl/bijstand-voor-zelfstandigen",
    "https://www.longkankernederland.nl/november-longkankermaand/",
    "https://nvab-online.nl/kennis-richtlijnen-faq-kanker-en-werk",
    "https://www.ojau.nl/uitkeringssoorten-van-de-wga/",
}


def points_at_a_page(url: str) -> bool:
    """More than a homepage or one section: two path parts, a query, a DOI, or one part
    that names a document (wetten.overheid.nl/jci1.3:c:..., a .html or .pdf file), or an
    address in ONE_PART_PAGES."""
    if url in ONE_PART_PAGES:
        return True
    parsed = urlparse(url)
    parts = [part for part in parsed.path.split("/") if part]
    if parsed.netloc == "doi.org" or parsed.query or len(parts) >= 2:
        return True
    return len(parts) == 1 and (":" in parts[0] or "." in parts[0])


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("https://www.kanker.nl", False),
        ("https://www.uwv.nl/werkgevers", False),
        ("https://www.uwv.nl/particulieren/ziek/ziek-zonder-werkgever/na-ziekmelding/", True),
        ("https://doi.org/10.1001/jama.2009.187", True),
        ("https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=9", True),
        ("https://zoek.officielebekendmakingen.nl/stcrt-2007-140-p33-SC81458.html", True),
        ("https://ayazorgnetwerk.nl/over-aya-zorgnetwerk/", True),
        ("https://ayazorgnetwerk.nl/", False),
    ],
)
def test_a_homepage_is_not_a_page(url, page):
    assert points_at_a_page(url) is page


def cites_a_place(item: register.Source) -> bool:
    """A page, or a document without an address cited by the place in it (a slide)."""
    return item.is_document or points_at_a_page(item.url)


def test_every_source_points_at_the_page_that_says_it():
    wrong = [key for key, item in sources().items() if not cites_a_place(item)]
    assert set(wrong) <= PENDING_PAGES, sorted(set(wrong) - PENDING_PAGES)


def test_a_source_fixed_is_taken_off_the_pending_list():
    fixed = [key for key in PENDING_PAGES if key in sources() and cites_a_place(sources()[key])]
    assert not fixed, f"take these off PENDING_PAGES: {fixed}"


def test_a_document_source_says_where_in_it_and_a_page_source_has_no_locator():
    documents = [item for item in sources().values() if item.is_document]
    assert {item.key for item in documents} >= {"actieplan-werk-en-kanker-2025", "zorgmodel-kag"}
    for item in sources().values():
        assert item.url or item.locator, f"{item.key}: neither an address nor a place in a document"


def test_every_source_has_its_own_checked_date_or_none():
    today = dt.date.today()
    for key, item in sources().items():
        if key in PENDING_PAGES | NOT_YET_CHECKED:
            assert item.checked == "", f"{key}: a homepage cannot have been checked"
            continue
        assert item.checked_on is not None, f"{key}: checked {item.checked!r} is not a date"
        assert item.checked_on <= today, key


def test_stale_means_not_checked_for_twelve_months():
    source = register.Source("x", "X", "P", "https://example.org/a/b", "2025-12-03")
    assert not source.is_stale(dt.date(2026, 12, 3))
    assert source.is_stale(dt.date(2026, 12, 4))
    assert register.Source("y", "Y", "P", "https://example.org/a/b", "").is_stale(
        dt.date(2026, 1, 1)
    )


def _run(*args):
    out = StringIO()
    try:
        call_command("sources", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue(), str(error)
    return 0, out.getvalue(), ""


def test_check_lists_stale_sources_and_their_claims():
    with time_machine.travel(dt.date(2028, 1, 15)):
        code, out, error = _run("check", "--offline")
    assert code == 1 and "verouderd" in error
    assert "uwv-wia-bijna-2-jaar" in out
    assert "knowledge/nl/wia.md" in out  # a claim that uses it
    assert "arboportaal-verzuim" in out and "nooit / never" in out


def test_check_passes_when_every_source_is_fresh(tmp_path, monkeypatch):
    fresh = tmp_path / "sources.yaml"
    fresh.write_text(
        "a:\n  title: A\n  publisher: P\n  url: https://example.org/a/b\n  checked: '2026-11-01'\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(register, "SOURCES_FILE", fresh)
    register.sources.cache_clear()
    try:
        with time_machine.travel(dt.date(2026, 12, 3)):
            code, out, _error = _run("check", "--offline")
    finally:
        register.sources.cache_clear()
    assert code == 0 and "every source was checked" in out


@pytest.mark.parametrize("args", [("check",), ("check", "--offline", "--months", "0")])
def test_bad_input_exits_with_2(args):
    code, _out, error = _run(*args)
    assert code == 2 and " / " in error
