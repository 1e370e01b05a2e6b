"""Rule options are declared on the rule, and configuration, context and rule reference read them there."""

from __future__ import annotations

from pathlib import Path

import pytest

import toc
from toc.rules import get_rule, run_rules
from toc.rules.base import Context
from toc.rules.config import ConfigError, parse_config
from toc.rules.docs import explain, markdown
from toc.rules.options import Option
from toc.rules.registry import all_rules, declared_options

ROOT = Path(__file__).resolve().parents[2]


def test_the_threshold_is_declared_on_its_rule() -> None:
    found = get_rule("claim-low-confidence")
    assert found is not None
    option = found.options["low-confidence-threshold"]
    assert (option.type, option.default, option.minimum, option.maximum) == (float, 0.5, 0.0, 1.0)
    assert option.description
    owner, declared = declared_options()["low-confidence-threshold"]
    assert owner is found
    assert declared is option


def test_every_declared_option_is_valid_as_declared() -> None:
    """Each option's default passes its own check, and option names are one namespace."""
    names = [name for r in all_rules() for name in r.options]
    assert len(names) == len(set(names))
    for name, (owner, option) in declared_options().items():
        assert option.check(option.default) == option.default, name
        assert parse_config({"options": {name: option.default}}, "toc.toml").options == {name: option.default}
        assert name in owner.options


def test_the_context_reads_the_declared_default_and_the_configured_value() -> None:
    model = toc.load(ROOT / "examples" / "small.yaml")
    assert Context(model).option("low-confidence-threshold") == 0.5
    assert Context(model, options={"low-confidence-threshold": 0.7}).option("low-confidence-threshold") == 0.7
    with pytest.raises(KeyError, match="no rule declares an option 'nope'"):
        Context(model).option("nope")


def test_configuration_errors_name_the_rule_the_option_belongs_to() -> None:
    with pytest.raises(ConfigError, match="option 'low-confidence-threshold' of rule claim-low-confidence"):
        parse_config({"options": {"low-confidence-threshold": 2}}, "toc.toml")
    # a whole number is a number: kept as the option's type
    assert parse_config({"options": {"low-confidence-threshold": 1}}, "toc.toml").options == {
        "low-confidence-threshold": 1.0
    }


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        (Option(int, 3, "x", minimum=1), 1.5, "must be a whole number, not 1.5"),
        (Option(int, 3, "x", minimum=1), 0, "must be at least 1, not 0"),
        (Option(float, 3.0, "x", maximum=5), 6, "must be at most 5, not 6"),
        (Option(float, 0.5, "x", minimum=0, maximum=1), True, "must be a number, not True"),
        (Option(bool, False, "x"), 1, "must be true or false, not 1"),
    ],
)
def test_values_are_checked_against_the_declared_type_and_range(
    option: Option, value: object, error: str
) -> None:
    with pytest.raises(ValueError, match=error):
        option.check(value)


def test_typed_values_pass() -> None:
    assert Option(int, 3, "x", minimum=1).check(4) == 4
    assert Option(bool, False, "x").check(True) is True
    assert Option(float, 0.5, "x").check(2) == 2.0


def test_the_rule_reference_documents_each_option() -> None:
    text = markdown()
    row = (
        "| `low-confidence-threshold` | number | 0.5 | 0 to 1 | "
        "a claim whose confidence after the evidence is below this is reported |"
    )
    assert row in text
    assert text.index(row) > text.index("### claim-low-confidence")
    found = get_rule("claim-low-confidence")
    assert found is not None
    assert "low-confidence-threshold (number, default 0.5, 0 to 1)" in explain(found)
    assert "Options" not in explain(all_rules()[0])


def test_a_configured_threshold_changes_the_findings() -> None:
    model = toc.load(ROOT / "models" / "vvsg_2017_2019.yaml")

    def count(threshold: float) -> int:
        found = run_rules(model, options={"low-confidence-threshold": threshold})
        return sum(d.name == "claim-low-confidence" for d in found)

    assert count(0.0) == 0
    assert count(0.5) <= count(1.0)
