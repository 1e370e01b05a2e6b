"""``write_atomic``: what is at the output path decides how it is written, and nothing is left behind.

A symbolic link stays a link (its target is written), an existing file keeps its mode, a FIFO
or a device is written into (never replaced), and a temporary file never outlives the write —
not even when SIGTERM arrives in the middle of it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from toc.io.atomic import write_atomic

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "link.txt").symlink_to("real.txt")
    write_atomic(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink()
    assert os.readlink(tmp_path / "link.txt") == "real.txt"
    assert (tmp_path / "real.txt").read_text() == "new"


def test_a_chain_of_links_into_another_folder_is_followed_to_the_end(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "report.md").write_text("old")
    (tmp_path / "one").symlink_to(elsewhere / "report.md")
    (tmp_path / "two").symlink_to("one")
    write_atomic(tmp_path / "two", "new")
    assert (tmp_path / "two").is_symlink()
    assert (tmp_path / "one").is_symlink()
    assert (elsewhere / "report.md").read_text() == "new"
    assert sorted(p.name for p in elsewhere.iterdir()) == [
        "report.md"
    ]  # the temp file was there, and is gone


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to("target.txt")
    write_atomic(tmp_path / "link", "made")
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "target.txt").read_text() == "made"


def test_a_symlink_loop_is_an_os_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OSError, match="symbolic links"):
        write_atomic(tmp_path / "a", "x")


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o444])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("old")
    target.chmod(mode)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text() == "new"


def test_a_new_file_gets_0666_less_the_umask(tmp_path: Path, umask_027: None) -> None:
    write_atomic(tmp_path / "new.txt", "x")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, without blocking the test
    try:
        write_atomic(fifo, "through the pipe")
        received = os.read(reader, 1000)
    finally:
        os.close(reader)
    assert received == b"through the pipe"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_null_stays_a_device() -> None:
    write_atomic("/dev/null", "nothing")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_the_temporary_file_says_what_it_is_and_is_gone_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_fsync = os.fsync

    def look(fd: int) -> None:
        seen.extend(sorted(p.name for p in tmp_path.iterdir()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", look)
    write_atomic(tmp_path / "report.html", "<p>")
    assert len(seen) == 1
    assert seen[0].startswith(".report.html.toc-tmp-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    assert target.read_text() == "old"


def test_a_long_file_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    name = "é" * 120 + ".md"  # 243 bytes: the temporary name must be cut, not fail
    write_atomic(tmp_path / name, "x")
    assert (tmp_path / name).read_text() == "x"


_INTERRUPTED = """
import os, signal, sys
from toc.io.atomic import write_atomic
target = sys.argv[1]
if sys.argv[2] == "ignore":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
real_fsync = os.fsync
def fsync(fd):
    os.kill(os.getpid(), signal.SIGTERM)  # the signal arrives while the temporary file exists
    real_fsync(fd)
os.fsync = fsync
before = signal.getsignal(signal.SIGTERM)
write_atomic(target, "new")
assert signal.getsignal(signal.SIGTERM) == before, "the previous handler is restored"
print("finished")
"""


def _interrupt(target: Path, mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _INTERRUPTED, str(target), mode],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,  # a guard against a hang, not a timing assertion
    )


def test_sigterm_during_a_write_removes_the_temporary_file_and_still_ends_the_process(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    done = _interrupt(target, "default")
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
    assert target.read_text() == "old"


def test_an_ignored_sigterm_stays_ignored_and_the_write_completes(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    done = _interrupt(target, "ignore")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "finished\n"
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_sigint_during_a_write_is_a_keyboard_interrupt_with_nothing_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGINT)

    before = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGINT) is before
