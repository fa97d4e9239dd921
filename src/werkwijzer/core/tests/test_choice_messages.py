"""An open radio group says "Kies een van de antwoorden." (issue 15): every form with a
radio group takes core.forms.ChoiceMessagesMixin."""

from __future__ import annotations

import importlib
import inspect

from django import forms
from django.apps import apps
from django.utils import translation

from werkwijzer.core.forms import ChoiceMessagesMixin


def _forms_with_a_radio_group() -> list[type[forms.BaseForm]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("werkwijzer."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm) or cls.__module__ != module.__name__:
                continue
            widgets = [field.widget for field in cls.base_fields.values()]
            radio = [
                w
                for w in widgets
                if isinstance(w, forms.RadioSelect)
                and not isinstance(w, forms.CheckboxSelectMultiple)
            ]
            if radio:
                found.append(cls)
    return found


def test_every_form_with_a_radio_group_asks_to_choose():
    found = _forms_with_a_radio_group()
    assert len(found) >= 5, found
    missing = [cls.__qualname__ for cls in found if not issubclass(cls, ChoiceMessagesMixin)]
    assert not missing, missing


def test_an_open_radio_group_says_kies():
    from werkwijzer.accounts.forms import RegistrationForm

    with translation.override("nl"):
        form = RegistrationForm(data={})
        assert not form.is_valid()
        role_errors = [str(message) for message in form.errors["role"]]
    assert role_errors == ["Kies een van de antwoorden."]
