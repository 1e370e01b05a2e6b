"""The engine's shortcuts (toc.rules.engine, toc.model.Model._positioner) give what the slow paths give."""

from __future__ import annotations

from pathlib import Path

import toc
from toc.diagnostics import Diagnostic, Severity
from toc.errors import Location
from toc.rules import engine

ROOT = Path(__file__).resolve().parents[2]


def test_fast_diagnostic_equals_the_constructed_one() -> None:
    assert engine._diagnostic is not Diagnostic  # the shortcut is in use for the current class
    fast = engine._diagnostic("TOC101", "cycle", Severity.ERROR, "a → b → a", "a", "m.yaml", 3, 5)
    slow = Diagnostic("TOC101", "cycle", Severity.ERROR, "a → b → a", "a", "m.yaml", 3, 5)
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict()
    assert (fast.path, fast.suppressed) == ("", None)


def test_positioner_agrees_with_locate() -> None:
    model = toc.load(ROOT / "examples" / "small.yaml")
    where = model._positioner()
    keys = [(element.id, name) for element in model.elements() for name in (None, "label", "to", "nope")]
    assert keys
    for element_id, name in [*keys, ("no-such-id", None), ("no-such-id", "label")]:
        loc = model.locate(element_id, name)
        expected = None if loc is None else (loc.file, loc.line, loc.column)
        assert where(element_id, name) == expected


def test_positioner_with_a_plain_field_map() -> None:
    model = toc.load(ROOT / "examples" / "small.yaml")
    node = model.nodes[0].id
    model.set_locations(
        "x.yaml", {node: Location("x.yaml", 2, 3)}, {(node, "label"): Location("x.yaml", 4, 5)}
    )
    where = model._positioner()
    assert where(node, "label") == ("x.yaml", 4, 5)
    assert where(node, "level") == ("x.yaml", 2, 3)
    assert where(node, None) == ("x.yaml", 2, 3)
    assert where("no-such-id", "label") is None
