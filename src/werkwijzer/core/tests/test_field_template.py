"""The shared form-field template core/_field.html and its filters."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape


class SampleForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=50,
        help_text="As in your passport.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    secret = forms.CharField(label="Password", widget=forms.PasswordInput)
    hours = forms.DecimalField(
        label="Hours",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
    )
    age = forms.IntegerField(label="Age", min_value=16, max_value=100)
    born = forms.DateField(
        label="Born", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    meeting = forms.DateTimeField(
        label="Meeting",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    story = forms.CharField(
        label="Story",
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 4, "class": "wide"}),
    )
    colour = forms.ChoiceField(
        label="Colour", choices=[("", "Choose"), ("red", "Red"), ("blue", "Blue")]
    )
    answer = forms.ChoiceField(
        label="Answer", choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect
    )
    topics = forms.MultipleChoiceField(
        label="Topics",
        required=False,
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
    )
    agree = forms.BooleanField(label="I agree")


def render(field, **options) -> str:
    with translation.override("en"):
        return render_to_string("core/_field.html", {"field": field, **options})


def test_text_input_passes_the_widget_attrs_through_and_wires_the_help_text():
    html = render(SampleForm()["name"])
    for part in (
        'id="field-name"',
        'type="text"',
        'autocomplete="given-name"',
        'maxlength="50"',
        'id="id_name-help"',
        'aria-describedby="id_name-help"',
    ):
        assert part in html
    assert "(optional)" not in html
    assert html.count(" required") == 1


def test_error_is_shown_once_and_described():
    form = SampleForm(data={})
    html = render(form["name"])
    assert 'aria-describedby="id_name-help id_name-error"' in html
    assert 'aria-invalid="true"' in html
    assert "utrecht-textbox--invalid" in html
    assert html.count('id="id_name-error"') == 1


def test_password_never_shows_its_value():
    form = SampleForm(data={"secret": "hunter2"})
    html = render(form["secret"])
    assert 'type="password"' in html
    assert "hunter2" not in html
    assert "value=" not in html


def test_numbers_dates_and_times_use_the_browser_format():
    form = SampleForm(
        initial={
            "hours": Decimal("32.5"),
            "born": dt.date(1980, 3, 15),
            "meeting": dt.datetime(2026, 3, 15, 14, 30),
        }
    )
    with translation.override("nl"):  # a Dutch locale must not turn 32.5 into 32,5
        hours = render_to_string("core/_field.html", {"field": form["hours"]})
    assert 'value="32.5"' in hours
    assert 'inputmode="decimal"' in hours and 'step="any"' in hours
    assert "(optional)" in render(form["hours"])
    assert 'value="1980-03-15"' in render(form["born"])
    meeting = render(form["meeting"])
    assert 'type="datetime-local"' in meeting and 'value="2026-03-15T14:30"' in meeting


def test_number_gets_numeric_inputmode_and_limits():
    html = render(SampleForm()["age"])
    assert 'type="number"' in html
    assert 'inputmode="numeric"' in html
    assert 'min="16"' in html and 'max="100"' in html


def test_textarea_takes_rows_and_extra_class_from_the_widget():
    form = SampleForm(data={"story": "Once <b>upon</b>"})
    html = render(form["story"])
    assert '<textarea class="utrecht-textarea wide"' in html
    assert 'rows="4"' in html and 'maxlength="400"' in html
    assert escape("Once <b>upon</b>") + "</textarea>" in html


def test_select_marks_the_chosen_option():
    html = render(SampleForm(data={"colour": "blue"})["colour"])
    assert '<select class="utrecht-select"' in html
    assert '<option value="blue" selected>Blue</option>' in html
    assert '<option value="red">Red</option>' in html


def test_radio_group_is_a_fieldset_and_can_be_inline():
    form = SampleForm(data={"answer": "no"})
    html = render(form["answer"], inline=True)
    assert '<fieldset class="utrecht-form-fieldset" id="field-answer"' in html
    assert '<legend class="utrecht-form-fieldset__legend">Answer</legend>' in html
    assert '<div class="choice-inline">' in html
    assert 'type="radio" name="answer" id="id_answer_1" value="no" checked required' in html


def test_checkbox_group_in_columns_with_optional_marker():
    html = render(SampleForm()["topics"], columns=True)
    assert '<div class="choice-columns">' in html
    assert 'type="checkbox" name="topics" id="id_topics_0" value="a"' in html
    assert '<span class="optional">(optional)</span>' in html
    assert "required" not in html


def test_all_required_leaves_out_the_optional_marker():
    assert "(optional)" not in render(SampleForm()["topics"], all_required=True)


def test_single_checkbox_has_its_label_after_the_box():
    html = render(SampleForm(data={"agree": "on"})["agree"])
    assert html.index('type="checkbox"') < html.index("I agree")
    assert " checked" in html
    assert "utrecht-form-field--checkbox" in html


def test_prefixed_forms_get_distinct_wrapper_ids():
    html = render(SampleForm(prefix="note")["name"])
    assert 'id="field-note-name"' in html
    assert 'id="id_note-name-help"' in html


@pytest.mark.parametrize("language, marker", [("nl", "(niet verplicht)"), ("en", "(optional)")])
def test_optional_marker_is_translated(language, marker):
    with translation.override(language):
        html = render_to_string("core/_field.html", {"field": SampleForm()["hours"]})
    assert marker in html
