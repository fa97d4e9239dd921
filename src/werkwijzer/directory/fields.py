"""A list of slugs stored as one delimited text column: `|baco|kag|`.

Why not a JSONField: "contains this slug" on JSON needs different SQL on SQLite and
PostgreSQL. A delimited string is filtered with one portable `LIKE '%|baco|%'`
(the `has` lookup), applied after the indexed bounding box has narrowed the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models.lookups import Contains

SEPARATOR = "|"


def join_tags(values: Iterable[str]) -> str:
    cleaned = sorted({str(value).strip() for value in values if str(value).strip()})
    return f"{SEPARATOR}{SEPARATOR.join(cleaned)}{SEPARATOR}" if cleaned else ""


def split_tags(raw: str | None) -> list[str]:
    return [part for part in (raw or "").split(SEPARATOR) if part]


class TagListField(models.CharField):
    """Holds a sorted list of unique slugs; Python sees a `list[str]`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> list[str]:
        return split_tags(value)

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list | tuple | set):
            return sorted({str(item) for item in value if str(item)})
        return split_tags(value)

    def get_prep_value(self, value: Any) -> str:
        if isinstance(value, str):
            value = split_tags(value) if value.startswith(SEPARATOR) else [value]
        return join_tags(value or [])

    def value_to_string(self, obj: models.Model) -> str:
        """For dumpdata; to_python reads it back."""
        return join_tags(self.value_from_object(obj))

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        # Choices hold single slugs; check each item rather than the whole list.
        if self.choices and value:
            allowed = {str(choice) for choice, _label in self.flatchoices}
            for item in value:
                if item not in allowed:
                    super().validate(item, model_instance)
        elif not self.blank and not value:
            super().validate(value, model_instance)

    def formfield(self, **kwargs: Any) -> Any:
        """A row of checkboxes, one per allowed slug (every TagListField has choices)."""
        from django import forms

        defaults: dict[str, Any] = {
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "choices": self.get_choices(include_blank=False),
            "widget": forms.CheckboxSelectMultiple,
        }
        return forms.MultipleChoiceField(**(defaults | kwargs))


@TagListField.register_lookup
class HasTag(Contains):
    """`kinds__has="baco"`: the list holds this slug (exact slug, not a substring)."""

    lookup_name = "has"

    def get_db_prep_lookup(self, value: Any, connection: Any) -> tuple[str, list[str]]:
        return ("%s", [f"{SEPARATOR}{value}{SEPARATOR}"])

    def get_rhs_op(self, connection: Any, rhs: str) -> str:
        return connection.operators["contains"] % rhs
