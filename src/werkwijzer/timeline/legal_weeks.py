"""Legal weeks in content, taken from the timeline's route data (one source of truth).

Articles, FAQ answers, helper texts, rules and the other content never type a legal week
themselves: they write a placeholder such as ``{{ week:wia_week }}`` and it is filled in
when the text is shown (or, for texts the seed stores, when it is seeded), from the
``numbers`` of the timeline's routes file, the same numbers the timeline dates with.
When the routes change, every text follows.

The keys are those of ``numbers`` in ``timeline/routes.yaml`` that count weeks (their
names end in ``_week`` or ``_weeks``), plus ``wia_week``: the week in which the WIA must be
applied for at the latest, computed as the timeline does (the waiting time minus the
lead time).

``legal_week_problems`` finds weeks typed by hand ("week 93", "104 weken"); the content
tests use it so that a second, hand-typed number cannot come back.

Pure Python (no Django), so content readers, the rules engine and tests can use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from werkwijzer.core import yamlfile
from werkwijzer.timeline.routes import ROUTES_FILE

PLACEHOLDER_RE = re.compile(r"\{\{\s*week:([a-z_]+)\s*\}\}")


@dataclass(frozen=True)
class LegalWeek:
    key: str
    week: int
    sources: tuple[str, ...]  # keys in core/sources.yaml that state the number


@cache
def _route_data() -> dict[str, Any]:
    with ROUTES_FILE.open(encoding="utf-8") as handle:
        return yamlfile.load(handle)


@cache
def legal_weeks() -> dict[str, LegalWeek]:
    """Every legal week content may name, by placeholder key."""
    data = _route_data()
    found = {
        key: LegalWeek(key, int(item["value"]), (item["source"],))
        for key, item in (data.get("numbers") or {}).items()
        if key.endswith(("_week", "_weeks"))
    }
    waiting, lead = found.get("waiting_weeks"), found.get("wia_lead_weeks")
    if waiting is None or lead is None:
        # Renamed in the routes file: leave {{ week:wia_week }} visible (and the content
        # tests failing) rather than break every page that shows a text.
        return found
    # The WIA deadline is the timeline's WIA milestone: cite the source that milestone cites.
    milestone = data.get("routes", {}).get("poortwachter", {}).get("wia-aanvraag", {})
    sources = (milestone["source"],) if milestone.get("source") else waiting.sources
    found["wia_week"] = LegalWeek("wia_week", waiting.week - lead.week, sources)
    return found


def fingerprint() -> str:
    """The weeks in one short string: stored text that has them filled in (search data)
    is stale when this changes."""
    return ",".join(f"{key}={week.week}" for key, week in sorted(legal_weeks().items()))


def resolve(text: str) -> str:
    """The text with every ``{{ week:key }}`` filled in. An unknown key stays as it is,
    so the mistake is visible (and the content tests name it)."""
    if "{{" not in text:
        return text
    weeks = legal_weeks()

    def number(match: re.Match) -> str:
        found = weeks.get(match.group(1))
        return str(found.week) if found else match.group(0)

    return PLACEHOLDER_RE.sub(number, text)


def unknown_keys(text: str) -> list[str]:
    return [key for key in PLACEHOLDER_RE.findall(text) if key not in legal_weeks()]


def used_keys(text: str) -> list[str]:
    return [key for key in PLACEHOLDER_RE.findall(text) if key in legal_weeks()]


# A week typed by hand: "week 93", "93e week", "93rd week", or a number of weeks that is
# a legal period of the route data ("104 weken", "13 weeks").
_MOMENT_RE = re.compile(
    r"\bweek\s+\d+|\b\d+\s*(?:e|ste|de|st|nd|rd|th)\s+week\b|\bweek-\d+", re.IGNORECASE
)
_PERIOD_RE = re.compile(r"\b(\d+)[\s-]*(?:weken|weeks?)\b", re.IGNORECASE)


def legal_week_problems(text: str) -> list[str]:
    """The hand-typed legal weeks in a text (its placeholders are fine)."""
    stripped = PLACEHOLDER_RE.sub("", text)
    problems = [match.group(0) for match in _MOMENT_RE.finditer(stripped)]
    periods = {str(week.week) for key, week in legal_weeks().items() if key.endswith("_weeks")}
    problems += [m.group(0) for m in _PERIOD_RE.finditer(stripped) if m.group(1) in periods]
    problems += [f"{{{{ week:{key} }}}} (unknown key)" for key in unknown_keys(text)]
    return problems


def sources_of(texts: Iterable[str]) -> set[str]:
    """The source keys of the legal weeks these texts name."""
    weeks = legal_weeks()
    return {source for text in texts for key in used_keys(text) for source in weeks[key].sources}
