"""Every rule against its data file of failing and passing cases (tests/rules/cases/<rule>.yaml).

A case is a whole model; ``expect`` lists the (code, line) of each finding the
rule must report on it, and nothing else; an empty list is a passing case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from toc.rules import check_text, get_rule

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return out


@pytest.mark.parametrize(("rule_name", "case"), _cases())
def test_rule_case(rule_name: str, case: dict[str, Any]) -> None:
    rule = get_rule(rule_name)
    assert rule is not None, f"{rule_name}.yaml names no rule"
    found = [
        {"code": d.code, "line": d.line}
        for d in check_text(case["model"], f"{rule_name}.yaml")
        if d.name == rule_name
    ]
    assert found == case["expect"], [
        d.message for d in check_text(case["model"], "case.yaml") if d.name == rule_name
    ]
