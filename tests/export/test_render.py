"""Rendering through Graphviz, the CLI, engine choice, atomic writes, escaping, notebooks."""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pygraphviz
import pytest
from hypothesis import HealthCheck, given, settings

import toc
from tests.strategies import hostile_text, models
from toc.cli import main
from toc.cli.streams import Streams
from toc.export import engine as engine_mod
from toc.export.errors import RenderError
from toc.export.labels import clean, csv_cell, dot_html, dot_string, markdown_cell, mermaid_text
from toc.export.logframe import logframe_markdown
from toc.export.mermaid import to_mermaid
from toc.export.render import render_bytes

ROOT = Path(__file__).resolve().parents[2]
RICH = ROOT / "tests" / "snapshots" / "export" / "models" / "rich.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def _run(*argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, env or {}))
    return code, out.getvalue(), err.getvalue()


def _svg_groups(svg: bytes) -> dict[str, int]:
    root = ET.fromstring(svg)
    counts = {"node": 0, "edge": 0, "cluster": 0}
    for group in root.iter(f"{SVG}g"):
        kind = group.get("class")
        if kind in counts:
            counts[kind] += 1
    return counts


# --- Graphviz ------------------------------------------------------------------------------


def test_svg_structure_and_determinism() -> None:
    model = toc.load(RICH)
    first = render_bytes(model, "svg")
    assert first == render_bytes(toc.load(RICH), "svg")
    counts = _svg_groups(first)
    # 7 results + 2 link notes + 1 note on a result + pre-conditions + legend (rank anchors are
    # invisible); 6 links, two of them split by their note, + the tie of the note on a result
    assert counts == {"node": 7 + 2 + 1 + 1 + 1, "edge": 6 + 2 + 1, "cluster": 1}
    assert b"/tmp" not in first
    assert b"/work" not in first


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_binary_formats(fmt: str, tmp_path: Path) -> None:
    out = toc.render(toc.load(RICH), tmp_path / f"m.{fmt}")
    magic = {"png": b"\x89PNG", "pdf": b"%PDF"}[fmt]
    assert Path(out).read_bytes().startswith(magic)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True, max_nodes=12))
def test_any_model_gives_dot_graphviz_parses_and_well_formed_svg(model: toc.Model) -> None:
    dot = toc.to_dot(model)
    graph = pygraphviz.AGraph(string=dot)
    assert {n.id for n in model.nodes} <= set(graph.nodes())
    svg = graph.draw(format="svg", prog="dot")
    root = ET.fromstring(svg)
    titles = {t.text for g in root.iter(f"{SVG}g") if g.get("class") == "node" for t in g.iter(f"{SVG}title")}
    assert {n.id for n in model.nodes} <= titles


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True, max_nodes=12))
def test_any_model_gives_mermaid_and_tables_without_injection(model: toc.Model) -> None:
    text = to_mermaid(model)
    for line in text.splitlines():
        # a label can never open or close a Mermaid string, or end a line, of its own
        assert line.count('"') % 2 == 0
    table = logframe_markdown(model)
    rows = [line for line in table.splitlines() if line.startswith("|")]
    cells = [len(re.findall(r"(?<!\\)\|", row)) for row in rows]
    assert set(cells) == {7}


# --- escaping -------------------------------------------------------------------------------


@given(hostile_text())
@settings(max_examples=100, deadline=None)
def test_dot_string_and_html_label_round_trip_through_graphviz(text: str) -> None:
    html = dot_html(text)
    dot = f"digraph {{ a [label={dot_string(text)}, tooltip=<{html}>]; b [label=<{html}>] }}"
    graph = pygraphviz.AGraph(string=dot)
    assert sorted(graph.nodes()) == ["a", "b"]


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        (dot_string, 'a "b" \\N\nc', '"a \\"b\\" \\\\N\\nc"'),
        (dot_html, "<b>&'\"\né", "&lt;b&gt;&amp;&#39;&quot;<br/>&#233;"),
        (mermaid_text, 'x"]; click y "z|w#`\n', "x#34;#93;#59; click y #34;z#124;w#35;#96;<br>"),
        (markdown_cell, "a|b\n*c* <d> [e](f) \\", "a\\|b<br>\\*c\\* &lt;d> \\[e\\](f) \\\\"),
        (markdown_cell, "![t](x) &lt; M&E #1 $x$ ~y~", "!\\[t\\](x) &amp;lt; M&E #1 \\$x\\$ \\~y\\~"),
        (csv_cell, "=HYPERLINK(1)", "'=HYPERLINK(1)"),
    ],
)
def test_escaping_examples(function: Any, text: str, expected: str) -> None:
    assert function(text) == expected


# --- engine choice ------------------------------------------------------------------------


def test_no_engine_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(engine_mod, "_pygraphviz", lambda env=None: None)
    env = {"PATH": str(tmp_path)}
    with pytest.raises(RenderError, match=r"pip install pygraphviz.*apt install graphviz"):
        engine_mod.choose_engine(None, env)
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = _run("render", str(RICH), "-o", str(tmp_path / "x.svg"))
    assert code == 2
    assert "no Graphviz engine found" in err
    assert not (tmp_path / "x.svg").exists()
    # DOT needs no engine
    assert _run("render", str(RICH), "-o", str(tmp_path / "x.dot"))[0] == 0


def test_dot_engine_on_path(tmp_path: Path) -> None:
    fake = tmp_path / "dot"
    fake.write_text(
        '#!/bin/sh\nif [ "$1" = -V ]; then echo "dot - graphviz version 2.43.0 (0)" >&2; exit 0; fi\n'
        "cat >/dev/null; printf '<svg/>'\n"
    )
    fake.chmod(0o755)
    env = {"PATH": str(tmp_path), "TOC_CACHE_DIR": str(tmp_path / "cache")}
    chosen = engine_mod.choose_engine("dot", env)
    assert chosen.version == "2.43.0"
    assert engine_mod.layout("digraph {}", "svg", chosen) == b"<svg/>"
    assert engine_mod.version_summary({**env, "TOC_GRAPHVIZ_ENGINE": "dot"}) == f"Graphviz 2.43.0 via {fake}"


def test_unknown_engine() -> None:
    with pytest.raises(RenderError, match="unknown Graphviz engine 'wasi'"):
        engine_mod.choose_engine("wasi", {})


def test_version_names_graphviz_and_caches_it(tmp_path: Path) -> None:
    env = {"TOC_CACHE_DIR": str(tmp_path)}
    line = engine_mod.version_summary(env)
    assert line == f"Graphviz {pygraphviz.__graphviz_version__} via pygraphviz {pygraphviz.__version__}"
    cache = (tmp_path / "graphviz-version.tsv").read_text()
    assert f"graphviz={pygraphviz.__graphviz_version__}" in cache
    assert engine_mod.version_summary(env) == line  # now from the cache
    code, out, _ = _run("--version")
    assert code == 0
    assert out.startswith(f"toc {toc.__version__} (Graphviz ")


# --- CLI and files -------------------------------------------------------------------------


@pytest.mark.parametrize("ext", ["dot", "svg", "mmd", "md", "csv", "html"])
def test_cli_render_formats(ext: str, tmp_path: Path) -> None:
    out = tmp_path / f"model.{ext}"
    code, _, err = _run("render", str(RICH), "-o", str(out), "--lang", "nl")
    assert (code, err) == (0, f"wrote {out}\n")
    assert out.stat().st_size > 200


def test_cli_options_reach_the_drawing(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    argv = ["render", str(RICH), "-o", str(out), "--format", "dot", "--direction", "LR", "--no-legend"]
    assert _run(*argv, "--pathway", "behaviour")[0] == 0
    text = out.read_text()
    assert "rankdir=LR" in text
    assert '"legend"' not in text
    assert '"train"' not in text
    assert _run(*argv, "--focus", "train", "--depth", "2")[0] == 0
    assert '"plans-drafted"' in out.read_text()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "x.bmp"], "unknown file extension"),
        (["-o", "x.svg", "--at-risk", "nope"], "no assumption 'nope'"),
        (["-o", "x.svg", "--depth", "-1"], "depth must be 0 or more"),
        (["-o", "missing-dir/x.dot"], "cannot write"),
    ],
)
def test_cli_errors(argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run("render", str(RICH), *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_failed_render_leaves_old_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "m.svg"
    out.write_text("old")

    def broken(*_: object) -> bytes:
        raise RenderError("boom")

    monkeypatch.setattr(engine_mod, "layout", broken)
    with pytest.raises(RenderError):
        toc.render(toc.load(RICH), out)
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.svg"]


def test_import_toc_does_not_import_graphviz() -> None:
    import subprocess
    import sys

    heavy = "('pygraphviz', 'networkx', 'toc.export.dot')"
    code = f"import sys, toc; toc.to_dot; print(sorted(m for m in {heavy} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ}
    )
    assert done.stdout.strip() == "[]"


# --- notebooks ------------------------------------------------------------------------------


class _Formatter:
    def __init__(self) -> None:
        self.registered: dict[tuple[str, str], Any] = {}

    def for_type_by_name(self, module: str, name: str, function: Any) -> None:
        self.registered[module, name] = function


class _Shell:
    def __init__(self) -> None:
        self.svg = _Formatter()
        self.display_formatter = type("DF", (), {"formatters": {"image/svg+xml": self.svg}})()


def test_jupyter_shows_a_model_as_svg() -> None:
    from toc.export.jupyter import register

    shell = _Shell()
    assert register(shell)
    function = shell.svg.registered["toc.model.root", "Model"]
    assert type(toc.load(RICH)).__module__ == "toc.model.root"
    svg = function(toc.load(RICH))
    assert svg.lstrip().startswith("<?xml")
    assert register(None) is False or "IPython" in __import__("sys").modules


def test_jupyter_falls_back_without_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from toc.export.jupyter import model_svg

    def missing(*_: object, **__: object) -> engine_mod.Engine:
        raise RenderError("no engine")

    monkeypatch.setattr(engine_mod, "choose_engine", missing)
    assert model_svg(toc.load(RICH)) is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [("", ""), (" ", " "), ("\x00\x1b", "\\x00\\x1b"), ("a\u2028b", "a\nb"), ("\ufffe", "\\ufffe")],
)
def test_control_characters_and_noncharacters_are_shown_as_escapes(text: str, shown: str) -> None:
    """Never raw in the file (Graphviz and XML refuse them), never silently dropped."""
    assert clean(text) == shown
    assert dot_string(text) == '"' + shown.replace("\\", "\\\\").replace("\n", "\\n") + '"'
