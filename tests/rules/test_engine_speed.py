"""The engine's and the rule context's shared pieces (toc.rules.engine, toc.model.Model.positions,
toc.rules.base.Context) give what the plain paths give."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import toc
from tests.strategies import models
from toc.assessment import assess_assumptions
from toc.diagnostics import Diagnostic
from toc.errors import Location
from toc.model import Level, Model
from toc.rules import run_rules
from toc.rules.base import Context
from toc.rules.selection import Selection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", ["examples/small.yaml", "models/vvsg_2017_2019.yaml"])
def test_positioner_agrees_with_locate(path: str) -> None:
    model = toc.load(ROOT / path)
    where = model.positions()
    keys = [(element.id, name) for element in model.elements() for name in (None, "label", "to", "nope")]
    assert keys
    for element_id, name in [*keys, ("no-such-id", None), ("no-such-id", "label")]:
        found = where(element_id, name)  # (file, line, column), or a Location (with its sheet)
        assert (None if found is None else Location(*found)) == model.locate(element_id, name)


def test_positioner_with_a_plain_field_map() -> None:
    model = toc.load(ROOT / "examples" / "small.yaml")
    node = model.nodes[0].id
    model.set_locations(
        "x.yaml", {node: Location("x.yaml", 2, 3)}, {(node, "label"): Location("x.yaml", 4, 5)}
    )
    where = model.positions()
    assert where(node, "label") == Location("x.yaml", 4, 5)
    assert where(node, "level") == Location("x.yaml", 2, 3)
    assert where(node, None) == Location("x.yaml", 2, 3)
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


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_engine_makes_whole_diagnostics(model: Model) -> None:
    """Each diagnostic the engine makes is whole: every field, path and suppression included."""
    for found in run_rules(model):
        assert type(found) is Diagnostic
        assert len(found) == len(Diagnostic._fields)
        assert found == Diagnostic(**found._asdict())
        assert isinstance(found.line, int)
        assert isinstance(found.column, int)
        assert found.path == ""
        assert found.suppressed is None or isinstance(found.suppressed, str)


def test_engine_diagnostics_on_a_real_model() -> None:
    found = run_rules(toc.load(ROOT / "models" / "vvsg_2017_2019.yaml"))
    assert found
    assert all(type(d) is Diagnostic and d == Diagnostic(**d._asdict()) for d in found)
    assert all(d.file.endswith("vvsg_2017_2019.yaml") and d.line > 0 for d in found)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_the_loader_shares_each_id_with_its_references(model: Model) -> None:
    """A loaded model's references are the very strings of the ids they name (dictionaries keyed
    by id then match them by identity), and the model is equal to the one written."""
    loaded = toc.loads(toc.dumps(model), "m.yaml")
    assert loaded == model
    ids = {element.id: element.id for element in loaded.elements()}
    for link in loaded.links:
        assert link.source is ids[link.source]
        assert link.target is ids[link.target]
        assert all(name is ids[name] for name in link.assumptions)
    for assumption in loaded.assumptions:
        assert all(target is ids[target] for target in assumption.applies_to)
    for item in loaded.evidence:
        assert all(target is ids[target] for target in item.about)


def _translations(model: Model) -> list[tuple[str, str]]:
    return [
        (d.target, d.message)
        for d in run_rules(model, Selection(select=("missing-translation",)))
        if d.name == "missing-translation"
    ]


def test_missing_translation_reports_each_id_once() -> None:
    """Ids are unique in a loaded model; one built in Python may repeat one (or name an element
    'programme'): still one finding per id, quoting the label the other rules quote."""
    nodes = [
        {"id": "a", "level": "outcome", "label": {"nl": "Eerste"}},
        {"id": "a", "level": "outcome", "label": {"nl": "Tweede"}},
        {"id": "programme", "level": "outcome", "label": {"nl": "Derde"}},
        {"id": "b", "level": "output", "label": {"nl": "Vierde"}},
    ]
    model = Model.model_validate(
        {"languages": ["nl", "en"], "programme": {"id": "p", "title": "P"}, "nodes": nodes}
    )
    assert _translations(model) == [
        ("a", '"Tweede" has no en text (label)'),
        ("b", '"Vierde" has no en text (label)'),
        ("programme", "the programme title has no en text (title)"),
    ]
    unique = Model.model_validate({**model.model_dump(by_alias=True), "nodes": [nodes[1], nodes[3]]})
    assert _translations(unique) == [
        ("a", '"Tweede" has no en text (label)'),
        ("b", '"Vierde" has no en text (label)'),
        ("programme", "the programme title has no en text (title)"),
    ]
