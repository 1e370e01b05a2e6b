"""``toc fmt FILE`` rewrites the file in place, like black and ruff format (docs/format.md)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import toc
from toc.cli import main
from toc.cli.streams import Streams

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"
MODELINE = "# yaml-language-server: $schema=../docs/toc.schema.json\n"
HAND = "toc: 1\nprogramme: {id: p, title: P}\nnodes:\n  - {id: a, level: activity, label: A}\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_hand_written_file_is_rewritten_in_place_in_canonical_form(tmp_path: Path) -> None:
    path = write(tmp_path / "m.yaml", HAND)
    code, out, err = run("fmt", str(path))
    assert (code, out) == (0, "")
    assert err == f"reformatted {path}\ntoc fmt: 1 file reformatted, 0 files left unchanged\n"
    text = path.read_text(encoding="utf-8")
    assert text == toc.dumps(toc.loads(HAND))
    assert toc.load(path) == toc.loads(HAND)


def test_a_canonical_file_is_not_touched(tmp_path: Path) -> None:
    path = write(tmp_path / "m.yaml", toc.dumps(toc.loads(HAND)))
    before = path.stat()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))  # an older timestamp to keep
    before = path.stat()
    code, _, err = run("fmt", str(path))
    after = path.stat()
    assert (code, err) == (0, "toc fmt: 0 files reformatted, 1 file left unchanged\n")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_rewrite_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import toc.io.atomic

    path = write(tmp_path / "m.yaml", HAND)
    calls: list[str] = []

    def failing(target: str | os.PathLike[str], content: str | bytes) -> None:
        calls.append(os.fspath(target))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(toc.io.atomic, "write_atomic", failing)
    code, _, err = run("fmt", str(path))
    assert calls == [str(path)]
    assert code == 2
    assert f"toc fmt: cannot write {path}: No space left on device" in err
    assert path.read_text(encoding="utf-8") == HAND
    assert os.listdir(tmp_path) == ["m.yaml"]


def test_the_opening_comments_are_kept_and_formatting_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path / "small.yaml", SMALL.read_text(encoding="utf-8"))
    assert SMALL.read_text(encoding="utf-8").startswith(MODELINE)
    assert run("fmt", str(path))[0] == 0
    once = path.read_bytes()
    assert once.decode("utf-8") == MODELINE + toc.dumps(toc.load(SMALL))
    assert run("fmt", str(path))[0] == 0
    assert path.read_bytes() == once
    assert run("fmt", "--check", str(path)) == (0, "", "")


def test_comments_the_canonical_form_would_lose_stop_the_rewrite(tmp_path: Path) -> None:
    text = HAND.replace("nodes:\n", "nodes:  # the only node\n") + "# end\n"
    path = write(tmp_path / "m.yaml", text)
    code, out, err = run("fmt", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}: not rewritten: it has comments (line 3, 5) that the canonical form")
    assert "--drop-comments" in err
    assert path.read_text(encoding="utf-8") == text
    code, _, _ = run("fmt", "--drop-comments", str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8") == toc.dumps(toc.loads(HAND))


def test_a_hash_inside_a_value_is_not_a_comment(tmp_path: Path) -> None:
    text = HAND.replace("label: A}", "label: 'A # B'}") + "# end\n"
    path = write(tmp_path / "m.yaml", text)
    code, _, err = run("fmt", str(path))
    assert code == 2
    assert "(line 5)" in err


def test_check_writes_nothing_and_says_how_to_fix(tmp_path: Path) -> None:
    path = write(tmp_path / "m.yaml", HAND)
    expected = f"{path}: not in canonical form (run: toc fmt {path})\n"
    assert run("fmt", "--check", str(path)) == (1, "", expected)
    assert path.read_text(encoding="utf-8") == HAND


def test_diff_prints_what_would_change_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "m.yaml", HAND)
    code, out, err = run("fmt", "--diff", str(path))
    assert (code, err) == (1, "")
    assert out.startswith(f"--- {path}\n+++ {path} (canonical)\n@@ ")
    assert "-programme: {id: p, title: P}\n" in out
    assert "+programme:\n" in out
    assert path.read_text(encoding="utf-8") == HAND
    run("fmt", str(path))
    assert run("fmt", "--diff", str(path)) == (0, "", "")


def test_dash_o_dash_prints_the_canonical_form(tmp_path: Path) -> None:
    path = write(tmp_path / "m.yaml", HAND)
    assert run("fmt", str(path), "-o", "-") == (0, toc.dumps(toc.loads(HAND)), "")
    assert path.read_text(encoding="utf-8") == HAND


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["a.yaml", "b.yaml", "-o", "-"], "toc fmt: -o takes one MODEL"),
        (["a.yaml", "--check", "-o", "-"], "toc fmt: -o writes the canonical form; it cannot be combined"),
    ],
)
def test_usage_errors(argv: list[str], message: str) -> None:
    code, out, err = run("fmt", *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message)


def test_several_files_one_broken_the_others_are_still_formatted(tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", HAND)
    broken = write(tmp_path / "broken.yaml", HAND.replace("activity", "activty"))
    done = write(tmp_path / "done.yaml", toc.dumps(toc.loads(HAND)))
    code, _, err = run("fmt", str(good), str(broken), str(done))
    assert code == 2
    assert f"{broken}:4:20: nodes[0].level: 'activty' is not allowed here" in err
    assert err.endswith("toc fmt: 1 file reformatted, 1 file left unchanged, 1 file not formatted (above)\n")
    assert good.read_text(encoding="utf-8") == toc.dumps(toc.loads(HAND))
    assert broken.read_text(encoding="utf-8") == HAND.replace("activity", "activty")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_not_rewritten(tmp_path: Path) -> None:
    fifo = tmp_path / "m.yaml"
    os.mkfifo(fifo)
    code, _, err = run("fmt", str(fifo))
    assert code == 2
    assert err == f"{fifo}: not a regular file; print its canonical form with: toc fmt {fifo} -o -\n"
