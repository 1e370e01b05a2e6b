"""What the CLI prints never drives the terminal, whatever the model or the file name says.

Model text with ESC, BEL and C1 sequences (retitle the terminal, hide text, clear the
screen) must reach standard output and standard error as visible escapes, and the
machine formats must stay valid.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from toc.cli import main
from toc.cli.streams import Streams

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MODEL = r"""toc: 1
programme: {id: p, title: "T \e]0;pwned\a", funder: "F \x9b2J", implementer: "two\nlines"}
nodes:
  - {id: a, level: activity, label: "x \e[8mhidden\e[0m"}
  - {id: o, level: outcome, label: "o \a\r[fake]"}
links:
  - {from: a, to: o}
"""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def _clean(text: str) -> bool:
    return CONTROL.search(text.replace("\n", "").replace("\t", "")) is None


@pytest.fixture
def model(tmp_path: Path) -> str:
    path = tmp_path / "m.yaml"
    path.write_text(MODEL, encoding="utf-8")
    return str(path)


def test_summary_shows_control_characters_as_escapes(model: str) -> None:
    code, out, _ = _run("summary", model)
    assert code == 0
    assert _clean(out)
    assert out.startswith("T \\x1b]0;pwned\\x07 (p)\n")
    assert "  implementer: two\\nlines\n" in out  # one line per field


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_text_and_github_carry_no_terminal_sequence(model: str, fmt: str) -> None:
    _, out, _ = _run("check", "--no-config", "--format", fmt, model)
    assert _clean(out)
    assert "x \\x1b[8mhidden\\x1b[0m" in out


def test_check_junit_parses_and_json_reads_back(model: str) -> None:
    _, out, _ = _run("check", "--no-config", "--format", "junit", model)
    ET.fromstring(out.encode("utf-8"))
    _, out, _ = _run("check", "--no-config", "--format", "json", model)
    assert _clean(out)
    assert any("x \x1b[8mhidden" in d["message"] for d in json.loads(out)["diagnostics"])


def test_standard_error_never_carries_control_characters(tmp_path: Path) -> None:
    name = str(tmp_path / "no\x1b]0;pwned\x07such.yaml")
    for command in ("check", "summary", "report"):
        code, _, err = _run(command, name)
        assert code == 2
        assert _clean(err), (command, err)
        assert "no\\x1b]0;pwned\\x07such.yaml" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text('toc: 1\nprogramme: {id: p, title: "\\e[2J"}\nnodes: [{id: a, level: "\\a"}]\n')
    code, _, err = _run("summary", str(bad))
    assert code == 2
    assert _clean(err)
