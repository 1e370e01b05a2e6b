"""``toc convert``, and the commands that read a model accepting any registered model format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import toc
from toc.cli import main
from toc.cli.streams import Streams

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def as_json(tmp_path: Path) -> Path:
    path = tmp_path / "vvsg.json"
    assert run("convert", VVSG, "-o", path)[0] == 0
    return path


# --- convert ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [SMALL, VVSG], ids=["small", "vvsg"])
def test_yaml_to_yaml_is_canonical_and_idempotent(tmp_path: Path, source: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run("convert", source, "-o", first) == (0, "", "")
    assert run("convert", first, "-o", second) == (0, "", "")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == toc.dumps(toc.load(source))  # what `toc fmt` writes


def test_yaml_to_json_to_yaml_gives_an_equal_model_and_the_same_canonical_yaml(tmp_path: Path) -> None:
    canonical, as_json, back = tmp_path / "a.yaml", tmp_path / "a.json", tmp_path / "b.yaml"
    run("convert", VVSG, "-o", canonical)
    assert run("convert", canonical, "-o", as_json)[0] == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["toc"] == 1
    assert run("convert", as_json, "-o", back)[0] == 0
    assert toc.load(as_json) == toc.load(VVSG)
    assert back.read_bytes() == canonical.read_bytes()


def test_from_and_to_name_the_formats_when_the_extensions_do_not(tmp_path: Path) -> None:
    odd_in, odd_out = tmp_path / "model.txt", tmp_path / "model.out"
    odd_in.write_text(toc.dumps(toc.load(SMALL)), encoding="utf-8")
    assert run("convert", odd_in, "--from", "yaml", "-o", odd_out, "--to", "json")[0] == 0
    assert toc.load(odd_out, format="json") == toc.load(SMALL)


def test_writer_options(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    assert run("convert", SMALL, "-o", out, "--option", "indent=4")[0] == 0
    assert out.read_text(encoding="utf-8").startswith('{\n    "toc": 1,')


def test_to_standard_output(tmp_path: Path) -> None:
    code, out, err = run("convert", SMALL, "-o", "-", "--to", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["programme"]["id"] == "water-2024"
    code, out, _ = run("convert", SMALL, "-o", "-")
    assert code == 0
    assert out == toc.dumps(toc.load(SMALL))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/m.txt"], "m.txt: cannot tell the model format: extension '.txt' (known formats: yaml"),
        (["-o", "{tmp}/m.json", "--option", "indnt=2"], "has no option 'indnt' (its options: indent)"),
        (["-o", "{tmp}/m.json", "--option", "indent"], "--option 'indent': write KEY=VALUE"),
        (["-o", "{tmp}/m.json", "--option", "indent=wide"], "indent='wide' (a whole number)"),
        (["-o", "{tmp}/m.json", "--to", "toml"], "invalid choice: 'toml'"),
        (["-o", "{tmp}/no/such/dir/m.json"], "the folder"),
    ],
)
def test_usage_and_format_errors_exit_2_and_write_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, _out, err = run("convert", SMALL, *[a.format(tmp=tmp_path) for a in args])
    assert code == 2
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_a_broken_input_exits_2_with_its_location_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "toc": 1,\n  "nodez": []\n}\n', encoding="utf-8")
    code, _, err = run("convert", broken, "-o", tmp_path / "out.yaml")
    assert code == 2
    assert f"{broken}:3:3: unknown field 'nodez'" in err
    assert not (tmp_path / "out.yaml").exists()


def test_an_unrecognised_input_lists_the_known_formats(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n", encoding="utf-8")
    code, _, err = run("convert", notes, "-o", tmp_path / "out.yaml")
    assert code == 2
    assert "cannot tell the model format" in err
    assert "yaml (.yaml, .yml), json (.json)" in err


# --- every command reads any model format --------------------------------------------------------------


def test_check_reads_json_and_finds_the_same_problems(as_json: Path) -> None:
    code_yaml, out_yaml, _ = run("check", VVSG, "--format", "json")
    code_json, out_json, _ = run("check", as_json, "--format", "json")
    assert code_json == code_yaml

    def found(text: str) -> list[tuple[str, str, str]]:
        return sorted((d["code"], d["target"], d["message"]) for d in json.loads(text)["diagnostics"])

    assert found(out_json) == found(out_yaml)
    lines = [d["line"] for d in json.loads(out_json)["diagnostics"]]
    assert all(line > 0 for line in lines)  # located in the JSON file


def test_check_of_a_broken_json_model_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"toc": 1,}', encoding="utf-8")
    code, _, err = run("check", broken)
    assert code == 2
    assert f"{broken}:1:11: JSON syntax error" in err


def test_summary_report_and_render_read_json(as_json: Path, tmp_path: Path) -> None:
    assert run("summary", as_json) == run("summary", VVSG)
    assert run("report", as_json) == run("report", VVSG)
    dot_json, dot_yaml = tmp_path / "j.dot", tmp_path / "y.dot"
    assert run("render", as_json, "-o", dot_json)[0] == 0
    assert run("render", VVSG, "-o", dot_yaml)[0] == 0
    assert dot_json.read_bytes() == dot_yaml.read_bytes()


def test_from_names_the_model_format_of_an_odd_file_name(as_json: Path, tmp_path: Path) -> None:
    odd = tmp_path / "model.data"
    odd.write_bytes(as_json.read_bytes())
    assert run("summary", odd, "--from", "json") == run("summary", VVSG)
    assert run("summary", odd) == run("summary", VVSG)  # by content
