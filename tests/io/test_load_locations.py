"""Every element loaded from a file remembers where it was written (and where each of its keys was)."""

from __future__ import annotations

from pathlib import Path

import pytest

import toc
from toc.errors import Location

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"

TEXT = """\
toc: 1
programme: {id: p, title: P}
nodes:
  - id: a
    level: activity
    label: A
  - &out
    id: b
    level: output
    label: B
  - <<: *out
    id: c
links:
  - from: a
    to: b
assumptions:
  - id: x
    statement: S
    evidence:
      - id: e
        summary: seen
        method: survey
        stance: supports
"""


def at(line: int, column: int, file: str = "m.yaml") -> Location:
    return Location(file, line, column)


def test_elements_and_their_keys() -> None:
    model = toc.loads(TEXT, "m.yaml")
    assert model.file == "m.yaml"
    assert model.locate("a") == at(4, 5)
    assert model.locate("a", "label") == at(6, 5)
    assert model.locate("a->b") == at(14, 5)
    assert model.locate("a->b", "to") == at(15, 5)
    assert model.locate("x", "statement") == at(18, 5)
    assert model.locate("e") == at(20, 9)  # evidence written inside its assumption
    assert model.locate("e", "stance") == at(23, 9)


def test_merged_keys_fall_back_to_the_element() -> None:
    model = toc.loads(TEXT, "m.yaml")
    assert model.locate("c") == at(11, 5)
    assert model.locate("c", "id") == at(12, 5)
    assert model.locate("c", "label") == at(11, 5)  # came from the anchor: no place of its own


def test_unknown_element_or_key() -> None:
    model = toc.loads(TEXT, "m.yaml")
    assert model.locate("nope") is None
    assert model.locate("a", "horizon") == at(4, 5)


def test_top_level_keys() -> None:
    model = toc.loads(TEXT, "m.yaml")
    assert model.locate("programme") == at(2, 1)
    assert model.locate("links") == at(13, 1)


def test_logframe_elements_point_into_the_hierarchy() -> None:
    model = toc.load(SMALL)
    name = str(SMALL)
    assert model.locate("use-filters") == Location(name, 26, 9)
    assert model.locate("use-filters", "horizon") == Location(name, 28, 9)
    assert model.locate("ind-filter-use") == Location(name, 44, 13)
    assert model.locate("permits") == Location(name, 20, 7)
    # the link made from the hierarchy points at the child that implies it
    assert model.locate("filters-distributed->use-filters") == model.locate("filters-distributed")


def test_models_built_in_python_have_no_locations() -> None:
    model = toc.Model.model_validate({"programme": {"id": "p", "title": "P"}})
    assert model.file is None
    assert model.locate("p") is None


def test_a_dumped_and_reloaded_model_is_equal_whatever_its_locations() -> None:
    model = toc.loads(TEXT, "m.yaml")
    again = toc.loads("\n\n" + toc.dumps(model), "other.yaml")
    assert again == model
    assert again.locate("a") != model.locate("a")


BOTH = (
    TEXT
    + """\
evidence:
  - id: top
    about: [x]
    summary: also seen
    method: survey
    stance: supports
"""
)


def test_evidence_inside_an_assumption_beside_an_evidence_section() -> None:
    """Lifted evidence keeps its place when the file also has an ``evidence:`` list (it used
    to be re-added from a copy, at line 0), and the model lists the section's items first."""
    model = toc.loads(BOTH, "m.yaml")
    assert [e.id for e in model.evidence] == ["top", "e"]
    assert model.locate("e") == at(20, 9)
    assert model.locate("e", "stance") == at(23, 9)
    assert model.locate("top") == at(25, 5)
    assert [e.about for e in model.evidence] == [["x"], ["x"]]


def test_an_error_in_lifted_evidence_points_at_its_line() -> None:
    bad = BOTH.replace("        stance: supports\n", "        stance: agrees\n", 1)
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(bad, "m.yaml")
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.location.column) == (23, 17)
    assert "stance" in problem.message or "stance" in problem.path


def test_every_vvsg_element_has_a_location() -> None:
    model = toc.load(ROOT / "models" / "vvsg_2017_2019.yaml")
    assert [e.id for e in model.elements() if model.locate(e.id) is None] == []


def test_equal_texts_are_read_as_one_string() -> None:
    """The reader keeps one string per distinct text (memory: a 100k-node model repeats its
    levels, dates and source ids tens of thousands of times); the data is what YAML says."""
    from toc.io.yamlread import read_yaml

    data = read_yaml("a: [src-1, 'src-1', {src-1: src-1}]\nb: src-1\nc: '2020'\nd: 2020\n").data
    assert data == {"a": ["src-1", "src-1", {"src-1": "src-1"}], "b": "src-1", "c": "2020", "d": 2020}
    first, quoted, inner = data["a"]
    ((key, value),) = inner.items()
    assert all(text is first for text in (quoted, key, value, data["b"]))
