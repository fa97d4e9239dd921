"""The NL Design System stylesheets cut down to what the site uses (issue 16)."""

from __future__ import annotations

from pathlib import Path

from werkwijzer.core import css_subset
from werkwijzer.core.staticfiles import COMPONENTS, TOKENS, served_files, vendor_files

LIBRARY = """/**
 * @license EUPL-1.2
 * Copyright (c) 2024 Gemeente Utrecht
 */
.utrecht-alert { display: flex; color: var(--utrecht-alert-color); }
.utrecht-alert--warning { background: var(--_local, var(--utrecht-alert-warning-bg)); }
.utrecht-alert__icon, .utrecht-accordion__icon { inline-size: 1em; }
.utrecht-accordion { display: grid; }
.utrecht-accordion .utrecht-alert { margin: 0; }
.utrecht-alert:is(.x, .y) { outline: 0 !important; }
@media (min-width: 40em) { .utrecht-alert { gap: 1em; } .utrecht-accordion { gap: 2em; } }
@media print { .utrecht-accordion { display: none; } }
"""
TOKENS_CSS = """.utrecht-theme {
  --utrecht-alert-color: var(--utrecht-color-black);
  --utrecht-color-black: #000;
  --utrecht-accordion-gap: 1rem;
  --utrecht-alert-warning-bg: #ffd;
  color: var(--utrecht-color-black);
}"""


def test_a_class_belongs_to_its_component():
    assert css_subset.block_of("utrecht-form-field__label") == "utrecht-form-field"
    assert css_subset.block_of("utrecht-alert--warning") == "utrecht-alert"
    assert css_subset.block_of("utrecht-heading-1") == "utrecht-heading-1"


def test_only_the_rules_of_used_components_stay_with_their_modifiers():
    kept = css_subset.component_subset(LIBRARY, frozenset({"utrecht-alert"}))
    assert ".utrecht-alert{display:flex" in kept
    assert ".utrecht-alert--warning{" in kept  # a modifier a template may build from a variable
    assert ".utrecht-alert__icon{" in kept and "accordion" not in kept
    assert ".utrecht-alert:is(.x, .y){outline:0!important}" in kept
    assert "@media (min-width: 40em){.utrecht-alert{gap:1em}}" in kept
    assert "@media print" not in kept  # nothing of a used component inside
    assert kept.startswith("/**\n * @license EUPL-1.2")  # the licence stays


def test_tokens_stay_when_read_directly_or_through_another_token():
    readers = [".utrecht-alert{color:var(--utrecht-alert-color)}"]
    kept = css_subset.token_subset(TOKENS_CSS, readers)
    assert "--utrecht-alert-color:var(--utrecht-color-black)" in kept
    assert "--utrecht-color-black:#000" in kept  # read by the token above
    assert "accordion" not in kept and "warning" not in kept
    assert "color:var(--utrecht-color-black)" in kept  # plain declarations stay


def test_the_site_names_its_components(tmp_path: Path):
    (tmp_path / "page.html").write_text(
        '<div class="utrecht-alert utrecht-alert--{{ level }}"><p class="utrecht-paragraph">'
    )
    (tmp_path / "forms.py").write_text('attrs={"class": "utrecht-textbox utrecht-textbox--html"}')
    (tmp_path / "notes.md").write_text("utrecht-accordion is not used here")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_page.py").write_text('"utrecht-button"')  # tests don't count
    found = css_subset.used_blocks([tmp_path])
    assert found == {"utrecht-alert", "utrecht-paragraph", "utrecht-textbox"}


def test_the_served_stylesheets_are_the_smaller_subsets():
    served, sources = served_files(), vendor_files()
    for public in (COMPONENTS, TOKENS):
        assert served[public] != sources[public]
        assert served[public].stat().st_size < sources[public].stat().st_size / 2
    components = served[COMPONENTS].read_text(encoding="utf-8")
    assert ".utrecht-button{" in components and ".utrecht-accordion" not in components
