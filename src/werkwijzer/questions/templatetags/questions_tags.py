from django import template

register = template.Library()


@register.filter
def widget_kind(bound_field) -> str:
    """The widget class name of a bound field (Textarea, Select, ...), for the field include."""
    return type(bound_field.field.widget).__name__
