"""Every rule is documented, uniquely named, has test cases, and its own examples behave."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.rules.helpers import findings
from toc.rules import all_rules
from toc.rules.base import GROUPS, Rule

CASES = Path(__file__).parent / "cases"
RULES = all_rules()

FIXED_NAMES = {
    "dangling-reference", "duplicate-id", "cycle", "backwards-link", "level-skip", "orphan-node",
    "unreachable-outcome", "dead-end-activity", "link-without-assumption", "assumption-untested",
    "assumption-contradicted", "assumption-mixed-evidence", "assumption-status-mismatch",
    "condition-as-assumption", "killer-assumption", "outcome-at-risk", "indicator-missing",
    "indicator-counts-activity", "indicator-no-baseline", "indicator-no-target",
    "indicator-target-missed", "indicator-direction", "evidence-single-source", "missing-translation",
}  # fmt: skip


def test_at_least_25_rules_with_every_fixed_name() -> None:
    assert len(RULES) >= 25
    assert {r.name for r in RULES} >= FIXED_NAMES


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert re.fullmatch(r"TOC\d{3}", r.code), r.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name), r.name
        assert r.groups[0] in GROUPS, (r.name, r.groups)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_docstring_has_every_section(rule: Rule) -> None:
    sections = rule.sections
    assert sections["summary"].endswith("."), rule.name
    assert len(sections.get("rationale", "")) > 40, rule.name
    assert sections.get("fails"), rule.name
    assert sections.get("passes"), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_docstring_examples_fail_and_pass(rule: Rule) -> None:
    assert findings(rule.sections["fails"], rule.name), f"{rule.name}: failing example does not fail"
    assert not findings(rule.sections["passes"], rule.name), f"{rule.name}: passing example fails"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_has_a_case_file(rule: Rule) -> None:
    assert (CASES / f"{rule.name}.yaml").is_file(), f"add tests/rules/cases/{rule.name}.yaml"
