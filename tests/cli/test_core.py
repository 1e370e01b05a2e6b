"""The core commands (summary, schema, fmt, --version) and the start-up promise (no networkx)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import yaml

import toc
from toc.cli import main
from toc.cli.streams import Streams

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


# --- start-up stays light --------------------------------------------------------------------------

_HEAVY = frozenset({"networkx", "graphviz", "pygraphviz"})


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(done.stdout.split())


def test_import_toc_does_not_import_the_graph_libraries() -> None:
    loaded = _modules_after("import toc")
    assert not {m for m in loaded if m.split(".")[0] in _HEAVY}


def test_loading_a_file_does_not_import_the_graph_libraries() -> None:
    loaded = _modules_after(f"import toc\ntoc.load({str(SMALL)!r})")
    assert not {m for m in loaded if m.split(".")[0] in _HEAVY}


def test_version_does_not_import_the_graph_libraries() -> None:
    code = "import io\nfrom toc.cli import main\nfrom toc.cli.streams import Streams\n"
    code += "main(['--version'], Streams(io.StringIO(), io.StringIO(), {}))"
    # The first call on a machine may import pygraphviz once to learn the Graphviz version
    # (docs/diagrams.md: it is cached); it never imports networkx or the graph layer.
    first = _modules_after(code)
    assert not {m for m in first if m.split(".")[0] in _HEAVY - {"pygraphviz"}}
    assert "toc.graph" not in first
    again = _modules_after(code)
    assert not {m for m in again if m.split(".")[0] in _HEAVY}
    assert "toc.graph" not in again


def test_check_does_not_import_networkx() -> None:
    """Every rule runs, the graph rules too (they ask toc.index), without networkx."""
    model = ROOT / "models" / "vvsg_2017_2019.yaml"
    code = "import io\nfrom toc.cli import main\nfrom toc.cli.streams import Streams\n"
    code += f"main(['check', '--no-config', {str(model)!r}], Streams(io.StringIO(), io.StringIO(), {{}}))"
    loaded = _modules_after(code)
    assert "toc.rules.assumptions" in loaded  # the check ran
    assert not {m for m in loaded if m.split(".")[0] == "networkx"}
    assert "toc.graph" not in loaded


def test_version() -> None:
    code, out, err = run("--version")
    assert (code, err) == (0, "")
    assert out.startswith(f"toc {toc.__version__}")
    assert out.endswith("\n")
    assert out.count("\n") == 1


def test_a_bare_version_is_answered_before_argparse_with_the_same_line() -> None:
    """``toc --version`` alone skips argparse (start-up); through argparse the line is the same."""
    from toc.cli.app import run as run_parsed

    out, err = io.StringIO(), io.StringIO()
    assert run_parsed(["--version"], Streams(out, err, {})) == 0
    assert run("--version") == (0, out.getvalue(), err.getvalue())
    bare = _modules_after("from toc.cli import main\nmain(['--version'])")
    assert not {"argparse", "toc.cli.app", "toc.cli.commands", "toc.cli.streams"} & bare
    assert "argparse" in _modules_after("from toc.cli import main\nmain(['--version', '--help'])")


# --- summary ---------------------------------------------------------------------------------------


def test_summary_of_the_small_example() -> None:
    code, out, err = run("summary", str(SMALL))
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "Clean water for Riverside (water-2024)"
    assert "  results:     1 activity, 1 output, 1 outcome, 1 impact" in lines
    assert "  links:       4" in lines
    assert "  assumptions: 2 (1 assumption, 1 condition); evidence says 1 supported, 1 untested" in lines


def test_summary_in_another_language() -> None:
    code, out, _ = run("summary", str(SMALL), "--lang", "nl")
    assert code == 0
    assert out.splitlines()[0] == "Schoon water voor Riverside (water-2024)"


# --- schema ----------------------------------------------------------------------------------------


def _schema() -> dict[str, Any]:
    code, out, err = run("schema")
    assert (code, err) == (0, "")
    schema: dict[str, Any] = json.loads(out)
    return schema


def test_schema_is_a_valid_json_schema() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _as_json(text: str) -> Any:
    """YAML data as JSON would carry it (dates written bare become text)."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def test_the_small_example_validates_against_the_schema() -> None:
    jsonschema.validate(_as_json(SMALL.read_text(encoding="utf-8")), _schema())


def test_canonical_output_validates_against_the_schema() -> None:
    jsonschema.validate(_as_json(toc.dumps(toc.load(SMALL))), _schema())


def test_schema_rejects_an_unknown_field() -> None:
    data = _as_json(SMALL.read_text(encoding="utf-8"))
    data["programme"]["titel"] = "x"
    errors = list(jsonschema.Draft202012Validator(_schema()).iter_errors(data))
    assert any("titel" in e.message for e in errors)


def test_schema_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "toc.schema.json"
    code, out, _ = run("schema", "-o", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8")) == _schema()


# --- fmt -------------------------------------------------------------------------------------------


def test_fmt_prints_canonical_yaml_that_loads_back_equal() -> None:
    code, out, err = run("fmt", str(SMALL), "-o", "-")
    assert (code, err) == (0, "")
    modeline = "# yaml-language-server: $schema=../docs/toc.schema.json\n"  # the file's opening comment
    assert out.startswith(modeline + "toc: 1\n")
    assert toc.loads(out) == toc.load(SMALL)
    assert out == modeline + toc.dumps(toc.load(SMALL))


def test_fmt_check_fails_on_a_hand_written_file_and_passes_once_formatted(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("fmt", "--check", str(path))
    assert (code, out) == (1, "")
    assert err == f"{path}: not in canonical form (run: toc fmt {path})\n"
    code, out, _ = run("fmt", str(path))
    assert (code, out) == (0, "")
    assert run("fmt", "--check", str(path)) == (0, "", "")
    assert toc.load(path) == toc.load(SMALL)


def test_fmt_of_a_broken_file_exits_2_with_located_message(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("toc: 1\nprogramme: {id: p, title: P}\nnodes:\n  - {id: a, level: activty, label: A}\n")
    code, out, err = run("fmt", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}:4:20: nodes[0].level: 'activty' is not allowed here")
    assert "did you mean 'activity'?" in err


def test_no_command_prints_help_and_exits_2() -> None:
    code, out, _ = run()
    assert code == 2
    for command in ("summary", "schema", "fmt"):
        assert command in out


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run("summary", "--nope", str(SMALL))
    assert code == 2
    assert "unrecognized arguments: --nope" in err
