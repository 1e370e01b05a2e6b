"""The engine's shortcuts (toc.rules.engine, toc.model.Model._positioner) give what the slow paths give."""

from __future__ import annotations

from pathlib import Path

import toc
from toc.errors import Location

ROOT = Path(__file__).resolve().parents[2]


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
