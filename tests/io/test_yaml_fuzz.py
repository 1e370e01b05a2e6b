"""Property tests: valid models round-trip; any text either loads or raises LoadError, located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toc
from tests.strategies import (
    HOSTILE_STRINGS,
    SWAPS,
    TOP_KEYS,
    model_data,
    models,
    shaped_data,
    swapped_documents,
)
from toc.errors import LoadError
from toc.io.write import model_to_data

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(models())
def test_valid_models_round_trip(model: toc.Model) -> None:
    text = toc.dumps(model)
    again = toc.loads(text)
    assert again == model
    assert toc.dumps(again) == text


@SETTINGS
@given(models(hostile_labels=True))
def test_hostile_text_round_trips(model: toc.Model) -> None:
    text = toc.dumps(model)
    assert toc.loads(text) == model
    assert toc.dumps(model) == text


def test_each_hostile_string_round_trips_in_every_text_position() -> None:
    for value in HOSTILE_STRINGS:
        model = toc.Model.model_validate(
            {
                "programme": {"id": "p", "title": value, "description": {"en": value, "no": value}},
                "nodes": [{"id": "a", "level": "activity", "label": value, "tags": [value]}],
                "sources": [{"id": "s", "title": "S"}],
                "evidence": [
                    {
                        "id": "e",
                        "about": ["a"],
                        "summary": value,
                        "method": "survey",
                        "stance": "supports",
                        "cite": [{"locator": value}, {"source": "s", "locator": value}],
                        "suppress": [{"rule": "r", "reason": value}],
                    }
                ],
            }
        )
        assert toc.loads(toc.dumps(model)) == model, repr(value)


def _check_problems(text: str, exc: LoadError) -> None:
    lines = text.count("\n") + 1
    assert exc.problems
    for problem in exc.problems:
        assert problem.message
        assert 1 <= problem.location.line <= lines, (str(problem), lines)
        assert problem.location.column >= 1


def _loads_or_load_error(text: str) -> None:
    try:
        toc.loads(text, "fuzz.yaml")
    except LoadError as exc:
        _check_problems(text, exc)


@SETTINGS
@given(st.text(max_size=200))
def test_random_text_loads_or_raises_load_error(text: str) -> None:
    _loads_or_load_error(text)


_YAMLISH = st.sampled_from(
    [
        "toc: 1\n",
        "programme:\n",
        "  id: p\n",
        "  title: T\n",
        "nodes:\n",
        "  - id: a\n",
        "    level: activity\n",
        "    label: A\n",
        "links:\n",
        "  - {from: a, to: b}\n",
        "logframe:\n",
        "  impact:\n",
        "    outcomes:\n",
        "      - id: o\n",
        "- x\n",
        "&a [1, 2]\n",
        "*a\n",
        "<<: *a\n",
        "? x\n",
        ": y\n",
        "---\n",
        "...\n",
        "!!int x\n",
        "!foo\n",
        "  \t\n",
        "'unclosed\n",
        '"\\x\n',
        "key: [\n",
        "]\n",
        "{a: 1, a: 2}\n",
        "%YAML 1.1\n",
        "# comment\n",
        "x: 2018-13-45\n",
        "y: .inf\n",
        "z: 0x1F\n",
    ]
)


@SETTINGS
@given(st.lists(_YAMLISH, max_size=25).map("".join))
def test_random_yamlish_documents_load_or_raise_load_error(text: str) -> None:
    _loads_or_load_error(text)


# --- mutations of a valid model's YAML ------------------------------------------------------------


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    data: dict[str, Any] = model_to_data(toc.Model.model_validate(draw(model_data(max_nodes=8))))
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    parent, last = _parent(data, path), path[-1]
    how = draw(st.sampled_from(["delete", "rename", "retype", "duplicate", "null"]))
    if how == "delete":
        del parent[last]
    elif how == "rename" and isinstance(last, str):
        parent[last + draw(st.sampled_from(["s", "_", "x"]))] = parent.pop(last)
    elif how == "retype":
        parent[last] = draw(st.sampled_from([[1, 2], {"a": 1}, 3, True, "text", 2.5]))
    elif how == "null":
        parent[last] = None
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if how == "duplicate" and isinstance(last, str):
        # repeat the first line that writes this key, at the same indentation
        lines = text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.lstrip(" -").startswith(f"{last}:"):
                indent = len(line) - len(line.lstrip(" -"))
                lines.insert(i + 1, " " * indent + f"{last}: duplicated\n")
                break
        text = "".join(lines)
    return text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_models_load_or_raise_located_load_error(text: str) -> None:
    _loads_or_load_error(text)


def test_unexpected_end_without_newline_points_inside_the_file() -> None:
    """Found by the random-text test: libyaml reported line 2 of a one-line file."""
    with pytest.raises(LoadError) as caught:
        toc.loads("a: [", "m.yaml")
    assert str(caught.value).startswith("m.yaml:1:5: YAML syntax error")


# --- hand edits that change a key's type, in both shapes --------------------------------------------


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@SETTINGS
@given(shaped_data())
def test_documents_in_both_shapes_load(data: dict[str, Any]) -> None:
    """The base of the type-swap test: every generated document is a valid model as it stands."""
    toc.loads(_dump(data), "fuzz.yaml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(swapped_documents())
def test_type_swaps_in_both_shapes_load_or_raise_located_load_error(data: dict[str, Any]) -> None:
    """Any top-level key, or a collection inside the logframe or an inline assumption, left empty or
    given a scalar, a mapping or a list of scalars: a located LoadError, never another exception."""
    _loads_or_load_error(_dump(data))


@pytest.mark.parametrize("key", TOP_KEYS)
@pytest.mark.parametrize("shape", ["graph", "logframe"])
def test_every_top_level_key_swapped_in_both_shapes(key: str, shape: str) -> None:
    """The same, exhaustively for the top-level keys over two fixed documents."""
    base = yaml.safe_load((ROOT / "examples" / "small.yaml").read_text(encoding="utf-8"))
    if shape == "graph":
        base = model_to_data(toc.load(ROOT / "examples" / "small.yaml"))
    for value in SWAPS:
        _loads_or_load_error(_dump({**base, key: value}))
