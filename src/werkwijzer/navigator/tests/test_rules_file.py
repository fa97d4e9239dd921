import pytest

from werkwijzer.navigator.rules import RuleError, default_rules, parse_rules


def test_the_rules_file_is_valid_and_every_rule_has_both_languages():
    rules = default_rules()
    assert len(rules) > 40
    for rule in rules:
        assert rule.why.get("en"), rule.id
        for texts in (rule.warning, rule.step):
            if texts:
                assert texts.get("nl") and texts.get("en"), rule.id


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {
                "id": "X",
                "source": "kanker-nl-wie-kan-helpen",
                "when": {"colour": ["red"]},
                "why": {"nl": "x"},
            },
            "unknown condition",
        ),
        (
            {
                "id": "X",
                "source": "kanker-nl-wie-kan-helpen",
                "when": {"role": ["baas"]},
                "why": {"nl": "x"},
            },
            "unknown role",
        ),
        (
            {
                "id": "X",
                "source": "kanker-nl-wie-kan-helpen",
                "helpers": [{"slug": "tandarts"}],
                "why": {"nl": "x"},
            },
            "unknown slugs",
        ),
        ({"id": "X", "source": "kanker-nl-wie-kan-helpen", "why": {"en": "x"}}, "Dutch reason"),
    ],
)
def test_a_broken_rule_is_refused_with_its_id(raw, message):
    with pytest.raises(RuleError, match=message):
        parse_rules([raw])


def test_an_unknown_source_is_refused():
    with pytest.raises(KeyError, match="Unknown source"):
        parse_rules([{"id": "X", "source": "wikipedia", "why": {"nl": "x"}}])


def test_rule_ids_are_unique():
    raw = {"id": "X", "source": "kanker-nl-wie-kan-helpen", "why": {"nl": "x"}}
    with pytest.raises(RuleError, match="unique"):
        parse_rules([raw, raw])
