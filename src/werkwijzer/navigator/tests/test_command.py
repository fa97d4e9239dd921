import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from werkwijzer.navigator.tests.test_api import SITUATION

pytestmark = pytest.mark.usefixtures("helper_catalogue")


def run(stdin_text, *args):
    out = StringIO()
    old_stdin = sys.stdin
    sys.stdin = StringIO(stdin_text)
    try:
        call_command("plan", *args, stdout=out)
    finally:
        sys.stdin = old_stdin
    return out.getvalue()


def test_plan_json_from_stdin():
    plan = json.loads(run(json.dumps(SITUATION), "--json"))
    assert plan["helpers"][0]["slug"] == "bedrijfsarts"


def test_plan_from_a_file(tmp_path):
    path = tmp_path / "situatie.json"
    path.write_text(json.dumps({**SITUATION, "employment": "zzp", "has_aov": True}))
    plan = json.loads(run("", "--situation", str(path), "--json"))
    assert plan["helpers"][0]["slug"] in {"arbeidsongeschiktheidsverzekeraar", "baco"}
    assert plan["milestones"] == []


def test_readable_text_output():
    assert "1. " in run(json.dumps(SITUATION))


@pytest.mark.parametrize(
    ("stdin_text", "expected"),
    [
        ("{kapot", "Geen geldige JSON"),
        (json.dumps({**SITUATION, "age": 7}), "age: Leeftijd"),
        (json.dumps({**SITUATION, "role": "baas"}), "role: "),
        ("x" * 300_000, "te groot"),
    ],
)
def test_bad_input_is_a_command_error_with_exit_code_2(stdin_text, expected):
    with pytest.raises(CommandError) as raised:
        run(stdin_text, "--json")
    assert raised.value.returncode == 2
    assert expected in str(raised.value)


def test_missing_file_exit_code_2():
    with pytest.raises(CommandError) as raised:
        run("", "--situation", "/bestaat/niet.json")
    assert raised.value.returncode == 2


def test_the_console_script_exits_with_2(tmp_path):
    """Through the real `werkwijzer` entry point, as a user would run it."""
    werkwijzer = __import__("shutil").which("werkwijzer") or str(
        __import__("pathlib").Path(sys.executable).with_name("werkwijzer")
    )
    result = subprocess.run(
        [werkwijzer, "plan", "--json"],
        input="{kapot",
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "werkwijzer.settings.test"},
        check=False,
    )
    assert result.returncode == 2
    assert "Geen geldige JSON" in result.stderr
