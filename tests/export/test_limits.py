"""Diagrams too large to lay out: ``toc render`` refuses with the ways out, ``toc report`` says so.

The limit is an option, so these tests use a tiny one instead of a huge model; no timing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import toc
from toc.cli import main
from toc.cli.streams import Streams
from toc.export.errors import RenderError
from toc.export.limits import LAYOUT_LIMIT, DiagramTooLarge

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def size() -> int:
    model = toc.load(SMALL)
    return len(model.nodes) + len(model.links)


def test_render_refuses_above_the_limit_names_the_ways_out_and_writes_nothing(
    tmp_path: Path, size: int
) -> None:
    out = tmp_path / "m.svg"
    code, _, err = _run("render", str(SMALL), "-o", str(out), "--max-size", str(size - 1))
    assert code == 2
    assert f"has {size} results and links, more than the {size - 1}" in err
    for way in ("--focus", "--pathway", "--at-risk", "--max-size", "--force", ".dot", ".mmd"):
        assert way in err
    assert "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_refused_render_leaves_an_existing_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "m.png"
    out.write_bytes(b"old")
    assert _run("render", str(SMALL), "-o", str(out), "--max-size", "1")[0] == 2
    assert out.read_bytes() == b"old"


@pytest.mark.parametrize("flags", [["--force"], ["--force", "--max-size", "1"], ["--max-size", "1000"]])
def test_force_or_a_higher_limit_draws_it(tmp_path: Path, flags: list[str]) -> None:
    out = tmp_path / "m.svg"
    code, _, err = _run("render", str(SMALL), "-o", str(out), *flags)
    assert code == 0, err
    assert out.read_bytes().lstrip().startswith(b"<?xml")


@pytest.mark.parametrize("ext", ["dot", "mmd", "md"])
def test_text_output_is_not_limited(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"m.{ext}"
    assert _run("render", str(SMALL), "-o", str(out), "--max-size", "1")[0] == 0
    assert out.stat().st_size > 0


def test_a_focused_view_counts_only_what_it_draws(tmp_path: Path) -> None:
    model = toc.load(SMALL)
    focus = model.nodes[-1].id
    out = tmp_path / "m.svg"
    view = ["--focus", focus, "--depth", "0"]
    code, _, err = _run("render", str(SMALL), "-o", str(out), "--max-size", "2", *view)
    assert code == 0, err
    code, _, err = _run(
        "render", str(SMALL), "-o", str(out), "--max-size", "2", "--focus", focus, "--depth", "9"
    )
    assert code == 2
    assert "this view has" in err


def test_python_api_refuses_with_a_render_error(tmp_path: Path, size: int) -> None:
    model = toc.load(SMALL)
    with pytest.raises(DiagramTooLarge) as caught:
        toc.render(model, tmp_path / "m.svg", max_size=size - 1)
    assert isinstance(caught.value, RenderError)
    assert (caught.value.size, caught.value.limit) == (size, size - 1)
    assert not (tmp_path / "m.svg").exists()
    toc.render(model, tmp_path / "m.svg", max_size=None)
    assert (tmp_path / "m.svg").exists()


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_a_bad_limit_is_a_usage_error(tmp_path: Path, value: str) -> None:
    code, _, err = _run("render", str(SMALL), "-o", str(tmp_path / "m.svg"), "--max-size", value)
    assert code == 2
    assert "--max-size" in err
    with pytest.raises(RenderError, match="max_size"):
        toc.render(toc.load(SMALL), tmp_path / "m.svg", max_size=0)


def test_the_default_limit_applies_without_any_option(tmp_path: Path) -> None:
    """A model just above the default is refused before any layout starts."""
    nodes = [{"id": f"a{i}", "level": "activity", "label": f"Activity {i}"} for i in range(LAYOUT_LIMIT)]
    nodes.append({"id": "goal", "level": "outcome", "label": "Goal"})
    links = [{"from": "a0", "to": "goal"}]
    model = toc.Model.model_validate(
        {"toc": 1, "programme": {"id": "p", "title": "P"}, "nodes": nodes, "links": links}
    )
    with pytest.raises(DiagramTooLarge, match=f"more than the {LAYOUT_LIMIT:,}"):
        toc.render(model, tmp_path / "m.svg")
    assert Path(toc.render(model, tmp_path / "m.dot")).exists()


def test_report_leaves_the_diagram_out_above_the_limit_and_says_so(tmp_path: Path, size: int) -> None:
    out = tmp_path / "r.html"
    code, _, err = _run("report", str(SMALL), "-o", str(out), "--max-size", str(size - 1))
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "<svg" not in html
    assert "<iframe" not in html
    sentence = f"The diagram is left out: the model has {size} results and links"
    assert f'<p class="note">{sentence}' in html
    assert "--focus" in html
    assert "--pathway" in html
    assert "--at-risk" in html
    assert "no diagram: The diagram is left out" in err
    code, _, _ = _run("report", str(SMALL), "-o", str(out))
    assert code == 0
    assert '<iframe class="explorer"' in out.read_text(encoding="utf-8")  # with the SVG in its srcdoc
