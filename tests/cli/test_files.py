"""Files on the command line: ``-o -`` in every command that writes, ``--max-bytes`` in every command
that reads, output through symbolic links, and directory scans that never wait on a FIFO."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toc.cli import main
from toc.cli.check import NOT_FOUND
from toc.cli.streams import Streams

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


class _Out(io.TextIOWrapper):
    """A text stream with a binary buffer behind it, as sys.stdout has."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8")

    def data(self) -> bytes:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue()


def run(*argv: str) -> tuple[int, bytes, str]:
    out, err = _Out(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.data(), err.getvalue()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # no configuration from above
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- -o - ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "file", "start"),
    [
        (("check", str(SMALL), "--format", "json"), "out.json", b"{"),
        (("report", str(SMALL)), "out.md", b"# "),
        (("report", str(SMALL), "--format", "json"), "out.json", b"{"),
        (("schema",), "out.json", b"{"),
        (("fmt", str(SMALL)), "out.yaml", b"# yaml-language-server"),  # its opening comment kept
        (("render", str(SMALL), "--format", "dot"), "out.dot", b"digraph"),
        (("render", str(SMALL), "--format", "mmd"), "out.mmd", b"%% "),
        (("render", str(SMALL), "--format", "md"), "out.md", b"## Logframe"),
        (("render", str(SMALL), "--format", "html"), "out.html", b"<!DOCTYPE html>"),
        (("render", str(SMALL), "--format", "csv"), "out.csv", b""),
    ],
)
def test_dash_o_dash_writes_what_the_file_would_hold_to_standard_output(
    here: Path, argv: tuple[str, ...], file: str, start: bytes
) -> None:
    code, out, err = run(*argv, "-o", "-")
    assert code in (0, 1), err
    assert out.startswith(start)
    assert not (here / "-").exists()
    run(*argv, "-o", file)
    assert (here / file).read_bytes() == out


def test_render_to_standard_output_needs_a_format(here: Path) -> None:
    code, out, err = run("render", str(SMALL), "-o", "-")
    assert code == 2
    assert out == b""
    assert err == "toc render: -o - (standard output) needs --format: there is no file extension\n"


def test_a_file_called_dash_is_dot_slash_dash(here: Path) -> None:
    code, out, _ = run("schema", "-o", "./-")
    assert code == 0
    assert out == b""
    assert (here / "-").read_text(encoding="utf-8").startswith("{")


def test_binary_output_to_a_terminal_is_refused() -> None:
    from toc.cli.output import OutputError, write_stdout

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(OutputError, match="not writing binary output to a terminal"):
        write_stdout("render", b"\x89PNG", Streams(Terminal(), io.StringIO(), {}))


def test_binary_output_goes_to_the_buffer() -> None:
    from toc.cli.output import write_stdout

    out = _Out()
    out.write("text first, ")
    write_stdout("render", b"\x89PNG", Streams(out, io.StringIO(), {}))
    assert out.data() == b"text first, \x89PNG"


# --- where -o writes -------------------------------------------------------------------------------


def test_output_through_a_symlink_keeps_the_link_and_the_mode(here: Path) -> None:
    (here / "real.json").write_text("old")
    (here / "real.json").chmod(0o600)
    (here / "schema.json").symlink_to("real.json")
    code, _, err = run("schema", "-o", "schema.json")
    assert code == 0, err
    assert (here / "schema.json").is_symlink()
    assert json.loads((here / "real.json").read_text())["$schema"]
    assert (here / "real.json").stat().st_mode & 0o777 == 0o600


def test_output_to_dev_null_works_and_leaves_the_device(here: Path) -> None:
    code, _, err = run("check", str(SMALL), "-o", "/dev/null")
    assert code == 0, err
    assert os.path.exists("/dev/null")
    assert not os.path.isfile("/dev/null")


# --- --max-bytes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("check", str(SMALL)),
        ("summary", str(SMALL)),
        ("fmt", str(SMALL)),
        ("report", str(SMALL)),
        ("render", str(SMALL), "-o", "out.dot"),
    ],
)
def test_every_command_that_reads_a_model_has_max_bytes(here: Path, argv: tuple[str, ...]) -> None:
    code, _, err = run(*argv, "--max-bytes", "1K")
    assert code == 2
    assert f"{SMALL}: larger than 1 KiB (raise the limit with --max-bytes" in err
    assert not (here / "out.dot").exists()


def test_summary_of_an_endless_device_is_refused() -> None:
    code, _, err = run("summary", "/dev/zero", "--max-bytes", "2M")
    assert code == 2
    assert err == "/dev/zero: larger than 2 MiB (raise the limit with --max-bytes, or max_bytes= in Python)\n"


@pytest.mark.parametrize("text", ["lots", "0", "-5", "1.5M"])
def test_a_bad_size_is_a_usage_error(text: str) -> None:
    code, _, err = run("summary", str(SMALL), f"--max-bytes={text}")
    assert code == 2
    assert "--max-bytes" in err


@pytest.mark.parametrize(
    ("text", "count"), [("1000", 1000), ("512k", 512 << 10), ("300M", 300 << 20), ("2GiB", 2 << 30)]
)
def test_sizes_take_the_usual_units(text: str, count: int) -> None:
    from toc.cli.inputs import parse_size

    assert parse_size(text) == count


# --- directory scans -------------------------------------------------------------------------------

_SCAN = "import sys\nfrom toc.cli import main\nsys.exit(main(sys.argv[1:]))"


def _toc(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """In a subprocess: a regression would hang, and the timeout is the guard (not a measure)."""
    return subprocess.run(
        [sys.executable, "-c", _SCAN, *argv], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_a_fifo_named_like_a_model_in_a_directory_is_skipped_with_a_note(here: Path) -> None:
    (here / "models").mkdir()
    (here / "models" / "small.yaml").write_bytes(SMALL.read_bytes())
    os.mkfifo(here / "models" / "pipe.yaml")
    done = _toc("check", "models", "--exit-zero", cwd=here)
    assert done.returncode == 0, done.stderr
    pipe = os.path.join("models", "pipe.yaml")
    assert done.stderr == (
        f"toc check: skipped {pipe}: a FIFO, not a regular file (name it on the command line to check it)\n"
    )
    assert "in 1 file" in done.stdout


def test_a_fifo_named_on_the_command_line_is_checked(here: Path) -> None:
    os.mkfifo(here / "pipe.yaml")
    with subprocess.Popen(
        [sys.executable, "-c", _SCAN, "check", "pipe.yaml", "--format", "json", "--exit-zero"],
        cwd=here,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        (here / "pipe.yaml").write_bytes(SMALL.read_bytes())  # waits until toc opens it
        out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert json.loads(out)["summary"]["files"] == 1


def test_a_directory_with_no_model_says_which(here: Path) -> None:
    (here / "empty").mkdir()
    (here / "empty" / "ci.yaml").write_text("on: push\n")
    code, _, err = run("check", "empty")
    assert code == 2
    assert err == f"toc check: no model files in empty ({NOT_FOUND})\n"


def test_an_empty_directory_beside_models_is_a_note(here: Path) -> None:
    (here / "empty").mkdir()
    code, _, err = run("check", "empty", str(SMALL), "--exit-zero")
    assert code == 0
    assert err == f"toc check: no model files in empty ({NOT_FOUND})\n"


def test_a_symlink_loop_reads_the_same_in_check_as_elsewhere(here: Path) -> None:
    (here / "a.yaml").symlink_to("b.yaml")
    (here / "b.yaml").symlink_to("a.yaml")
    _, _, check_err = run("check", "a.yaml")
    _, _, summary_err = run("summary", "a.yaml")
    assert check_err.splitlines()[0] == summary_err.strip()
    assert "a.yaml: cannot be read: Too many levels of symbolic links" in summary_err


# --- --select --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", ",,,", " ", " , "])
def test_an_empty_selection_is_a_usage_error(value: str) -> None:
    code, out, err = run("check", str(SMALL), "--select", value)
    assert code == 2
    assert out == b""
    assert f"toc check: --select {value!r} names no rule, so none would run" in err


@pytest.mark.parametrize("option", ["--ignore", "--extend-select"])
def test_an_empty_ignore_or_extension_changes_nothing(option: str) -> None:
    plain = run("check", str(SMALL), "--format", "json")
    assert run("check", str(SMALL), "--format", "json", option, "") == plain


def test_png_to_standard_output_is_the_png_bytes(here: Path) -> None:
    code, out, err = run("render", str(SMALL), "--format", "png", "-o", "-")
    assert code == 0, err
    assert out.startswith(b"\x89PNG\r\n\x1a\n")
    assert err == ""


def test_dev_stdout_is_written_into_and_stays_a_link(here: Path) -> None:
    before = os.lstat("/dev/stdout")
    done = _toc("schema", "-o", "/dev/stdout", cwd=here)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["$schema"]
    after = os.lstat("/dev/stdout")
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_a_directory_search_takes_iati_and_json_models_and_names_the_spreadsheets(here: Path) -> None:
    models = here / "models"
    models.mkdir()
    (models / "small.yaml").write_bytes(SMALL.read_bytes())
    assert run("convert", str(SMALL), "-o", str(models / "small.json"))[0] == 0
    iati = ROOT / "tests" / "data" / "iati" / "iati-guidance-sdg-result.xml"
    (models / "activity.xml").write_bytes(iati.read_bytes())
    (models / "package.json").write_text('{"name": "site", "toc": 1}\n')  # "toc" not first: not ours
    (models / "pom.xml").write_text("<project><modelVersion>4.0.0</modelVersion></project>\n")
    (models / "logframe.xlsx").write_bytes(b"PK\x03\x04")
    (models / "data.csv").write_text("a,b\n1,2\n")
    code, out, err = run("check", "models", "--format", "json", "--exit-zero")
    assert code == 0, err
    files = json.loads(out)["summary"]["files"]
    assert files == 3
    data, xlsx = os.path.join("models", "data.csv"), os.path.join("models", "logframe.xlsx")
    assert err == (
        f"toc check: not searched: {data}, {xlsx} (a workbook or CSV file is checked as a logframe "
        "when named: toc check FILE)\n"
    )
