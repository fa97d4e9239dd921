"""Form pieces every app may use."""

from __future__ import annotations


class FieldErrorsMixin:
    """`error_list()`: every error of a form as plain data, for an API's error answer."""

    def error_list(self) -> list[dict[str, str]]:
        """Every error as {field, label, message}, in the order of the form."""
        return [
            {"field": name, "label": str(self.fields[name].label), "message": str(message)}
            for name in self.fields
            for message in self.errors.get(name, [])
        ]
