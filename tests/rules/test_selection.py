"""Selection decides which rules run and at what severity: a table of cases."""

from __future__ import annotations

import pytest

from toc.diagnostics import Severity
from toc.rules import Selection, get_rule

S = Selection


def _names(selection: Selection) -> set[str]:
    from toc.rules import all_rules

    return {r.name for r in all_rules() if selection.enabled(r)}


@pytest.mark.parametrize(
    ("selection", "rule", "enabled"),
    [
        (S(), "cycle", True),
        (S(select=("cycle",)), "cycle", True),
        (S(select=("cycle",)), "orphan-node", False),
        (S(select=("TOC2",)), "cycle", True),
        (S(select=("TOC2",)), "orphan-node", False),
        (S(select=("toc201",)), "cycle", True),
        (S(select=("logic",)), "level-skip", True),
        (S(select=("logic",)), "indicator-missing", False),
        (S(ignore=("indicators",)), "indicator-missing", False),
        (S(ignore=("indicators",)), "cycle", True),
        # a more specific select beats a broader ignore …
        (S(ignore=("indicators",), extend_select=("indicator-missing",)), "indicator-missing", True),
        (S(ignore=("indicators",), extend_select=("TOC40",)), "indicator-missing", True),
        # … a more specific ignore beats a broader select …
        (S(select=("indicators",), ignore=("TOC401",)), "indicator-missing", False),
        (S(select=("TOC4",), ignore=("TOC40",)), "indicator-missing", False),
        # … and on a tie, ignore wins
        (S(select=("cycle",), ignore=("cycle",)), "cycle", False),
        (S(select=("TOC2",), ignore=("TOC2",)), "cycle", False),
        (S(select=()), "cycle", False),
        (S(select=(), extend_select=("graph",)), "cycle", True),
    ],
)
def test_enabled(selection: Selection, rule: str, enabled: bool) -> None:
    found = get_rule(rule)
    assert found is not None
    assert selection.enabled(found) is enabled


@pytest.mark.parametrize(
    ("severities", "rule", "expected"),
    [
        ({}, "assumption-contradicted", Severity.ERROR),
        ({"assumptions": "info"}, "assumption-contradicted", Severity.INFO),
        ({"assumptions": "info", "TOC302": "warning"}, "assumption-contradicted", Severity.WARNING),
        ({"TOC3": "info", "assumptions": "error"}, "assumption-untested", Severity.INFO),
        ({"ALL": "info"}, "cycle", Severity.INFO),
    ],
)
def test_severity(severities: dict[str, str], rule: str, expected: Severity) -> None:
    found = get_rule(rule)
    assert found is not None
    selection = Selection(severities={k: Severity(v) for k, v in severities.items()})
    assert selection.severity(found) is expected


def test_a_group_off_and_one_rule_back() -> None:
    names = _names(Selection(ignore=("indicators",), extend_select=("indicator-missing",)))
    assert "indicator-missing" in names
    assert "indicator-no-target" not in names
    assert "cycle" in names
