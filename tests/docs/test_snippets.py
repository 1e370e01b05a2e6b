"""Every fenced Python and shell snippet in README.md and docs/*.md runs, and shows what it prints.

How a page tells this test about its snippets (HTML comments, invisible on GitHub), on the line
right before the fence:

* ``<!-- snippet: skip (reason) -->``: the snippet is not run (it needs the network, installs
  packages, runs for minutes …); the reason is required and shows in the test report.
* ``<!-- snippet: output -->`` before a ```` ```text ```` block: that block is what the runnable
  snippet before it prints (standard output, then standard error), compared as below.

Snippets run in a fresh copy of the repository's models, examples, docs, benchmarks and test data,
with the copy as the working directory, so that relative paths such as
``models/vvsg_2017_2019.yaml`` work and whatever a snippet writes is thrown away:

* ```` ```python ````: executed statement by statement. A statement ending in a ``# → TEXT``
  comment shows what it gives: a ``print(...)`` must print TEXT, any other expression must have
  ``repr`` TEXT.
* ```` ```console ````: ``$ COMMAND`` lines run in bash, each followed by the output it must give.
* ```` ```bash ````, ```` ```sh ````, ```` ```shell ````: run as one bash script. A command may
  fail only as documented: ``toc check`` and ``toc diff`` with exit 1 (findings, changes); any other
  non-zero exit, and any traceback, fails the test.

Expected output matches line by line, trailing spaces ignored; ``…`` inside a line stands for any
text, and a line that is only ``...`` or ``…`` for any number of lines.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
COPIED = ("models", "examples", "docs", "benchmarks", "tests/data")
"""What a snippet may read, copied into its working directory."""
EXIT_1 = ("toc check", "toc diff")
"""Commands whose exit 1 is an answer, not a failure: findings, changes."""
RUNNABLE = frozenset({"python", "bash", "sh", "shell", "console"})
BIN = Path(sys.executable).parent
"""The venv's bin folder, with the ``toc`` console script; put first on PATH for shell snippets."""

_FENCE = re.compile(r"^(`{3,})([\w+-]*)\s*$")
_MARKER = re.compile(r"^<!--\s*snippet:\s*(?P<kind>[\w-]+)\s*(?:\((?P<reason>.*)\))?\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    language: str
    code: str
    marker: str | None  # the snippet marker right before the fence: its whole text
    kind: str | None  # skip, output
    reason: str

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a page, with the marker before each (fences nest by length)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        ticks, language = opening.groups()
        end = index + 1
        while end < len(lines) and not re.fullmatch(ticks + "`*\\s*", lines[end]):
            end += 1
        before = index - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        text = lines[before].strip() if before >= 0 else ""
        marker = text if text.startswith("<!--") and "snippet:" in text else None
        match = _MARKER.match(marker) if marker else None
        found.append(
            Block(
                page=page,
                line=index + 1,
                language=language,
                code="\n".join(lines[index + 1 : end]) + "\n",
                marker=marker,
                kind=match.group("kind") if match else None,
                reason=(match.group("reason") or "").strip() if match else "",
            )
        )
        index = end + 1
    return found


ALL = [block for page in PAGES for block in blocks(page)]
SNIPPETS = [block for block in ALL if block.language in RUNNABLE]


def _output_of(snippet: Block) -> Block | None:
    """The ``<!-- snippet: output -->`` block that follows ``snippet`` on its page, if any."""
    on_page = [block for block in ALL if block.page == snippet.page]
    after = on_page[on_page.index(snippet) + 1 :]
    for block in after:
        if block.kind == "output":
            return block
        if block.language in RUNNABLE:
            return None
    return None


# --- matching expected output ----------------------------------------------------------------------


def _pattern(expected: str) -> re.Pattern[str]:
    parts = []
    for line in expected.rstrip("\n").splitlines():
        if line.strip() in ("...", "…"):
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*".join(re.escape(piece) for piece in line.rstrip().split("…")) + r"\n")
    return re.compile("".join(parts))


def _normal(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def assert_shows(actual: str, expected: str, where: str) -> None:
    if not _pattern(expected).fullmatch(_normal(actual)):
        raise AssertionError(f"{where}: the page shows\n{expected}\nbut the snippet gives\n{actual}")


# --- running -----------------------------------------------------------------------------------------


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in COPIED:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)  # `.venv/bin/toc …`
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _shows(code: str) -> dict[int, str]:
    """Line → the text of its ``# →`` comment."""
    comments = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT and token.string.startswith("# →"):
            comments[token.start[0]] = token.string.removeprefix("# →").strip()
    return comments


def run_python(block: Block) -> str:
    """Run the statements one by one; check each ``# →``; return all that was printed."""
    module = ast.parse(block.code, filename=block.name)
    shows = _shows(block.code)
    namespace: dict[str, object] = {"__name__": "__snippet__"}
    printed = io.StringIO()
    for statement in module.body:
        line = statement.end_lineno or statement.lineno
        where = f"{block.page.relative_to(ROOT)}:{block.line + line}"
        expected = shows.pop(line, None)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            if isinstance(statement, ast.Expr):
                value = eval(compile(ast.Expression(statement.value), block.name, "eval"), namespace)
            else:
                exec(compile(ast.Module([statement], []), block.name, "exec"), namespace)
                value = None
        printed.write(out.getvalue())
        if expected is None:
            continue
        assert isinstance(statement, ast.Expr), f"{where}: '# →' must follow an expression"
        is_print = (
            isinstance(statement.value, ast.Call) and getattr(statement.value.func, "id", "") == "print"
        )
        assert_shows(out.getvalue() if is_print else repr(value) + "\n", expected, where)
    assert not shows, f"{block.name}: '# →' inside a statement, lines {sorted(shows)}"
    return printed.getvalue()


def _bash(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if not (BIN / "toc").exists():
        pytest.fail(f"no toc command in {BIN}: install the package there (pip install -e .)")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)  # the text format, not GitHub annotations
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def run_console(block: Block, cwd: Path) -> str:
    """Each ``$ command`` with the lines up to the next one as its expected output."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.code.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"{block.name}: a console snippet starts with '$ command'"
            steps[-1][1].append(line)
    shown = []
    for command, expected in steps:
        done = _bash(command, cwd)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 0 or (done.returncode == 1 and command.startswith(EXIT_1)), (
            f"{block.name}: `{command}` exited {done.returncode}\n{done.stderr}"
        )
        if any(line.strip() for line in expected):
            assert_shows(done.stdout + done.stderr, "\n".join(expected), f"{block.name}: `{command}`")
        shown.append(done.stdout + done.stderr)
    return "".join(shown)


def _commands(code: str) -> list[str]:
    """The script's command lines (a line ending in a backslash continues on the next)."""
    commands: list[str] = []
    pending = ""
    for line in code.splitlines():
        pending += line
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        if pending.strip() and not pending.lstrip().startswith("#"):
            commands.append(pending)
        pending = ""
    return commands


def run_shell(block: Block, cwd: Path) -> str:
    """Run the snippet as one script, recording the exit code of every command line (``a && b``
    included, which ``set -e`` and an ERR trap would let pass)."""
    failures = cwd / ".snippet-failures"
    commands = _commands(block.code)
    script = "".join(
        f'{command}\n__status=$?; [ $__status -eq 0 ] || echo "$__status {number}" >> {str(failures)!r}\n'
        for number, command in enumerate(commands)
    )
    done = _bash(script, cwd)
    assert "Traceback" not in done.stderr, done.stderr
    failed = failures.read_text(encoding="utf-8").split("\n")[:-1] if failures.exists() else []
    unexpected = []
    for record in failed:
        status, number = record.split()
        command = commands[int(number)]
        if not (status == "1" and command.startswith(EXIT_1)):  # findings, changes: documented
            unexpected.append(f"`{command}` exited {status}")
    assert not unexpected, f"{block.name}: " + "; ".join(unexpected) + f"\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.mark.parametrize("block", SNIPPETS, ids=lambda block: block.name)
def test_snippet_runs(block: Block, sandbox: Path) -> None:
    if block.kind == "skip":
        pytest.skip(block.reason)
    if block.language == "python":
        printed = run_python(block)
    elif block.language == "console":
        printed = run_console(block, sandbox)
    else:
        printed = run_shell(block, sandbox)
    output = _output_of(block)
    if output is not None:
        assert_shows(printed, output.code, f"{output.name} (the output of {block.name})")


# --- the markers themselves ----------------------------------------------------------------------------


def test_there_are_snippets_on_the_pages_that_teach_by_example() -> None:
    pages = {block.page.name for block in SNIPPETS}
    assert pages >= {"README.md", "format.md", "checking.md", "diagrams.md", "assessment.md"}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_marker_is_understood(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    marked = {block.marker for block in blocks(page) if block.marker}
    for number, line in enumerate(lines, 1):
        if not line.strip().startswith("<!--") or "snippet:" not in line:
            continue  # a marker is a line of its own (one quoted in prose is no marker)
        where = f"{page.name}:{number}"
        match = _MARKER.match(line.strip())
        assert match, f"{where}: write <!-- snippet: skip (reason) --> or <!-- snippet: output -->"
        assert match.group("kind") in ("skip", "output"), f"{where}: unknown marker {match.group('kind')!r}"
        if match.group("kind") == "skip":
            assert (match.group("reason") or "").strip(), f"{where}: say why the snippet is skipped"
        assert line.strip() in marked, f"{where}: a marker belongs on the line before a fenced block"
    for block in blocks(page):
        if block.kind == "skip":
            assert block.language in RUNNABLE, f"{block.name}: only runnable snippets can be skipped"
        if block.kind == "output":
            assert block.language == "text", f"{block.name}: the output marker goes before a ```text block"
            assert any(_output_of(snippet) == block for snippet in SNIPPETS if snippet.page == page), (
                f"{block.name}: no runnable snippet before this output"
            )


def test_matching_rules() -> None:
    assert _pattern("a\n...\nd …\n").fullmatch("a\nb\nc\nd and more\n")
    assert _pattern("a\n…\n").fullmatch("a\n")
    assert not _pattern("a\nb\n").fullmatch("a\nb\nc\n")
    assert not _pattern("a …").fullmatch("b c\n")
