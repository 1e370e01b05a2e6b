"""docs/rules.md is generated from the rule docstrings and must be current."""

from __future__ import annotations

from pathlib import Path

from toc.rules.docs import markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is stale: regenerate with  toc rules --markdown > docs/rules.md"
    )
