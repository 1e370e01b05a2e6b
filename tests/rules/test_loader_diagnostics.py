"""Loader findings (duplicate-id, dangling-reference) as diagnostics: each names its element from the
problem itself (``Problem.target``), with no second reading of the file (issue 12)."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

import toc
from toc.errors import LoadError, Location, Problem
from toc.rules import check_path, check_text, loader_diagnostics

ROOT = Path(__file__).resolve().parents[2]
SMALL = (ROOT / "examples" / "small.yaml").read_text(encoding="utf-8")


def test_the_diagnostic_names_the_element_the_problem_names() -> None:
    error = LoadError(
        [
            Problem(
                Location("m.yaml", 3, 5),
                "node 'b' is not defined",
                "",
                "dangling-reference",
                "links[0].to",
                "a->b",
            ),
            Problem(Location("m.yaml", 9, 5), "duplicate id 'x'", "", "duplicate-id", "nodes[2].id", "x"),
        ]
    )
    found = loader_diagnostics(error)
    assert found is not None
    assert [(d.name, d.target, d.path) for d in found] == [
        ("dangling-reference", "a->b", "links[0].to"),
        ("duplicate-id", "x", "nodes[2].id"),
    ]


def test_elements_of_the_logframe_shape_are_named_by_id() -> None:
    text = SMALL.replace("ceiling_of_accountability: use-filters", "ceiling_of_accountability: use-filterz")
    text = text.replace("responds_to: [ind-filter-use]", "responds_to: [ind-filter-usr]")
    found = check_text(text, "small.yaml")
    assert [(d.name, d.target, d.path) for d in found] == [
        ("dangling-reference", "water-2024", "programme.ceiling_of_accountability[0]"),
        ("dangling-reference", "rec-1", "recommendations[0].responds_to[0]"),
    ]


def test_check_path_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "m.yaml"
    model.write_text(SMALL.replace("id: ev-price-survey", "id: use-filters"), encoding="utf-8")
    opened: list[Any] = []
    real = builtins.open

    def counting(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(model):
            opened.append(file)
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting)
    [found] = check_path(model)
    assert (found.name, found.target) == ("duplicate-id", "use-filters")
    assert len(opened) == 1


def test_a_problem_that_is_no_finding_keeps_the_file_unchecked() -> None:
    with pytest.raises(toc.LoadError):
        check_text("toc: 1\nprogramme: {id: p, title: P}\nlinks:\n", "m.yaml")
