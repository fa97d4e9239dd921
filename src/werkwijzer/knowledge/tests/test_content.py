import pytest

from werkwijzer.knowledge.content import ContentError, parse_body


def test_body_becomes_blocks():
    blocks = parse_body(
        "Intro **vet**.\n\n::: tip Let op\nEen tip.\n:::\n\n::: zzp\nVoor zzp.\n:::\n\n"
        "::: checklist Doen\n- een\n- twee\n  verder\n:::\n"
    )
    assert [block["type"] for block in blocks] == ["text", "tip", "persona_box", "checklist"]
    assert blocks[0]["value"] == "<p>Intro <b>vet</b>.</p>"
    assert blocks[1]["value"]["title"] == "Let op"
    assert blocks[2]["value"]["audience"] == "zzp"
    assert blocks[3]["value"]["items"] == ["een", "twee verder"]


@pytest.mark.parametrize(
    "body", ["::: onbekend\ntekst\n:::", "::: tip\nnooit gesloten", "tekst\n:::"]
)
def test_broken_body_names_the_problem(body):
    with pytest.raises(ContentError):
        parse_body(body, "artikel.md")
