"""Only the NL Design System CSS the site uses (issue 16, light pages on a phone).

The Utrecht component library ships one 400 KB stylesheet for about 100 components, and
its design tokens another 88 KB of custom properties; every page had to load both before
it could paint. The templates use some 25 components. `used_blocks` reads which from the
source (templates, Python, JavaScript), `component_subset` keeps the rules whose Utrecht
classes all belong to those components, and `token_subset` keeps the custom properties
that the kept CSS (and our own) reads, with the ones they read in turn.

A component is kept whole, with every modifier and element (`utrecht-alert--warning`,
`utrecht-form-field__label`): templates build some modifiers from variables
(`utrecht-alert--{{ level }}`), so a rule-by-rule choice would drop what they need.
Plain Python over tinycss2, no Django: the static files finder calls it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2

SOURCE_SUFFIXES = {".html", ".py", ".js", ".txt"}
SKIPPED_FOLDERS = {"tests", "migrations", "node_modules"}  # they name classes, pages don't
UTRECHT_CLASS = re.compile(r"utrecht-[a-z0-9]+(?:-[a-z0-9]+)*(?:(?:__|--)[a-z0-9_-]*)?")
CLASS_IN_SELECTOR = re.compile(r"\.(utrecht-[a-zA-Z0-9_-]+)")
VARIABLE_USE = re.compile(r"var\(\s*(--[a-zA-Z0-9_-]+)")
LICENCE = re.compile(r"/\*\*?\s*\n\s*\*\s*@license.*?\*/", re.S)


def block_of(class_name: str) -> str:
    """The component a class belongs to: `utrecht-form-field__label` -> `utrecht-form-field`."""
    return re.split(r"__|--", class_name, maxsplit=1)[0]


def used_blocks(roots: Iterable[Path]) -> frozenset[str]:
    """Every Utrecht component that a template, Python module or script names."""
    blocks: set[str] = set()
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix not in SOURCE_SUFFIXES or SKIPPED_FOLDERS & set(path.parts):
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            blocks.update(block_of(found) for found in UTRECHT_CLASS.findall(text))
    return frozenset(blocks)


def component_subset(css: str, blocks: frozenset[str]) -> str:
    """The rules of `css` that style only used components, minified, licences kept."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = "".join(_kept_rule(rule, blocks) for rule in rules)
    return _licences(css) + kept


def token_subset(css: str, readers: Iterable[str]) -> str:
    """The declarations of `css` (design tokens) that `readers` read, directly or through
    another token; everything that is not a custom property stays."""
    wanted = {name for text in readers for name in VARIABLE_USE.findall(text)}
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    declared = {
        declaration.lower_name: tinycss2.serialize(declaration.value)
        for rule in rules
        if rule.type == "qualified-rule"
        for declaration in _declarations(rule)
    }
    pending = list(wanted)
    while pending:  # tokens defined by other tokens
        for name in VARIABLE_USE.findall(declared.get(pending.pop(), "")):
            if name not in wanted:
                wanted.add(name)
                pending.append(name)
    return "".join(_kept_tokens(rule, wanted) for rule in rules)


def _kept_rule(rule, blocks: frozenset[str]) -> str:
    if rule.type == "qualified-rule":
        selectors = _split_selectors(tinycss2.serialize(rule.prelude))
        used = [s for s in selectors if _uses_only(s, blocks)]
        if not used:
            return ""
        return f"{','.join(used)}{{{_minified(rule.content)}}}"
    if (
        rule.type == "at-rule"
        and rule.content is not None
        and rule.lower_at_keyword
        in {
            "media",
            "supports",
            "layer",
            "container",
        }
    ):
        inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
        body = "".join(_kept_rule(item, blocks) for item in inner)
        prelude = tinycss2.serialize(rule.prelude).strip()
        return f"@{rule.at_keyword} {prelude}{{{body}}}" if body else ""
    if rule.type == "at-rule":  # @font-face, @keyframes, @charset: kept as they are
        return tinycss2.serialize([rule])
    return ""


def _uses_only(selector: str, blocks: frozenset[str]) -> bool:
    return all(block_of(name) in blocks for name in CLASS_IN_SELECTOR.findall(selector))


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(...)`)."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [" ".join(part.split()) for part in parts if part]


def _declarations(rule) -> list:
    items = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
    return [item for item in items if item.type == "declaration"]


def _kept_tokens(rule, wanted: set[str]) -> str:
    if rule.type != "qualified-rule":
        return tinycss2.serialize([rule]) if rule.type == "at-rule" else ""
    kept = [
        f"{d.name}:{tinycss2.serialize(d.value).strip()}" + ("!important" if d.important else "")
        for d in _declarations(rule)
        if not d.lower_name.startswith("--") or d.lower_name in wanted
    ]
    if not kept:
        return ""
    return f"{' '.join(tinycss2.serialize(rule.prelude).split())}{{{';'.join(kept)}}}"


def _minified(content) -> str:
    return ";".join(
        f"{d.name}:{tinycss2.serialize(d.value).strip()}" + ("!important" if d.important else "")
        for d in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
        if d.type == "declaration"
    )


def _licences(css: str) -> str:
    """Each distinct licence comment of the source once (EUPL-1.2 asks to keep them)."""
    seen: list[str] = []
    for comment in LICENCE.findall(css):
        if comment not in seen:
            seen.append(comment)
    return "\n".join(seen) + ("\n" if seen else "")
