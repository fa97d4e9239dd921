"""Form pieces every app may use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms

if TYPE_CHECKING:
    from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

# An unanswered group of options asks to choose, not to "fill in" (B1, issue 15).
CHOOSE_ONE = _("Choose one of the answers.")


class ChoiceMessagesMixin:
    """Radio groups that are left open say "Kies een van de antwoorden." instead of
    Django's "Dit veld is verplicht."; every form with a radio group uses it."""

    fields: dict[str, forms.Field]  # of the form it is mixed into

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            radio = isinstance(field.widget, forms.RadioSelect)
            default = (
                field.error_messages.get("required")
                == forms.Field.default_error_messages["required"]
            )
            if radio and default and not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.error_messages["required"] = CHOOSE_ONE


class FieldErrorsMixin:
    """`error_list()`: every error of a form as plain data, for an API's error answer."""

    fields: dict[str, forms.Field]  # of the form it is mixed into
    errors: ErrorDict

    def error_list(self) -> list[dict[str, str]]:
        """Every error as {field, label, message}, in the order of the form."""
        return [
            {"field": name, "label": str(self.fields[name].label), "message": str(message)}
            for name in self.fields
            for message in self.errors.get(name, [])
        ]
