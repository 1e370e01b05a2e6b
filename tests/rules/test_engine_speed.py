"""The engine's and the rule context's shortcuts (toc.rules.engine, toc.model.Model._positioner,
toc.rules.base.Context) give what the plain paths give."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

import toc
from tests.strategies import models
from toc.assess import assess_assumptions
from toc.errors import Location
from toc.model import Level, Model
from toc.rules.base import Context

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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_context_maps_agree_with_the_model(model: Model) -> None:
    ctx = Context(model)
    assert ctx.elements == list(model.elements())
    assert ctx.index == model.index()
    assert ctx.suppressing == [e for e in model.elements() if e.suppress]
    assert ctx.nodes == {n.id: n for n in model.nodes}
    assert ctx.ranks == {n.id: n.level.rank for n in model.nodes}
    assert ctx.results == {n.id for n in model.nodes if n.level in (Level.OUTCOME, Level.IMPACT)}
    assert ctx.activities == [n.id for n in model.nodes if n.level is Level.ACTIVITY]
    assert ctx.links == {link.id: link for link in model.links}
    assert ctx.assessments == assess_assumptions(model)
    ranks = {n.id: n.level.rank for n in model.nodes}
    assert ctx.link_ranks == [
        (link, ranks[link.source], ranks[link.target])
        for link in model.links
        if link.source in ranks and link.target in ranks
    ]
    assert ctx.into_results == [link for link in model.links if link.target in ctx.results]


def test_every_element_class_names_itself_in_at_most_one_field() -> None:
    """missing-translation reads the one naming field of each section's class."""
    from toc.model import SECTIONS, Indicator
    from toc.rules.base import NAMING, fields_of

    classes = [Model.model_fields[s].annotation.__args__[0] for s in SECTIONS]  # type: ignore[union-attr]
    for cls in [*classes, Indicator]:
        assert len(fields_of(cls, NAMING)) <= 1, cls


def test_a_level_formats_as_its_value() -> None:
    """Rule messages write f"{node.level}" (str formatting in C) for the level's name."""
    assert [f"{level}" for level in Level] == [level.value for level in Level]
