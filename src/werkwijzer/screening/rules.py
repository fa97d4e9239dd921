"""Screening for vulnerable groups: answers in, flags out.

Pure Python, no Django. The groups are data (groups.yaml): each has a flag code, a rule
id, a source, a condition, a reason and a flow chart of what a professional can do, in
Dutch and English. `screen()` is what the form, the API and (later) the wegwijzer call.

Answers (all optional; a missing answer never sets a flag):
    employment        a vocabulary `employment` slug
    age               whole years
    phase             a vocabulary `phase` slug
    low_income, limited_literacy, heavy_work, caregiver   yes/no (bool)
    distress          0-10, the distress thermometer (Lastmeter)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from werkwijzer.core import yamlfile
from werkwijzer.core.sources import Source, source

GROUPS_FILE = Path(__file__).with_name("groups.yaml")
LANGUAGES = ("nl", "en")
YES_NO_ANSWERS = ("low_income", "limited_literacy", "heavy_work", "caregiver")
DISTRESS_MAX = 10
AGE_RANGE = (16, 100)


@dataclass(frozen=True)
class Step:
    text: dict[str, str]
    refer: tuple[str, ...]

    def in_language(self, language: str) -> str:
        return self.text.get(language) or self.text["nl"]


@dataclass(frozen=True)
class Group:
    flag: str
    rule: str
    source: str
    when: Mapping[str, Any]
    label: dict[str, str]
    reason: dict[str, str]
    flow: tuple[Step, ...]

    def applies(self, answers: Mapping[str, Any]) -> bool:
        return all(_holds(key, value, answers) for key, value in self.when.items())


@dataclass(frozen=True)
class Flag:
    """One group the person belongs to, with why, the rule that said so and its source."""

    code: str
    rule: str
    source: Source
    label: str
    reason: str
    flow: tuple[Step, ...]
    language: str

    def steps(self) -> list[str]:
        return [step.in_language(self.language) for step in self.flow]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "label": self.label,
            "reason": self.reason,
            "source": self.source.as_dict(),
            "flow": [
                {"text": step.in_language(self.language), "refer": list(step.refer)}
                for step in self.flow
            ],
        }


def _holds(key: str, expected: Any, answers: Mapping[str, Any]) -> bool:
    if key in ("employment", "phase"):
        return answers.get(key) in expected
    if key == "age":
        age = answers.get("age")
        return isinstance(age, int) and expected[0] <= age <= expected[1]
    if key == "answered_yes":
        return all(answers.get(name) is True for name in expected)
    if key == "at_least":
        return all(
            isinstance(answers.get(name), int) and answers[name] >= threshold
            for name, threshold in expected.items()
        )
    raise ValueError(f"Unknown condition {key!r} in {GROUPS_FILE.name}")


def _texts(raw: Mapping[str, str], where: str) -> dict[str, str]:
    unknown = set(raw) - {*LANGUAGES, "refer"}
    if unknown:  # an unquoted comma in a YAML flow mapping ends up as a key
        raise ValueError(f"{where}: unexpected keys {sorted(map(str, unknown))}; quote the text")
    missing = [language for language in LANGUAGES if not raw.get(language)]
    if missing:
        raise ValueError(f"{where}: missing text in {', '.join(missing)}")
    return {language: str(raw[language]) for language in LANGUAGES}


@cache
def groups() -> tuple[Group, ...]:
    """The groups of groups.yaml, checked: unique flags and rule ids, known sources."""
    raw = yamlfile.load(GROUPS_FILE.read_text(encoding="utf-8"))
    loaded: list[Group] = []
    for item in raw:
        where = f"{GROUPS_FILE.name} {item['rule']}"
        source(item["source"])  # raises on an unknown key
        loaded.append(
            Group(
                flag=item["flag"],
                rule=item["rule"],
                source=item["source"],
                when=item["when"],
                label=_texts(item["label"], where),
                reason=_texts(item["reason"], where),
                flow=tuple(
                    Step(text=_texts(step, where), refer=tuple(step.get("refer") or ()))
                    for step in item["flow"]
                ),
            )
        )
    for attribute in ("flag", "rule"):
        values = [getattr(group, attribute) for group in loaded]
        if len(values) != len(set(values)):
            raise ValueError(f"{GROUPS_FILE.name}: a {attribute} is used twice")
    return tuple(loaded)


def group(flag: str) -> Group:
    """The group with this flag code; KeyError when unknown."""
    for item in groups():
        if item.flag == flag:
            return item
    raise KeyError(flag)


@cache
def _age_ranges() -> tuple[tuple[int, int], ...]:
    return tuple(tuple(item.when["age"]) for item in groups() if "age" in item.when)


def age_class(age: Any) -> tuple[bool, ...]:
    """Which groups' age ranges hold this age: two ages in the same class get the same
    flags, so callers can remember results per class instead of per year of age."""
    if not isinstance(age, int):
        return ()
    return _age_class(age)


@lru_cache(maxsize=256)
def _age_class(age: int) -> tuple[bool, ...]:
    return tuple(low <= age <= high for low, high in _age_ranges())


def screen(answers: Mapping[str, Any], language: str = "nl") -> list[Flag]:
    """The flags that apply to these answers, in the order of groups.yaml."""
    language = language if language in LANGUAGES else "nl"
    return [
        Flag(
            code=item.flag,
            rule=item.rule,
            source=source(item.source),
            label=item.label[language],
            reason=item.reason[language],
            flow=item.flow,
            language=language,
        )
        for item in groups()
        if item.applies(answers)
    ]
