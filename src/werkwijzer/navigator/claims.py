"""The claims of the wegwijzer (core.claims): every rule's reason, warning and next step
and every helper reason, with their sources; and the timeline milestones the plan shows
(read from the timeline's routes file, whose app has no claims module of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkwijzer.core import yamlfile
from werkwijzer.core.claims import Claim, claim
from werkwijzer.navigator import illness
from werkwijzer.navigator.rules import RULES_FILE
from werkwijzer.timeline.routes import ROUTES_FILE


def _dutch(texts) -> str:
    """The Dutch text; for a text per reader (werkende, werkgever, ...) the first one."""
    if isinstance(texts, dict):
        if "nl" in texts:
            return str(texts["nl"])
        return _dutch(next(iter(texts.values()), ""))
    return str(texts or "")


def rule_claims(raw_rules: list[dict]) -> Iterator[Claim]:
    for rule in raw_rules:
        where = f"navigator/rules.yaml {rule.get('id')}"
        for field in ("why", "warning", "step"):
            if rule.get(field):
                yield claim(f"{where} {field}", _dutch(rule[field]), rule.get("source"))
        for helper in rule.get("helpers") or []:
            if helper.get("why"):
                source = helper.get("source") or rule.get("source")
                text = _dutch(helper["why"])
                yield claim(f"{where} helper {helper.get('slug')}", text, source)


def milestone_claims(routes: dict) -> Iterator[Claim]:
    for route, entries in (routes.get("routes") or {}).items():
        for code, entry in (entries or {}).items():
            where = f"timeline/routes.yaml {route} {code}"
            yield claim(where, _dutch(entry.get("what")), entry.get("source"))


def illness_claims(content_dir: Path) -> Iterator[Claim]:
    """The patient organisation per kind of cancer and the late effects per treatment."""
    data = illness.content(content_dir)
    where = f"content/{illness.FILE}"
    for slug, item in data["cancer_types"].items():
        text = item.get("what") or data["fallback"]["what"]
        yield claim(f"{where} {slug}", _dutch(text), item["source"])
    for slug, item in data["treatments"].items():
        yield claim(f"{where} {slug}", _dutch(item["late_effects"]), item["source"])


def claims(content_dir: Path) -> Iterator[Claim]:
    yield from illness_claims(content_dir)
    yield from rule_claims(yamlfile.load(RULES_FILE.read_text(encoding="utf-8")) or [])
    yield from milestone_claims(yamlfile.load(ROUTES_FILE.read_text(encoding="utf-8")) or {})
