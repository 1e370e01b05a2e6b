"""Ordinary hand edits that once crashed every command with a traceback (issue 11): a collection
key left empty, or given a scalar or a mapping, in a model written in the logframe shape or with
items written inline. Each must be a located message and exit 2, from the real command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = (ROOT / "examples" / "small.yaml").read_text(encoding="utf-8")


def _toc(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "toc", *argv], capture_output=True, text=True, timeout=120, check=False
    )


LINKS = SMALL[SMALL.index("links:\n") : SMALL.index("pathways:\n")]
ACTIVITIES = SMALL[SMALL.index("            activities:\n") : SMALL.index("links:\n")]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (LINKS, "links:\n", "links: expected a list of links, got nothing"),
        ("", "nodes: 3\n", "nodes: expected a list of nodes, got a number (3)"),
        ("", "evidence: {id: e}\n", "evidence: expected a list of evidence items, got a mapping"),
        ("", "assumptions: none\n", "assumptions: expected a list of assumptions, got the text 'none'"),
        (ACTIVITIES, "            activities:\n", "activities: expected a list of activities, got nothing"),
    ],
    ids=["links-empty", "nodes-number", "evidence-mapping", "assumptions-text", "activities-empty"],
)
@pytest.mark.parametrize("command", ["check", "summary"])
def test_a_collection_of_the_wrong_type_exits_2_with_the_key_located(
    tmp_path: Path, command: str, old: str, new: str, message: str
) -> None:
    # small.yaml is in the logframe shape, with evidence written inside an assumption
    text = SMALL.replace(old, new, 1) if old else SMALL + new
    line = text[: text.index(new)].count("\n") + 1
    column = len(new) - len(new.lstrip()) + 1
    model = tmp_path / "m.yaml"
    model.write_text(text, encoding="utf-8")
    done = _toc(command, str(model))
    assert done.returncode == 2, done.stderr
    assert f"m.yaml:{line}:{column}: {message}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_symlink_loop_gets_one_message_from_every_command(tmp_path: Path) -> None:
    loop = tmp_path / "a.yaml"
    loop.symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(loop)
    said = set()
    for command in ("check", "summary"):
        done = _toc(command, str(loop))
        assert done.returncode == 2
        [line] = [line for line in done.stderr.splitlines() if line.startswith(str(loop))]
        said.add(line)
    assert len(said) == 1, said
    assert "symbolic links" in said.pop()
