"""Filters for the shared form-field template, core/_field.html."""

from __future__ import annotations

import datetime as dt

from django import forms, template
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.safestring import SafeString

register = template.Library()

# Attributes the template writes itself; the widget's own copy is left out.
OWN_ATTRS = frozenset(
    {
        "class",
        "id",
        "name",
        "type",
        "value",
        "checked",
        "required",
        "aria-describedby",
        "aria-invalid",
    }
)


@register.filter
def field_kind(field: forms.BoundField) -> str:
    """Which markup the field gets: radio, checkboxes, checkbox, select, textarea or input."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):  # a subclass of RadioSelect
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.filter
def widget_attrs(field: forms.BoundField) -> SafeString:
    """The widget's other attributes (autocomplete, inputmode, min, maxlength, rows ...) as HTML.

    They include what the form field adds to its widget, such as maxlength for a CharField
    and min/max for an IntegerField."""
    attrs = {
        name: value for name, value in field.field.widget.attrs.items() if name not in OWN_ATTRS
    }
    if field.field.disabled:
        attrs["disabled"] = True
    return flatatt(attrs)


@register.filter
def input_value(field: forms.BoundField) -> str:
    """The value for an input or textarea, in the format the browser expects (not localised):
    ISO dates, 2026-03-15T14:30 for datetime-local, 32.5 for numbers."""
    value = field.value()
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@register.filter
def described_by(field: forms.BoundField) -> str:
    """The ids of the help text and the error message, for aria-describedby."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)
