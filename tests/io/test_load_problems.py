"""What a load problem says and carries (issues 11 and 12): the comma that splits a value inside
``{…}``, paths that name logframe-shaped elements by id, items that are not mappings located where
they stand, and the id of the element at fault on every problem the model's checks find."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import toc
from toc.errors import Location, Problem
from toc.gcpause import gc_paused
from toc.model.locations import MapLocator
from toc.model.references import check_model

ROOT = Path(__file__).resolve().parents[2]
SMALL = (ROOT / "examples" / "small.yaml").read_text(encoding="utf-8")
H = "toc: 1\nprogramme: {id: p, title: P}\n"


def problems(text: str) -> list[Problem]:
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(text, "m.yaml")
    return caught.value.problems


# --- a comma inside {…} ---------------------------------------------------------------------------


def test_an_unquoted_comma_in_a_flow_mapping_is_named_with_the_fix() -> None:
    text = H + "nodes:\n  - {id: a, level: activity, label: A, description: benefitting 3,382 people}\n"
    [found] = problems(text)
    assert found.location == Location("m.yaml", 4, 67)
    assert found.message == "unknown field '382 people': a comma inside {…} splits the value of 'description'"
    assert found.hint == 'quote it, e.g. description: "benefitting 3,382 people"'


def test_a_comma_and_space_split_keeps_the_text_as_written() -> None:
    [found] = problems(H + "nodes:\n  - {id: a, level: activity, label: Women, men and youth}\n")
    assert found.hint == 'quote it, e.g. label: "Women, men and youth"'


def test_a_misspelt_key_in_a_flow_mapping_is_still_a_misspelt_key() -> None:
    found = next(
        p for p in problems(H + "nodes:\n  - {id: a, level: activity, lable: A}\n") if "lable" in p.path
    )
    assert found.message == "unknown field 'lable'"
    assert found.hint == "did you mean 'label'?"


def test_a_quoted_value_before_an_unknown_key_is_no_split() -> None:
    [found] = problems(H + "nodes:\n  - {id: a, level: activity, label: 'A', zz}\n")
    assert found.message == "unknown field 'zz'"


# --- paths: logframe-shaped elements by id ------------------------------------------------------------


def test_an_element_of_the_logframe_is_named_by_its_id() -> None:
    text = SMALL.replace("baseline: {year: 2023, value: 12}", "baseline: {year: lots, value: 12}")
    [found] = problems(text)
    assert found.path == "use-filters.indicators[0].baseline.year"
    assert found.message.startswith("use-filters.indicators[0].baseline.year: expected a whole number")
    assert found.target == "ind-filter-use"


def test_evidence_inside_an_assumption_is_named_by_its_id() -> None:
    [found] = problems(SMALL.replace("sample_size: 412", "sample_size: many"))
    assert found.path == "ev-price-survey.sample_size"
    assert found.target == "ev-price-survey"


def test_an_element_of_the_logframe_without_an_id_is_named_where_it_was_written() -> None:
    found = problems(SMALL.replace("      - id: use-filters\n", "      - idd: use-filters\n"))
    assert {p.path for p in found} == {"logframe.impact.outcomes[0].id", "logframe.impact.outcomes[0].idd"}


def test_a_duplicate_id_in_the_logframe_is_named_where_it_was_written() -> None:
    [found] = problems(SMALL.replace("id: ev-price-survey", "id: use-filters"))
    assert found.path == "logframe.impact.outcomes[0].assumptions[0].evidence[0].id"
    assert (found.rule, found.target) == ("duplicate-id", "use-filters")


def test_the_free_graph_shape_keeps_its_flat_paths() -> None:
    [found] = problems(H + "nodes:\n  - {id: a, level: activity, label: [x]}\n")
    assert found.path == "nodes[0].label"


# --- items that are not mappings ------------------------------------------------------------------


def test_an_item_that_is_not_a_mapping_is_located_where_it_stands() -> None:
    found = problems(H + "claims:\n  - 1\n  - text\n")
    assert [(p.location.line, p.location.column) for p in found] == [(4, 5), (5, 5)]


# --- the element at fault -----------------------------------------------------------------------------


def test_every_problem_of_the_model_checks_names_its_element() -> None:
    text = H.replace("title: P}", "title: P, ceiling_of_accountability: [zz]}") + (
        "nodes:\n  - {id: a, level: output, label: A,\n"
        "     indicators: [{id: i, label: I, cite: [{source: s, locator: x}]}]}\n"
        "links:\n  - {from: a, to: b}\n"
    )
    found = problems(text)
    assert [(p.path, p.target, p.rule) for p in found] == [
        ("programme.ceiling_of_accountability[0]", "p", "dangling-reference"),
        ("nodes[0].indicators[0].cite[0].source", "i", "dangling-reference"),
        ("links[0].to", "a->b", "dangling-reference"),
    ]


def test_check_model_without_a_file_places_problems_nowhere() -> None:
    model = toc.Model.model_validate(
        {"programme": {"id": "p", "title": "P"}, "links": [{"from": "a", "to": "a"}]}
    )
    found = check_model(model)
    assert {(p.location, p.path, p.target) for p in found} == {
        (Location("<model>", 0, 0), "links[0].from", "a->a"),
        (Location("<model>", 0, 0), "links[0].to", "a->a"),
    }


# --- the model's locator ------------------------------------------------------------------------------


class _Everywhere:
    """A locator of another reader: everything is on line 7."""

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        return Location("other.xlsx", 7, 1 if field is None else 2)

    def positions(self):  # type: ignore[no-untyped-def]
        return lambda element_id, field=None: ("other.xlsx", 7, 1 if field is None else 2)


def test_a_reader_hands_the_model_any_locator() -> None:
    model = toc.loads(SMALL, "small.yaml")
    model.set_locator("other.xlsx", _Everywhere())
    assert model.file == "other.xlsx"
    assert model.locate("use-filters", "label") == Location("other.xlsx", 7, 2)
    assert model.positions()("use-filters", None) == ("other.xlsx", 7, 1)
    from toc.rules import run_rules

    found = run_rules(model)
    assert found
    assert {(d.file, d.line) for d in found} == {("other.xlsx", 7)}


def test_the_loaders_locator_and_the_plain_one_agree() -> None:
    model = toc.loads(SMALL, "small.yaml")
    keys = [(e.id, name) for e in model.elements() for name in (None, "label", "to", "nope")]
    plain = MapLocator(
        {e.id: loc for e in model.elements() if (loc := model.locate(e.id)) is not None},
        {(i, n): loc for i, n in keys if n is not None and (loc := model.locate(i, n)) is not None},
    )
    fast, slow = model.positions(), plain.positions()
    for ident, name in keys:
        found = [fast(ident, name), slow(ident, name)]  # (file, line, column) or a Location (with a sheet)
        assert [None if f is None else Location(*f) for f in found] == [model.locate(ident, name)] * 2


# --- the garbage collector ------------------------------------------------------------------------


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_collector_as_the_caller_had_it(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        toc.loads(SMALL)
        assert gc.isenabled() is enabled
        with pytest.raises(toc.LoadError):
            toc.loads("toc: 1\nlinks:\n")
        assert gc.isenabled() is enabled
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
